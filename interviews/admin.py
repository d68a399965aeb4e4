from django.contrib import admin

from rebound.admin_privacy import PrivateReadOnlyAdmin

from .models import Interview


@admin.register(Interview)
class InterviewAdmin(PrivateReadOnlyAdmin):
    """When and what kind of round only: changes go through interview_save/interview_delete
    (they keep reminders in step). Self-assessments are private and not in the admin."""

    list_display = ("id", "application", "round_type", "starts_at")
    list_select_related = ("application__company",)
    fields = ("application", "round_type", "format", "starts_at", "ends_at", "promised_reply_by")
    readonly_fields = fields

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False
