"""The coping workflow in the admin: what exists and when, never what anyone wrote."""

from django.contrib import admin

from rebound.admin_privacy import PrivateReadOnlyAdmin

from .models import CopingPlan, FeedbackRequest, Incident, JournalEntry, Outreach


@admin.register(CopingPlan)
class CopingPlanAdmin(PrivateReadOnlyAdmin):
    list_display = ("id", "owner", "reason", "opened_on", "closed_at")
    list_select_related = ("owner",)
    fields = ("owner", "reason", "opened_on", "closed_at")
    readonly_fields = fields


@admin.register(JournalEntry)
class JournalEntryAdmin(PrivateReadOnlyAdmin):
    list_display = ("__str__", "owner", "written_on")
    list_select_related = ("owner",)
    search_fields = ("owner__email",)
    fields = ("owner", "written_on", "created_at")
    readonly_fields = fields


@admin.register(FeedbackRequest)
class FeedbackRequestAdmin(PrivateReadOnlyAdmin):
    list_display = ("id", "status", "sent_on", "received_on")
    fields = ("plan", "status", "sent_on", "received_on", "updated_at")
    readonly_fields = fields


@admin.register(Outreach)
class OutreachAdmin(PrivateReadOnlyAdmin):
    list_display = ("id", "owner", "on", "outcome")
    list_select_related = ("owner",)
    fields = ("owner", "on", "outcome", "created_at")
    readonly_fields = fields


@admin.register(Incident)
class IncidentAdmin(PrivateReadOnlyAdmin):
    list_display = ("id", "plan", "created_at")
    fields = ("plan", "created_at")
    readonly_fields = fields
