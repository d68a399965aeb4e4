from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from rebound.admin_privacy import NoUserTextAdmin

from . import kinds
from .models import Reminder


class KindFilter(admin.SimpleListFilter):
    """The kinds by their labels, as their owners declare them (a kind is stored by name)."""

    title = _("kind")
    parameter_name = "kind"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return sorted(
            ((name, str(kind.label)) for name, kind in kinds.registered().items()),
            key=lambda pair: pair[1],
        )

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        return queryset.filter(kind=self.value()) if self.value() else queryset


@admin.register(Reminder)
class ReminderAdmin(NoUserTextAdmin):
    """Operators see failures and their error class; nothing personal beyond kind and owner.

    Read-only: every change goes through the engine's services (the user's reminders page).
    """

    list_display = (
        "id",
        "kind_label",
        "owner",
        "status",
        "due_at",
        "attempts",
        "sent_at",
        "last_error",
    )
    list_filter = ("status", KindFilter)
    search_fields = ("owner__email",)
    list_select_related = ("owner",)
    readonly_fields = [f.name for f in Reminder._meta.fields]

    @admin.display(description=_("kind"), ordering="kind")
    def kind_label(self, reminder: Reminder) -> str:
        return reminder.get_kind_display()

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False
