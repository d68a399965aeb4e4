from django.urls import path

from . import views

app_name = "people"

urlpatterns = [
    path("<int:contact_id>/", views.contact_detail, name="contact_detail"),
    path("<int:contact_id>/keep-warm/", views.keep_warm_set, name="keep_warm_set"),
    path("<int:contact_id>/keep-warm/off/", views.keep_warm_off, name="keep_warm_off"),
    path("<int:contact_id>/in-touch/", views.contact_touched, name="contact_touched"),
]
