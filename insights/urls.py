from django.urls import path

from . import views

app_name = "insights"
urlpatterns = [
    path("", views.insights, name="insights"),
    path("insights.csv", views.insights_csv, name="csv"),
    path("work-search-log/", views.work_search_log, name="work_search_log"),
    path("work-search-log.csv", views.work_search_log_csv, name="work_search_log_csv"),
]
