"""What a token may do: read-only tokens read; the private notes need their own scope."""

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import permissions

from .models import ApiToken


class TokenScope(permissions.BasePermission):
    message = _("This token is read-only: make a read-and-write token to change anything.")

    def has_permission(self, request: Any, view: Any) -> bool:
        token = request.auth
        if not isinstance(token, ApiToken):  # the site's own session: as on the pages
            return True
        if request.method in permissions.SAFE_METHODS:
            return True
        return token.can_write


class PrivateNotesScope(permissions.BasePermission):
    message = _("This token can’t read private notes: make one with the “private notes” scope.")

    def has_permission(self, request: Any, view: Any) -> bool:
        token = request.auth
        return not isinstance(token, ApiToken) or token.private_notes
