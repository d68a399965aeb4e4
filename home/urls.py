from django.urls import path

from . import views

urlpatterns = [
    path("home/", views.home, name="home"),
    path("accounts/preferences/", views.preferences, name="preferences"),
]
