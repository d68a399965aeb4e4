from django.contrib import admin
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rebound.admin_privacy import PrivateReadOnlyAdmin

from .models import Application, Company, Contact
from .services import application_delete


@admin.register(Company)
class CompanyAdmin(PrivateReadOnlyAdmin):
    """That a company exists and whose it is; its name, site and notes are the user's."""

    list_display = ("id", "owner", "created_at")
    search_fields = ("owner__email",)
    list_select_related = ("owner",)
    fields = ("owner", "created_at")
    readonly_fields = fields


@admin.register(Contact)
class ContactAdmin(PrivateReadOnlyAdmin):
    """A contact's kind, owner and company by number: never the person's name or details."""

    list_display = ("id", "kind", "company", "owner")
    list_filter = ("kind",)
    search_fields = ("owner__email",)
    list_select_related = ("owner",)
    fields = ("owner", "company", "kind", "created_at")
    readonly_fields = fields


@admin.register(Application)
class ApplicationAdmin(PrivateReadOnlyAdmin):
    """Status, source, owner and dates; the timeline as moves and dates, without its notes.
    Read-only: changes go through the site's services (plans and reminders follow them);
    deleting goes through application_delete."""

    list_display = ("id", "status", "source", "owner", "updated_at")
    list_filter = ("status", "source")
    search_fields = ("owner__email",)
    list_select_related = ("owner",)
    fields = (
        "owner",
        "company",
        "status",
        "status_changed_on",
        "source",
        "remote_mode",
        "date_applied",
        "archived_at",
        "timeline",
        "created_at",
        "updated_at",
    )
    readonly_fields = fields

    @admin.display(description=gettext_lazy("timeline"))
    def timeline(self, obj: Application) -> str:
        return "; ".join(
            _("%(from)s → %(to)s on %(day)s")
            % {
                "from": change.from_status or _("new"),
                "to": change.to_status,
                "day": change.changed_on,
            }
            for change in obj.status_changes.all()
        )

    def delete_model(self, request, obj):  # type: ignore[no-untyped-def]
        application_delete(application=obj)

    def delete_queryset(self, request, queryset):  # type: ignore[no-untyped-def]
        for application in queryset:
            application_delete(application=application)
