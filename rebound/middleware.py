import zoneinfo
from collections.abc import Callable

from django.conf import settings
from django.db import DataError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from rebound.lib.language import user_language


class UserTimezoneMiddleware:
    """Render every date in the signed-in user's own time zone, and every word in their own
    language (LocaleMiddleware, earlier, chose the browser's; the account's choice wins)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            try:
                timezone.activate(zoneinfo.ZoneInfo(user.timezone))
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                timezone.deactivate()
            language = user_language(user)
            if language != translation.get_language():
                translation.activate(language)
                request.LANGUAGE_CODE = language
        else:
            timezone.deactivate()
        return self.get_response(request)


class HostileInputMiddleware:
    """Input no form should ever see, and the last line of defence behind the forms' bounds.

    - A NUL byte in a query string or a form field can't be stored by PostgreSQL: the request
      gets a plain 400 page saying so, instead of a database error.
    - A date or number that slipped past a form's bounds and overflows (Python's date
      arithmetic, or a column's range) gets the same kind of 400 page, never a 500. The
      response carries `X-Rebound-Guard` so the hostile-input test can tell that a bound is
      missing somewhere (it fails on this page too).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        for values in (request.GET, request.POST if request.method == "POST" else {}):
            for key, value in values.items():
                if "\x00" in key or "\x00" in value:
                    return _bad_input(request, "nul-byte")
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, OverflowError | DataError):
            return _bad_input(request, "out-of-range")
        return None


_SAID = {
    "nul-byte": _("Something sent contains a NUL byte (\\u0000), which can’t be stored."),
    "out-of-range": _("A date or number is far outside what makes sense; nothing was changed."),
}


def _bad_input(request: HttpRequest, guard: str) -> HttpResponse:
    response: HttpResponse
    if request.path.startswith(settings.API_PREFIX):
        # The API answers in its JSON error shape (docs/api.md), never with a page.
        response = JsonResponse(
            {"errors": [{"field": None, "code": guard, "message": str(_SAID[guard])}]}, status=400
        )
    else:
        response = render(request, "400_input.html", {"guard": guard}, status=400)
    response["X-Rebound-Guard"] = guard
    return response
