from django.urls import path

from . import views

urlpatterns = [
    path("home/", views.home, name="home"),
    path("home/glance/", views.home_glance, name="home_glance"),
    path("accounts/preferences/", views.preferences, name="preferences"),
]
