from django.urls import path

from . import views

app_name = "interviews"

urlpatterns = [
    path("", views.interview_list, name="list"),
    path("new/for/<int:application_id>/", views.interview_create, name="create"),
    path("<int:interview_id>/", views.interview_detail, name="detail"),
    path("<int:interview_id>/edit/", views.interview_update, name="update"),
    path("<int:interview_id>/calendar.ics", views.interview_calendar, name="calendar"),
    path("<int:interview_id>/delete/", views.interview_delete, name="delete"),
    path("<int:interview_id>/assessment/", views.assessment_edit, name="assessment_edit"),
]
