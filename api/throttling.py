"""Requests per token (or per signed-in user), and failed token checks per client, counted in
the cache (Redis) with atomic counters.

DRF's SimpleRateThrottle keeps a list of timestamps per client and writes it back after
reading it, so concurrent requests overwrite each other's entries: 729 of 1,500 concurrent
requests passed a limit of 600 (issue 21). The counters here are django-ratelimit's: one
atomic increment per request in a fixed window (`cache.add`, then Redis INCR), so the count
admitted in a window never exceeds the limit however many requests arrive at once.

With the cache unreachable (rebound.cache) these limits let requests through: they spare the
server, while what a token can reach is decided by the token itself.
"""

from typing import Any

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.utils.translation import gettext as _
from django_ratelimit.core import get_usage
from rest_framework import exceptions
from rest_framework.settings import api_settings
from rest_framework.throttling import BaseThrottle

from .models import ApiToken


def _usage(request: Any, *, group: str, ident: str, rate: str, increment: bool) -> Any:
    """django-ratelimit's count for `ident` in the current window, or None (the cache is
    unreachable, or limits are off)."""
    return get_usage(
        request, group=group, key=lambda group, request: ident, rate=rate, increment=increment
    )


class PerTokenThrottle(BaseThrottle):
    scope = "token"
    # Read per request, so a deployment's API_RATE (and a test's) applies.
    THROTTLE_RATES = api_settings.DEFAULT_THROTTLE_RATES

    def __init__(self) -> None:
        self.wait_seconds = 1

    def ident(self, request: Any) -> str:
        if isinstance(request.auth, ApiToken):
            return f"token-{request.auth.pk}"
        if request.user and request.user.is_authenticated:
            return f"user-{request.user.pk}"
        return f"ip-{client_address(request)}"

    def allow_request(self, request: Any, view: Any) -> bool:
        usage = _usage(
            request,
            group="api.token",
            ident=self.ident(request),
            rate=self.THROTTLE_RATES[self.scope],
            increment=True,
        )
        if usage is None:
            return True
        self.wait_seconds = max(int(usage["time_left"]), 1)
        return not usage["should_limit"]

    def wait(self) -> float:
        return self.wait_seconds


def client_address(request: Any) -> str:
    """The client's address as the lock-out sees it (behind TRUSTED_PROXY_COUNT proxies, the
    one they forwarded)."""
    return get_client_ip_address(request) or "unknown"


def bad_tokens_check(request: Any, *, failed: bool) -> None:
    """Count a failed token check from this client (when `failed`), and answer 429 while the
    client is over API_BAD_TOKEN_RATE: then every token it sends is refused unchecked, so
    a right guess can't be told from a wrong one."""
    usage = _usage(
        request,
        group="api.bad-token",
        ident=client_address(request),
        rate=settings.API_BAD_TOKEN_RATE,
        increment=failed,
    )
    if usage is None:
        return
    # Before a check: the client has used up its failures. After one: it went over them
    # while other requests of its own were being checked.
    over = usage["count"] > usage["limit"] if failed else usage["count"] >= usage["limit"]
    if over:
        raise exceptions.Throttled(
            wait=max(int(usage["time_left"]), 1),
            detail=_(
                "Too many unknown tokens from here. Wait a little, then check the token in "
                "Preferences → API tokens."
            ),
        )
