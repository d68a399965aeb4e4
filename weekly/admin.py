"""The letters in the admin: who asked for one and when, read-only (the reminder follows the
settings only through weekly.services)."""

from django.contrib import admin

from rebound.admin_privacy import PrivateReadOnlyAdmin

from .models import WeeklyLetter


@admin.register(WeeklyLetter)
class WeeklyLetterAdmin(PrivateReadOnlyAdmin):
    list_display = ("id", "user", "enabled", "weekday", "goal")
    list_select_related = ("user",)
    fields = ("user", "enabled", "weekday", "goal", "updated_at")
    readonly_fields = fields
