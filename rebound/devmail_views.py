"""/dev/mail/: the emails `make run` would have sent, readable in the browser (DEBUG only,
staff only: they hold every user's mail, password-reset links included)."""

import email
import functools
from collections.abc import Callable
from email import policy
from email.message import EmailMessage
from pathlib import Path

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from .devmail import mail_dir

LIMIT = 50


def _staff_in_development(
    view: Callable[..., HttpResponse],
) -> Callable[..., HttpResponse]:
    """Not there at all without DEBUG; with it, only for staff (`createsuperuser`): anyone
    else is sent to the admin's log-in."""

    @functools.wraps(view)
    def guarded(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if not settings.DEBUG:
            raise Http404
        if not (request.user.is_active and request.user.is_staff):
            return redirect_to_login(request.get_full_path(), reverse("admin:login"))
        return view(request, *args, **kwargs)

    return guarded


def _read(path: Path) -> EmailMessage:
    message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
    assert isinstance(message, EmailMessage)
    return message


@_staff_in_development
def mail_list(request: HttpRequest) -> HttpResponse:
    files = sorted(mail_dir().glob("*.eml"), reverse=True)[:LIMIT] if mail_dir().exists() else []
    rows = [(path.stem, _read(path)) for path in files]
    return render(request, "rebound/dev_mail_list.html", {"rows": rows})


@_staff_in_development
def mail_detail(request: HttpRequest, name: str) -> HttpResponse:
    path = mail_dir() / f"{name}.eml"
    if "/" in name or not path.is_file():
        raise Http404
    message = _read(path)
    html = message.get_body(preferencelist=("html",))
    text = message.get_body(preferencelist=("plain",))
    return render(
        request,
        "rebound/dev_mail_detail.html",
        {
            "message": message,
            "html": html.get_content() if html else "",
            "text": text.get_content() if text else "",
        },
    )
