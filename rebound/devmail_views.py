"""/dev/mail/: the emails `make run` would have sent, readable in the browser (DEBUG only)."""

import email
from email import policy
from email.message import EmailMessage
from pathlib import Path

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from .devmail import mail_dir

LIMIT = 50


def _guard() -> None:
    if not settings.DEBUG:
        raise Http404


def _read(path: Path) -> EmailMessage:
    message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
    assert isinstance(message, EmailMessage)
    return message


def mail_list(request: HttpRequest) -> HttpResponse:
    _guard()
    files = sorted(mail_dir().glob("*.eml"), reverse=True)[:LIMIT] if mail_dir().exists() else []
    rows = [(path.stem, _read(path)) for path in files]
    return render(request, "rebound/dev_mail_list.html", {"rows": rows})


def mail_detail(request: HttpRequest, name: str) -> HttpResponse:
    _guard()
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
