from django.contrib import admin

from .models import Application, Company, Contact, StatusChange
from .services import application_delete


@admin.register(Company)
class CompanyAdmin(admin.ModelAdmin):
    list_display = ("name", "owner", "created_at")
    search_fields = ("name", "owner__email")
    list_select_related = ("owner",)


@admin.register(Contact)
class ContactAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "company", "owner")
    list_filter = ("kind",)
    search_fields = ("name", "email", "owner__email")
    list_select_related = ("company", "owner")


class StatusChangeInline(admin.TabularInline):
    """The timeline, read-only: changes go through application_change_status (the site's
    status form), so plans and reminders follow them."""

    model = StatusChange
    extra = 0
    can_delete = False
    readonly_fields = ("from_status", "to_status", "changed_on", "note", "created_at")

    def has_add_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    list_display = ("role", "company", "status", "owner", "updated_at")
    list_filter = ("status", "source")
    search_fields = ("role", "company__name", "owner__email")
    list_select_related = ("company", "owner")
    inlines = [StatusChangeInline]
    readonly_fields = ("owner", "status", "status_changed_on", "created_at", "updated_at")

    def delete_model(self, request, obj):  # type: ignore[no-untyped-def]
        application_delete(application=obj)

    def delete_queryset(self, request, queryset):  # type: ignore[no-untyped-def]
        for application in queryset:
            application_delete(application=application)
