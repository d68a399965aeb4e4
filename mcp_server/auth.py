"""Who is calling: the same personal access tokens as the REST API (api.services), with the
same scopes. Over streamable HTTP the token comes in each request's `Authorization: Bearer`
header; over stdio, from REBOUND_API_TOKEN in the server's environment. Either way it is
checked again on every tool call, so a token revoked or expired mid-session stops at once."""

from asgiref.sync import sync_to_async
from django.db import close_old_connections
from django.utils.translation import gettext_lazy as _
from mcp.server.auth.middleware.auth_context import get_access_token
from mcp.server.auth.provider import AccessToken
from mcp.server.mcpserver.exceptions import ToolError

from api.models import ApiToken
from api.services import token_check

READ, WRITE, PRIVATE = "read", "write", "private_notes"

# Before the token is known there is no owner: said in the server's language.
UNKNOWN = _(
    "That token is unknown, revoked or expired. Make a new one in Rebound: Preferences → "
    "API tokens."
)


def scopes_of(token: ApiToken) -> list[str]:
    return (
        [READ] + ([WRITE] if token.can_write else []) + ([PRIVATE] if token.private_notes else [])
    )


def token_for(text: str) -> ApiToken:
    """The usable token `text` is (marked used today), or a ToolError the agent can read."""
    token = _check_quietly(text)
    if token is None:
        raise ToolError(str(UNKNOWN))
    return token


def presented(stdio_token: str) -> str:
    """The token text of this call: the HTTP request's bearer token, else the stdio one."""
    access = get_access_token()
    return access.token if access is not None else stdio_token


class BearerTokens:
    """The SDK's TokenVerifier for streamable HTTP: a request without a usable token is answered
    401 before any tool runs."""

    async def verify_token(self, token: str) -> AccessToken | None:
        found = await sync_to_async(_check_quietly)(token)
        if found is None:
            return None
        return AccessToken(
            token=token,
            client_id=f"rebound-token-{found.pk}",
            scopes=scopes_of(found),
            subject=str(found.owner_id),
        )


def _check_quietly(text: str) -> ApiToken | None:
    close_old_connections()  # a long-lived process: drop a connection the database closed
    return token_check(text)
