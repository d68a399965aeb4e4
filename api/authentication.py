"""`Authorization: Bearer rbd_…` for scripts; the site's own session works too (DRF's
SessionAuthentication, with its CSRF check)."""

from typing import Any

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions

from .models import ApiToken
from .services import token_check
from .throttling import bad_tokens_check


class BearerTokenAuthentication(authentication.BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request: Any) -> tuple[Any, ApiToken] | None:
        header = authentication.get_authorization_header(request).decode("latin-1")
        if not header:
            return None
        keyword, _, text = header.partition(" ")
        if keyword != self.keyword:
            return None
        bad_tokens_check(request, failed=False)
        token = token_check(text.strip())
        if token is None:
            bad_tokens_check(request, failed=True)
            raise exceptions.AuthenticationFailed(
                "That token is unknown, revoked or expired. Make a new one in Preferences → "
                "API tokens."
            )
        return token.owner, token

    def authenticate_header(self, request: Any) -> str:
        return f'{self.keyword} realm="api"'


class BearerTokenScheme(OpenApiAuthenticationExtension):
    target_class = "api.authentication.BearerTokenAuthentication"
    name = "token"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "A personal access token from Preferences → API tokens.",
        }
