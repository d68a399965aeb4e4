"""Uploads refused by their declared size before their body is read.

A view that takes a file declares its limit with `@upload_limit(bytes)`; every other URL
takes at most Django's DATA_UPLOAD_MAX_MEMORY_SIZE (which Django itself only applies to a
body's form fields, not to its files). The guard looks at `Content-Length` and answers 413
with a page that says the limit, so a 100 MB upload costs nothing: no temporary file, no
parsing, and the form's own size check stays for what a client may have miscounted.

It sits before any middleware that reads the body (the CSRF check, HostileInputMiddleware).
"""

from collections.abc import Callable
from typing import Any, TypeVar

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import Resolver404, resolve
from django.utils import formats
from django.utils.translation import gettext as _

from rebound.lib.language import in_language_of

# A multipart body holds the file and the form's other fields, each with its own headers.
MULTIPART_ALLOWANCE = 64 * 1024

View = TypeVar("View", bound=Callable[..., Any])


def upload_limit(max_bytes: int) -> Callable[[View], View]:
    """Declare the largest file a view takes; the guard refuses larger bodies unread."""

    def mark(view: View) -> View:
        view.upload_max_bytes = max_bytes  # type: ignore[attr-defined]
        return view

    return mark


def _limit(request: HttpRequest) -> int:
    """The largest file this URL's view takes (0: it takes no file)."""
    try:
        view = resolve(request.path_info).func
    except Resolver404:
        return 0
    return int(getattr(view, "upload_max_bytes", 0))


class UploadSizeMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            declared = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            declared = 0
        # None: Django's own limit is off; then only a view's declared limit applies.
        floor = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        # Most requests are small: only a large one pays for resolving its URL.
        if declared > (floor or 0):
            limit = _limit(request)
            allowed = max(limit + MULTIPART_ALLOWANCE, floor or 0) if limit or floor else declared
            if declared > allowed:
                return _too_large(request, limit)
        return self.get_response(request)


def _megabytes(size: int) -> str:
    return _("%(size)s MB") % {"size": formats.number_format(round(size / (1024 * 1024)))}


def _too_large(request: HttpRequest, limit: int) -> HttpResponse:
    # Refused before rebound.middleware puts the user's language in place: said in it here.
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        with in_language_of(user):
            return _too_large_page(request, limit)
    return _too_large_page(request, limit)


def _too_large_page(request: HttpRequest, limit: int) -> HttpResponse:
    said = (
        _("That file is over %(limit)s, the most this page takes.") % {"limit": _megabytes(limit)}
        if limit
        else _("That is far more than this page takes.")
    )
    # Under /api/ the API's error middleware answers in its JSON shape, from the status.
    return render(
        request,
        "413_upload.html",
        {"said": said, "limit": _megabytes(limit) if limit else "", "back": request.path},
        status=413,
    )
