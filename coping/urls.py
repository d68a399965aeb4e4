from django.urls import path

from . import views

app_name = "coping"

urlpatterns = [
    path("plans/", views.plan_list, name="plan_list"),
    path("plans/<int:plan_id>/", views.plan_detail, name="plan_detail"),
    path("plans/<int:plan_id>/close/", views.plan_close, name="plan_close"),
    path("plans/<int:plan_id>/<slug:step>/", views.plan_step, name="plan_step"),
    path("plans/<int:plan_id>/<slug:step>/state/", views.plan_step_state, name="plan_step_state"),
    path("outreach/<int:outreach_id>/delete/", views.outreach_delete, name="outreach_delete"),
    path("incidents/<int:incident_id>/delete/", views.incident_delete, name="incident_delete"),
    path("journal/", views.journal, name="journal"),
    path("journal/<int:entry_id>/edit/", views.journal_entry_update, name="journal_entry_update"),
    path("journal/<int:entry_id>/delete/", views.journal_entry_delete, name="journal_entry_delete"),
]
