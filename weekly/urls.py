from django.urls import path

from . import views

app_name = "weekly"
urlpatterns = [
    path("", views.letter_settings, name="settings"),
    path("preview/", views.letter_preview, name="preview"),
]
