from django.urls import path

from . import views

app_name = "offers"
urlpatterns = [
    path("", views.compare, name="compare"),
    path("application/<int:application_id>/", views.offer_edit, name="edit"),
    path("application/<int:application_id>/delete/", views.offer_delete, name="delete"),
]
