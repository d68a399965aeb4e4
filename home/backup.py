"""A user's whole account as one JSON document, and back: the backup and restore that let a
user keep a copy or move between Rebound servers. The schema is in docs/backup.md.

`backup_export` reads everything the user owns; `backup_restore` writes a document into an
empty account, all or nothing, keeping every id reference inside it (a plan's application,
a reminder's subject) pointing at the new rows. Restoring repeats no side effect: rows are
inserted as they were, so no plan opens and no reminder is scheduled beyond those the
document holds. The project package may read and write every app (it sits on top).
"""

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DatabaseError, models, transaction
from django.utils import timezone

from feeds.models import CalendarFeed
from feeds.services import feed_enable
from reminders import kinds
from reminders.models import Reminder
from reminders.services import reminder_schedule

FORMAT = "rebound-backup"
VERSION = 1
MAX_BYTES = 20 * 1024 * 1024

# Every model a user owns, parents first, with the path from a row to its owner.
MODELS: list[tuple[str, str]] = [
    ("applications.Company", "owner"),
    ("applications.Contact", "owner"),
    ("applications.Tag", "owner"),
    ("applications.Application", "owner"),
    ("applications.StatusChange", "application__owner"),
    ("interviews.Interview", "owner"),
    ("interviews.SelfAssessment", "interview__owner"),
    ("coping.CopingPlan", "owner"),
    ("coping.PlanStep", "plan__owner"),
    ("coping.Reflection", "plan__owner"),
    ("coping.JournalEntry", "owner"),
    ("coping.FeedbackRequest", "plan__owner"),
    ("coping.NetGoal", "plan__owner"),
    ("coping.Outreach", "owner"),
    ("coping.FollowUp", "plan__owner"),
    ("coping.Incident", "plan__owner"),
]
# The account's preferences (never its email or password: the new account has its own).
PREFERENCES = ["first_name", "timezone", "reminder_time", "keep_in_touch_months",
               "no_reply_days", "prep_time"]  # fmt: skip
# Set by the database or the server when restored, not carried over.
_FRESH = {"created_at", "updated_at"}


def _fields(model: type[models.Model]) -> list[models.Field]:
    return [
        f
        for f in model._meta.concrete_fields
        if not f.primary_key or f.is_relation  # a one-to-one primary key is a reference
    ]


def _target(field: models.Field) -> str:
    """The label of the model a relation points at."""
    assert field.related_model is not None
    return field.related_model._meta.label  # type: ignore[union-attr]


def _is_user(field: models.Field) -> bool:
    return field.is_relation and _target(field) == settings.AUTH_USER_MODEL


def _row(obj: models.Model, model: type[models.Model]) -> dict[str, Any]:
    row: dict[str, Any] = {"id": obj.pk}
    for f in _fields(model):
        if _is_user(f) or f.name in _FRESH:
            continue
        row[f.attname] = f.value_from_object(obj)
    for m2m in model._meta.many_to_many:
        row[m2m.name] = sorted(getattr(obj, m2m.name).values_list("pk", flat=True))
    return row


def backup_export(user: Any) -> dict[str, Any]:
    """Everything the user owns, as plain JSON-ready values. One query per model (and per
    many-to-many field), whatever the account holds."""
    data: dict[str, list[dict[str, Any]]] = {}
    for label, owner in MODELS:
        model = apps.get_model(label)
        rows = model._default_manager.filter(**{owner: user}).order_by("pk")
        if model._meta.many_to_many:
            rows = rows.prefetch_related(*(m.name for m in model._meta.many_to_many))
        data[label] = [_row(obj, model) for obj in rows]
    open_reminders = Reminder.objects.filter(owner=user, status__in=Reminder.OPEN).order_by("pk")
    document = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": timezone.now(),
        "preferences": {name: getattr(user, name) for name in PREFERENCES},
        "calendar_feed": _feed_enabled(user),
        "data": data,
        # Their intent (what, about which row, on which local day and time), not their
        # delivery state: a restored account schedules them afresh.
        "reminders": [
            {
                "kind": r.kind,
                "subject": r.subject_id,
                "scope": r.scope,
                "local_date": r.local_date,
                "local_time": r.local_time,
            }
            for r in open_reminders
        ],
    }
    return json.loads(json.dumps(document, cls=DjangoJSONEncoder))


def _feed_enabled(user: Any) -> bool:
    return CalendarFeed.objects.filter(user=user, enabled=True).exists()


@dataclass
class Restored:
    rows: int
    reminders: int
    reminders_past: int  # open reminders whose day had passed: not scheduled again


class BackupError(ValidationError):
    pass


def read_document(upload: Any) -> dict[str, Any]:
    """An uploaded backup, parsed; or a BackupError saying what is wrong with the file (one
    over the limit is refused before it is read)."""
    if upload.size > MAX_BYTES:
        raise BackupError(f"The file is over {MAX_BYTES // (1024 * 1024)} MB.")
    raw = upload.read()
    try:
        document = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise BackupError("That file isn’t a Rebound backup (it isn’t JSON).") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise BackupError("That file isn’t a Rebound backup.")
    if document.get("version") != VERSION:
        raise BackupError(
            f"That backup has version {document.get('version')!r}; this server reads version "
            f"{VERSION}."
        )
    if not isinstance(document.get("data"), dict):
        raise BackupError("That backup has no data section.")
    return document


def account_is_empty(user: Any) -> bool:
    return not any(
        apps.get_model(label)._default_manager.filter(**{owner: user}).exists()
        for label, owner in MODELS
        if owner == "owner"
    )


@transaction.atomic
def backup_restore(*, user: Any, document: dict[str, Any]) -> Restored:
    """Write a backup into the user's empty account, all or nothing."""
    if not account_is_empty(user):
        raise BackupError(
            "Your account already holds data. Restore into a new, empty account, so nothing "
            "is mixed up or doubled."
        )
    unknown = set(document["data"]) - {label for label, _ in MODELS}
    if unknown:
        raise BackupError(f"That backup holds things this server doesn’t know: {sorted(unknown)}.")
    ids: dict[str, dict[int, int]] = {}  # model label → {id in the document: new id}
    count = 0
    for label, _ in MODELS:
        model = apps.get_model(label)
        rows = document["data"].get(label, [])
        if not isinstance(rows, list):
            raise BackupError(f"{label} should be a list.")
        objs, links = [], []
        for row in rows:
            try:
                obj, m2m = _build(model, row, user, ids)
            except (KeyError, TypeError, ValueError, ValidationError) as error:
                raise BackupError(f"A row of {label} can’t be read: {_say(error)}") from None
            objs.append(obj)
            links.append(m2m)
        try:
            with transaction.atomic():
                model._default_manager.bulk_create(objs)
        except DatabaseError as error:  # a constraint or a length the values break
            raise BackupError(f"The rows of {label} can’t be stored: {error}") from None
        ids[label] = {row["id"]: obj.pk for row, obj in zip(rows, objs, strict=True)}
        for m2m_field in model._meta.many_to_many:
            through = getattr(model, m2m_field.name).through
            target = m2m_field.related_model._meta.label
            source_col = f"{model._meta.model_name}_id"
            target_col = f"{m2m_field.related_model._meta.model_name}_id"
            through.objects.bulk_create(
                through(**{source_col: obj.pk, target_col: _ref(ids, target, ref)})
                for obj, m2m in zip(objs, links, strict=True)
                for ref in m2m.get(m2m_field.name, [])
            )
        count += len(objs)
    for name, value in (document.get("preferences") or {}).items():
        if name in PREFERENCES:
            field = user._meta.get_field(name)
            setattr(user, name, field.to_python(value))
    try:
        user.full_clean(exclude=["password", "email", "username"])
    except ValidationError as error:
        raise BackupError(f"The backup’s preferences can’t be used: {_say(error)}") from None
    user.save(update_fields=PREFERENCES)
    if document.get("calendar_feed"):
        feed_enable(user=user)
    scheduled, past = _reschedule(user, document.get("reminders") or [], ids)
    return Restored(rows=count, reminders=scheduled, reminders_past=past)


def _ref(ids: dict[str, dict[int, int]], label: str, ref: Any) -> int:
    try:
        return ids[label][ref]
    except KeyError:
        raise BackupError(
            f"A reference to {label} {ref!r} points at nothing in the backup."
        ) from None


def _build(
    model: type[models.Model], row: dict[str, Any], user: Any, ids: dict[str, dict[int, int]]
) -> tuple[models.Model, dict[str, list[int]]]:
    values: dict[str, Any] = {}
    for f in _fields(model):
        if _is_user(f):
            values[f.attname] = user.pk
        elif f.name in _FRESH or f.attname not in row:
            continue
        elif f.is_relation:
            ref = row[f.attname]
            values[f.attname] = None if ref is None else _ref(ids, _target(f), ref)
        else:
            values[f.attname] = _value(f, row[f.attname])
    m2m = {m.name: list(row.get(m.name, [])) for m in model._meta.many_to_many}
    return model(**values), m2m


def _value(field: models.Field, raw: Any) -> Any:
    """A stored value read back as the field reads a form's: its type, its choices and its
    bounds (not `full_clean`: rows may hold blanks that only forms refuse)."""
    value = field.to_python(raw)
    if value in field.empty_values:
        if value is None and not field.null:
            raise ValidationError(f"{field.name} is missing.")
        return value
    if field.choices and value not in {k for k, _ in field.flatchoices}:
        raise ValidationError(f"{field.name} can’t be {value!r}.")
    field.run_validators(value)
    return value


def _reschedule(
    user: Any, reminders: list[dict[str, Any]], ids: dict[str, dict[int, int]]
) -> tuple[int, int]:
    """Schedule the backup's open reminders through the engine, about the new rows; those
    whose day has passed are left out (and counted)."""
    scheduled = past = 0
    for item in reminders:
        try:
            kind = kinds.get(item["kind"])
            label = kind.subject_model
            subject = kind.model()._default_manager.get(pk=_ref(ids, label, item["subject"]))
            local_date = dt.date.fromisoformat(item["local_date"])
            local_time = dt.time.fromisoformat(item["local_time"])
        except (KeyError, TypeError, ValueError, LookupError) as error:
            raise BackupError(f"A reminder can’t be read: {_say(error)}") from None
        try:
            reminder_schedule(
                owner=user,
                kind=kind.name,
                subject=subject,
                local_date=local_date,
                local_time=local_time,
                scope=_remap_scope(item.get("scope", ""), ids),
            )
            scheduled += 1
        except ValidationError:
            past += 1  # its day has passed (or is out of the engine's bounds)
    return scheduled, past


def _remap_scope(scope: str, ids: dict[str, dict[int, int]]) -> str:
    """A scope names a row ("applications.application:12"): the same row, restored."""
    label, _, ref = scope.rpartition(":")
    for model_label, mapping in ids.items():
        if model_label.lower() == label and ref.isdigit() and int(ref) in mapping:
            return f"{label}:{mapping[int(ref)]}"
    return scope


def _say(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return "; ".join(error.messages)
    return str(error) or error.__class__.__name__
