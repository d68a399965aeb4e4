from django.urls import path

from . import views

app_name = "applications"

urlpatterns = [
    path("", views.application_list, name="application_list"),
    path("board/", views.board, name="board"),
    path("export.csv", views.application_export, name="application_export"),
    path("new/", views.application_create, name="application_create"),
    path("quick-add/", views.quick_add, name="quick_add"),
    path("company-history/", views.company_history, name="company_history"),
    path("<int:application_id>/", views.application_detail, name="application_detail"),
    path("<int:application_id>/edit/", views.application_update, name="application_update"),
    path("<int:application_id>/delete/", views.application_delete, name="application_delete"),
    path(
        "<int:application_id>/status/",
        views.application_change_status,
        name="application_change_status",
    ),
    path("<int:application_id>/interviews/new/", views.interview_create, name="interview_create"),
    path("timeline/<int:change_id>/", views.status_change_correct, name="status_change_correct"),
    path("companies/", views.company_list, name="company_list"),
    path("companies/new/", views.company_create, name="company_create"),
    path("companies/<int:company_id>/", views.company_detail, name="company_detail"),
    path("companies/<int:company_id>/edit/", views.company_update, name="company_update"),
    path("companies/<int:company_id>/delete/", views.company_delete, name="company_delete"),
    path("contacts/", views.contact_list, name="contact_list"),
    path("contacts/new/", views.contact_create, name="contact_create"),
    path("contacts/<int:contact_id>/edit/", views.contact_update, name="contact_update"),
    path("contacts/<int:contact_id>/delete/", views.contact_delete, name="contact_delete"),
    path("interviews/", views.interview_list, name="interview_list"),
    path("interviews/<int:interview_id>/", views.interview_detail, name="interview_detail"),
    path("interviews/<int:interview_id>/edit/", views.interview_update, name="interview_update"),
    path(
        "interviews/<int:interview_id>/calendar.ics",
        views.interview_calendar,
        name="interview_calendar",
    ),
    path("interviews/<int:interview_id>/delete/", views.interview_delete, name="interview_delete"),
    path(
        "interviews/<int:interview_id>/assessment/",
        views.assessment_edit,
        name="assessment_edit",
    ),
]
