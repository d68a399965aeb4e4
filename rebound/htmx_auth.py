"""An ended session meets an htmx request: answer with a way back, not a log-in page.

`login_required` answers a signed-out request with a redirect to the log-in page. A browser
follows it; htmx follows it too, inside its request, and swaps the whole log-in page (with a
second navigation bar) into the board or the home page's summary, moves focus into it and
says nothing. Here that redirect becomes `401` with `HX-Redirect`: htmx then leaves the page
for the log-in page as a whole, whose message says what happened and whose `next` is the page
the user was on (not the fragment's address), so logging in again brings them back to it.
"""

from collections.abc import Callable
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import resolve_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _

SESSION_ENDED = _(
    "You were logged out (your session ended), so that last action did not happen. Log in "
    "again and you will be back on the page you were on."
)


class HtmxSessionEndedMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.headers.get("HX-Request") != "true" or not _to_login(response):
            return response
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return response
        messages.info(request, SESSION_ENDED)
        login = resolve_url(settings.LOGIN_URL)
        back = _page_url(request)
        ended = HttpResponse(
            str(SESSION_ENDED), status=401, content_type="text/plain; charset=utf-8"
        )
        ended["HX-Redirect"] = f"{login}?{urlencode({'next': back})}" if back else login
        return ended


def _to_login(response: HttpResponse) -> bool:
    if response.status_code not in {301, 302, 303, 307, 308}:
        return False
    target = urlsplit(response.get("Location", ""))
    return target.path == resolve_url(settings.LOGIN_URL)


def _page_url(request: HttpRequest) -> str:
    """The page htmx was called from (its HX-Current-URL), as a path on this site, or ""."""
    current = urlsplit(request.headers.get("HX-Current-URL", ""))
    path = current.path + (f"?{current.query}" if current.query else "")
    if current.netloc and current.netloc != request.get_host():
        return ""
    if path and url_has_allowed_host_and_scheme(
        path, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return path
    return ""
