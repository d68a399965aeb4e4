from django.contrib import admin

from rebound.admin_privacy import NoUserTextAdmin

from .models import Reminder


@admin.register(Reminder)
class ReminderAdmin(NoUserTextAdmin):
    """Operators see failures and their error class; nothing personal beyond kind and owner.

    Read-only: every change goes through the engine's services (the user's reminders page).
    """

    list_display = ("id", "kind", "owner", "status", "due_at", "attempts", "sent_at", "last_error")
    list_filter = ("status", "kind")
    search_fields = ("owner__email",)
    list_select_related = ("owner",)
    readonly_fields = [f.name for f in Reminder._meta.fields]

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False
