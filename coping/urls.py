from django.urls import path

from .views import journal, plans, records, steps

app_name = "coping"

urlpatterns = [
    path("plans/", plans.plan_list, name="plan_list"),
    path("plans/<int:plan_id>/", plans.plan_detail, name="plan_detail"),
    path("plans/<int:plan_id>/close/", plans.plan_close, name="plan_close"),
    path("plans/<int:plan_id>/<slug:step>/", steps.plan_step, name="plan_step"),
    path("plans/<int:plan_id>/<slug:step>/state/", plans.plan_step_state, name="plan_step_state"),
    path("outreach/<int:outreach_id>/delete/", records.outreach_delete, name="outreach_delete"),
    path("incidents/<int:incident_id>/delete/", records.incident_delete, name="incident_delete"),
    path("journal/", journal.journal, name="journal"),
    path("journal/<int:entry_id>/edit/", journal.journal_entry_update, name="journal_entry_update"),
    path(
        "journal/<int:entry_id>/delete/", journal.journal_entry_delete, name="journal_entry_delete"
    ),
]
