"""Every application with its dated status history, as CSV (one row per status change), with
the résumé and letter sent."""

from collections.abc import Iterator
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import StreamingHttpResponse

from rebound.lib.csvfile import csv_response
from rebound.lib.localtime import local_today
from rebound.lib.types import AuthedRequest
from rebound.models import User

from .models import Attachment, StatusChange

HEADER = [
    "company",
    "role",
    "status now",
    "date applied",
    "source",
    "posting URL",
    "from status",
    "to status",
    "changed on",
    "note",
    "résumé sent",
    "letter sent",
]


def _sent(owner: User) -> dict[int, dict[str, str]]:
    """Per application, the résumés and letters kept with it, by kind: one query."""
    sent: dict[int, dict[str, list[str]]] = {}
    for a in Attachment.objects.filter(owner=owner).order_by("created_at"):
        sent.setdefault(a.application_id, {}).setdefault(a.kind, []).append(a.label)
    return {app: {k: "; ".join(v) for k, v in kinds.items()} for app, kinds in sent.items()}


def _rows(owner: User) -> Iterator[list[Any]]:
    sent = _sent(owner)
    changes = (
        StatusChange.objects.filter(application__owner=owner)
        .select_related("application__company")
        .order_by(
            "application__company__name",
            "application__role",
            "application_id",
            "changed_on",
            "created_at",
        )
    )
    for change in changes.iterator(chunk_size=500):
        app = change.application
        yield [
            app.company.name,
            app.role,
            app.get_status_display(),
            app.date_applied.isoformat() if app.date_applied else "",
            app.get_source_display(),
            app.posting_url,
            change.get_from_status_display(),
            change.get_to_status_display(),
            change.changed_on.isoformat(),
            change.note,
            sent.get(app.pk, {}).get(Attachment.Kind.RESUME, ""),
            sent.get(app.pk, {}).get(Attachment.Kind.COVER_LETTER, ""),
        ]


@login_required
def application_export(request: AuthedRequest) -> StreamingHttpResponse:
    stamp = local_today(request.user).isoformat()
    return csv_response(f"rebound-applications-{stamp}.csv", HEADER, _rows(request.user))
