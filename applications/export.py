"""Every application with its dated status history, as CSV (one row per status change), with
the résumé and letter sent.

Streamed in two queries whatever the account holds: the status changes and the attachments,
each read through a server-side cursor (`.iterator()`) in the same order of applications and
merged as they go out, so memory holds a chunk of rows, never the account.
"""

from collections.abc import Iterator
from typing import Any

from django.contrib.auth.decorators import login_required
from django.db.models import Exists, OuterRef
from django.http import StreamingHttpResponse
from django.utils.translation import pgettext_lazy

from rebound.lib.csvfile import csv_response
from rebound.lib.localtime import local_today
from rebound.lib.types import AuthedRequest
from rebound.models import User

from .models import Attachment, Source, StatusChange
from .pipeline import Status

# In the reader's language (a context of their own, so no other word's translation changes
# them): the import recognises the file by these names in English and in German
# (imports/formats/rebound.py).
HEADER = [
    pgettext_lazy("applications CSV header", "company"),
    pgettext_lazy("applications CSV header", "role"),
    pgettext_lazy("applications CSV header", "status now"),
    pgettext_lazy("applications CSV header", "date applied"),
    pgettext_lazy("applications CSV header", "source"),
    pgettext_lazy("applications CSV header", "posting URL"),
    pgettext_lazy("applications CSV header", "from status"),
    pgettext_lazy("applications CSV header", "to status"),
    pgettext_lazy("applications CSV header", "changed on"),
    pgettext_lazy("applications CSV header", "note"),
    pgettext_lazy("applications CSV header", "résumé sent"),
    pgettext_lazy("applications CSV header", "letter sent"),
]
# Rows fetched per round trip of a cursor: the peak of Python's memory is about one chunk
# (~1.2 MB of row tuples at 1,000; 2.3 MB at 2,000, for no measurable speed).
CHUNK = 1000
# The file's order of applications, shared by both queries: the merge in `_rows` relies on
# the attachments coming in the very order their applications' changes do (the id breaks
# ties between equal names, so the order is total).
APPLICATION_ORDER = ("application__company__name", "application__role", "application_id")


def _attachments(owner: User) -> Iterator[Attachment]:
    """The résumés and letters kept with applications that have a timeline (the only ones
    the file shows), oldest first within each application: one query."""
    has_timeline = Exists(StatusChange.objects.filter(application=OuterRef("application")))
    return (
        Attachment.objects.filter(has_timeline, owner=owner)
        .order_by(*APPLICATION_ORDER, "created_at", "pk")
        .only("application_id", "kind", "version", "filename")
        .iterator(chunk_size=CHUNK)
    )


def _sent_with(
    application_id: int, attachments: Iterator[Attachment], pending: Attachment | None
) -> tuple[dict[str, str], Attachment | None]:
    """The labels of one application's attachments by kind, taken from the head of the
    stream, and the next attachment (another application's, or None)."""
    labels: dict[str, list[str]] = {}
    while pending is not None and pending.application_id == application_id:
        labels.setdefault(pending.kind, []).append(pending.label)
        pending = next(attachments, None)
    return {kind: "; ".join(names) for kind, names in labels.items()}, pending


def _labels(choices: list[tuple[str, Any]]) -> dict[str, str]:
    """Value → label, in the active language, read now (a streamed file is written after the
    view returns)."""
    return {value: str(label) for value, label in choices}


def _rows(
    owner: User,
    *,
    statuses: dict[str, str] | None = None,
    sources: dict[str, str] | None = None,
) -> Iterator[list[Any]]:
    status_labels = statuses if statuses is not None else _labels(Status.choices)
    source_labels = sources if sources is not None else _labels(Source.choices)
    changes = (
        StatusChange.objects.filter(application__owner=owner)
        .order_by(*APPLICATION_ORDER, "changed_on", "created_at")
        .values_list(
            "application_id",
            "application__company__name",
            "application__role",
            "application__status",
            "application__date_applied",
            "application__source",
            "application__posting_url",
            "from_status",
            "to_status",
            "changed_on",
            "note",
        )
    )
    attachments = _attachments(owner)
    pending = next(attachments, None)
    current: int | None = None
    sent: dict[str, str] = {}
    for (
        application_id,
        company,
        role,
        status,
        date_applied,
        source,
        posting_url,
        from_status,
        to_status,
        changed_on,
        note,
    ) in changes.iterator(chunk_size=CHUNK):
        if application_id != current:
            # Every earlier application's attachments were taken when its changes went by.
            current = application_id
            sent, pending = _sent_with(application_id, attachments, pending)
        # Labels as get_FOO_display gives them: an unknown value shows as itself.
        yield [
            company,
            role,
            status_labels.get(status, status),
            date_applied.isoformat() if date_applied else "",
            source_labels.get(source, source),
            posting_url,
            status_labels.get(from_status, from_status),
            status_labels.get(to_status, to_status),
            changed_on.isoformat(),
            note,
            sent.get(Attachment.Kind.RESUME, ""),
            sent.get(Attachment.Kind.COVER_LETTER, ""),
        ]


@login_required
def application_export(request: AuthedRequest) -> StreamingHttpResponse:
    stamp = local_today(request.user).isoformat()
    rows = _rows(request.user, statuses=_labels(Status.choices), sources=_labels(Source.choices))
    header = [str(name) for name in HEADER]
    return csv_response(f"rebound-applications-{stamp}.csv", header, rows)
