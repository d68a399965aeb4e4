from django.urls import path

from . import attachment_views, company_views, export, saved_view_views, views
from .imports import views as import_views

app_name = "applications"

urlpatterns = [
    path("", views.application_list, name="application_list"),
    path("board/", views.board, name="board"),
    path("views/save/", saved_view_views.saved_view_save, name="saved_view_save"),
    path(
        "views/<int:view_id>/delete/", saved_view_views.saved_view_delete, name="saved_view_delete"
    ),
    path("export.csv", export.application_export, name="application_export"),
    path("import/", import_views.import_start, name="import_start"),
    path("import/<int:job_id>/", import_views.import_detail, name="import_detail"),
    path("import/<int:job_id>/preview/", import_views.import_preview, name="import_preview"),
    path("import/<int:job_id>/run/", import_views.import_run, name="import_run"),
    path("import/<int:job_id>/progress/", import_views.import_progress, name="import_progress"),
    path("import/<int:job_id>/skipped.csv", import_views.import_skipped_csv, name="import_skipped"),
    path("import/<int:job_id>/delete/", import_views.import_delete, name="import_delete"),
    path("new/", views.application_create, name="application_create"),
    path("bulk/", views.applications_bulk, name="applications_bulk"),
    path("quick-add/", views.quick_add, name="quick_add"),
    path("company-history/", views.company_history, name="company_history"),
    path("<int:application_id>/", views.application_detail, name="application_detail"),
    path("<int:application_id>/edit/", views.application_update, name="application_update"),
    path("<int:application_id>/delete/", views.application_delete, name="application_delete"),
    path("<int:application_id>/archive/", views.application_archive, name="application_archive"),
    path(
        "<int:application_id>/status/",
        views.application_change_status,
        name="application_change_status",
    ),
    path(
        "<int:application_id>/attachments/",
        attachment_views.attachment_add,
        name="attachment_add",
    ),
    path(
        "attachments/<int:attachment_id>/",
        attachment_views.attachment_download,
        name="attachment_download",
    ),
    path(
        "attachments/<int:attachment_id>/remove/",
        attachment_views.attachment_remove,
        name="attachment_remove",
    ),
    path("timeline/<int:change_id>/", views.status_change_correct, name="status_change_correct"),
    path("companies/", company_views.company_list, name="company_list"),
    path("companies/new/", company_views.company_create, name="company_create"),
    path("companies/<int:company_id>/", company_views.company_detail, name="company_detail"),
    path("companies/<int:company_id>/edit/", company_views.company_update, name="company_update"),
    path(
        "companies/<int:company_id>/delete/",
        company_views.company_delete,
        name="company_delete",
    ),
    path("contacts/", company_views.contact_list, name="contact_list"),
    path("contacts/new/", company_views.contact_create, name="contact_create"),
    path("contacts/<int:contact_id>/edit/", company_views.contact_update, name="contact_update"),
    path(
        "contacts/<int:contact_id>/delete/",
        company_views.contact_delete,
        name="contact_delete",
    ),
]
