"""`Authorization: Bearer rbd_…` for scripts; the site's own session works too (DRF's
SessionAuthentication, with its CSRF check)."""

from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions

from rebound.lib.language import user_language

from .models import ApiToken
from .services import token_check
from .throttling import bad_tokens_check


class BearerTokenAuthentication(authentication.BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request: Any) -> tuple[Any, ApiToken] | None:
        header = authentication.get_authorization_header(request).decode("latin-1")
        if not header:
            return None
        keyword, _space, text = header.partition(" ")
        if keyword != self.keyword:
            return None
        bad_tokens_check(request, failed=False)
        token = token_check(text.strip())
        if token is None:
            bad_tokens_check(request, failed=True)
            raise exceptions.AuthenticationFailed(
                _(
                    "That token is unknown, revoked or expired. Make a new one in Preferences → "
                    "API tokens."
                )
            )
        # A script's request answers in its owner's language, as their pages do (the
        # session's requests have it from rebound.middleware already); api.middleware puts
        # the language before it back when the request is done.
        language = user_language(token.owner)
        translation.activate(language)
        request._request.LANGUAGE_CODE = language
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
