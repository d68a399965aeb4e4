"""Under /api/, every error in the API's one JSON shape, whatever produced it.

DRF's handler (api.exceptions) shapes what the views raise. Some errors never reach a view:
a body Django can't parse (a garbage multipart POST, read by the hostile-input guard before
any view), a body over the size limit, an address that resolves to nothing, the CSRF check,
an unexpected exception's 500 page, the upload guard's 413. Those come out as HTML pages; this
middleware, which wraps them all, answers them in the documented shape instead.
"""

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.http.multipartparser import MultiPartParserError
from django.utils import translation
from django.utils.translation import gettext_lazy as _

FORM_TYPES = ("multipart/form-data", "application/x-www-form-urlencoded")
# What the error page's own body said; its headers (Allow, the security headers) are kept.
BODY_HEADERS = ("Content-Type", "Content-Length", "Content-Encoding", "Content-Language")

SAID = {
    400: ("bad_request", _("The request couldn’t be read: check its address, headers and "
          "body (the API reads JSON bodies, Content-Type: application/json).")),
    403: ("permission_denied", _("This request was refused. Scripts send a token "
          "(Authorization: Bearer …); the site’s own pages send their CSRF token.")),
    404: ("not_found", _("No such address.")),
    405: ("method_not_allowed", _("This address doesn’t answer that method.")),
    413: ("too_large", _("The request is larger than the API reads; send less at a time.")),
    415: ("unsupported_media_type", _("The API reads JSON bodies: send Content-Type: "
          "application/json.")),
    500: ("server_error", _("Something went wrong on Rebound’s side, not in what you sent. "
          "Nothing was changed; please try again in a moment.")),
}  # fmt: skip


def error(status: int, code: str | None = None, message: Any = None) -> JsonResponse:
    default_code, default_message = SAID.get(status, ("error", _("The request failed.")))
    said = str(message or default_message)
    return JsonResponse(
        {"errors": [{"field": None, "code": code or default_code, "message": said}]},
        status=status,
    )


def _unreadable(request: HttpRequest) -> JsonResponse | None:
    """A body the API won't read, refused before anything tries to."""
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return error(400, "bad_request", _("The Content-Length header isn’t a number."))
    # A body over the limit is the upload guard's (rebound.upload_limits), inside: its 413
    # page is shaped below. Never read it here.
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    if limit is not None and length > limit:
        return None
    if request.method != "POST" or request.content_type not in FORM_TYPES:
        return None
    try:
        # Read now, as the hostile-input guard would, so a garbage body is said in JSON.
        sent = bool(request.POST) or bool(request.FILES)
    except RequestDataTooBig:
        return error(413)
    except (MultiPartParserError, SuspiciousOperation):
        return error(400, "parse_error", _("The form data sent couldn’t be read, and the API "
                     "reads JSON anyway: send Content-Type: application/json."))  # fmt: skip
    # The API would silently drop form fields (it reads only JSON): say so instead.
    return error(415) if sent else None


def _shaped(response: HttpResponse) -> JsonResponse:
    shaped = error(response.status_code)
    for header, value in response.items():
        if header not in BODY_HEADERS:
            shaped[header] = value
    return shaped


class ErrorShapeMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(settings.API_PREFIX):
            return self.get_response(request)
        # Errors said before any view runs: in the browser's language (a script's token is
        # not read yet). Inside, LocaleMiddleware, the session's user or the token's owner
        # (api.authentication) choose it; the language before is put back afterwards.
        with translation.override(translation.get_language_from_request(request)):
            refused = _unreadable(request)
            if refused is not None:
                return refused
            response = self.get_response(request)
            if response.status_code < 400 or response.get("Content-Type", "").startswith(
                "application/json"
            ):
                return response
            return _shaped(response)
