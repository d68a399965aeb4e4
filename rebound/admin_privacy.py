from typing import Any

from django.contrib import admin


class PrivateReadOnlyAdmin(admin.ModelAdmin):
    """For rows holding someone's private words: operators see that a row exists, whose it is
    and its dates (to help at the user's request), never the words, and change nothing —
    every write goes through the app's services."""

    def has_add_permission(self, request: Any) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False
