from django.urls import path

from . import source_views, views

app_name = "mailin"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("paste/", views.paste, name="paste"),
    path("paste/for/<int:application_id>/", views.paste, name="paste_for"),
    path("preferences/", views.preferences, name="preferences"),
    path("emails/<int:message_id>/", views.message_detail, name="message_detail"),
    path("<int:suggestion_id>/apply/", views.suggestion_apply, name="suggestion_apply"),
    path("<int:suggestion_id>/interview/", views.suggestion_interview, name="suggestion_interview"),
    path("<int:suggestion_id>/dismiss/", views.suggestion_dismiss, name="suggestion_dismiss"),
    path("<int:suggestion_id>/correct/", views.suggestion_correct, name="suggestion_correct"),
    path("<int:suggestion_id>/undo/", views.suggestion_undo, name="suggestion_undo"),
    # The forwarding address and the IMAP folder (source_views).
    path("ways-in/", source_views.ways_in, name="ways_in"),
    path("ways-in/address/new/", source_views.forwarding_address_new, name="address_new"),
    path("ways-in/address/remove/", source_views.forwarding_address_remove, name="address_remove"),
    path("ways-in/imap/connect/", source_views.imap_connect, name="imap_connect"),
    path("ways-in/imap/read/", source_views.imap_poll_now, name="imap_poll_now"),
    path("ways-in/imap/remove/", source_views.imap_remove, name="imap_remove"),
]
