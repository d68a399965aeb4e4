"""What the import's pages read: the records as they will be imported, and the user's
imports. Reads only."""

from django.core.exceptions import ValidationError
from django.db.models import QuerySet

from rebound.lib.localtime import local_today
from rebound.models import User

from ..models import Application, ImportJob
from ..validators import validate_timeline
from . import mapping
from .columns import fold
from .records import Record, check_all, from_json, import_timeline


def parsed(job: ImportJob) -> list[Record]:
    """The job's rows as its mapping reads them: the records kept at the mapping step, or,
    for a job never mapped by hand (its columns as found), parsed now."""
    if job.records is not None:
        return [from_json(data) for data in job.records]
    columns = {k: int(v) for k, v in job.mapping.items()}
    return mapping.parse(job.header, job.rows, columns, job.statuses)


def import_records(job: ImportJob) -> list[Record]:
    """The job's records as they will be imported, checked against the day and the owner's
    applications (a duplicate of one is skipped)."""
    # Folded in Python, as the file's rows are: one rule for every script, on any database.
    existing = [
        (fold(company), fold(role), applied)
        for company, role, applied in Application.objects.filter(owner=job.owner).values_list(
            "company__name", "role", "date_applied"
        )
    ]
    today = local_today(job.owner)
    records = check_all(parsed(job), today, existing)
    for record in records:
        if not record.errors:
            # The same order rule as every page: nothing after applying dated before it.
            try:
                validate_timeline(import_timeline(record, today))
            except ValidationError as error:
                record.errors.extend(error.messages)
    return records


def imports_recent(*, owner: User) -> QuerySet[ImportJob]:
    """The user's last imports, for the upload page."""
    return ImportJob.objects.filter(owner=owner).only(
        "filename", "state", "created", "total", "created_at", "recognised"
    )[:10]
