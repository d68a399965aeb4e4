from django.urls import path

from . import views

app_name = "reminders"

urlpatterns = [
    path("reminders/", views.reminder_list, name="list"),
    path("reminders/<int:reminder_id>/edit/", views.reminder_update, name="update"),
    path("reminders/<int:reminder_id>/cancel/", views.reminder_cancel, name="cancel"),
    path("reminders/<int:reminder_id>/send-now/", views.reminder_send_now, name="send_now"),
    path("reminders/<int:reminder_id>/preview/", views.reminder_preview, name="preview"),
    path(
        "reminders/<int:reminder_id>/preview/email/",
        views.reminder_preview_email,
        name="preview_email",
    ),
    # Links in reminder emails: signed, single-use, and they log no one in.
    path("r/<str:token>/", views.reminder_link, name="link"),
]
