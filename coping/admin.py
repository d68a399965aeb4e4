from django.contrib import admin

from .models import CopingPlan, FeedbackRequest, Incident, JournalEntry, Outreach, Reminder


@admin.register(Reminder)
class ReminderAdmin(admin.ModelAdmin):
    """Operators see failures and their errors; nothing personal beyond the kind and owner."""

    list_display = ("id", "kind", "owner", "status", "due_at", "attempts", "sent_at", "last_error")
    list_filter = ("status", "kind")
    search_fields = ("owner__email", "subject_key")
    list_select_related = ("owner",)
    readonly_fields = [f.name for f in Reminder._meta.fields]


@admin.register(CopingPlan)
class CopingPlanAdmin(admin.ModelAdmin):
    list_display = ("id", "owner", "reason", "opened_on", "closed_at")
    list_select_related = ("owner",)


@admin.register(JournalEntry)
class JournalEntryAdmin(admin.ModelAdmin):
    # A journal is private: lists show no text or mood, and opening one is a deliberate act
    # (the change page), which a superuser only needs for support at the user's request.
    list_display = ("__str__", "owner", "written_on")
    list_select_related = ("owner",)
    search_fields = ("owner__email",)
    fields = ("owner", "written_on", "mood", "text")
    readonly_fields = ("owner",)


@admin.register(FeedbackRequest)
class FeedbackRequestAdmin(admin.ModelAdmin):
    list_display = ("id", "status", "sent_on", "received_on")


admin.site.register(Outreach)
admin.site.register(Incident)
