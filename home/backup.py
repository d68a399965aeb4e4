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

from applications.validators import validate_past_date, validate_timeline
from coping.validators import validate_feedback_received
from feeds.models import CalendarFeed
from feeds.services import feed_enable
from interviews.validators import validate_interview_after_applied, validate_interview_date
from rebound.lib.localtime import local_date_of
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
        document = parse(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
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


class _DuplicateKey(ValueError):
    pass


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """An object of the document; a name given twice is refused (json would keep the last,
    silently: an application's status over someone else's timeline)."""
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise _DuplicateKey(key)
        seen[key] = value
    return seen


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} isn’t a number a backup holds")


def parse(text: str) -> Any:
    """The document's JSON, strictly: no key twice in an object, no NaN or Infinity, and
    no nesting deeper than Python can read (a BackupError, not a crash)."""
    try:
        return json.loads(text, object_pairs_hook=_object, parse_constant=_no_constant)
    except _DuplicateKey as error:
        raise BackupError(
            f"That backup gives “{error}” twice in one place, so it isn’t clear which to "
            "keep (a backup Rebound wrote never does; was it edited?)."
        ) from None
    except RecursionError:
        raise BackupError("That backup is nested too deeply to be a Rebound backup.") from None
    except ValueError:  # json.JSONDecodeError is one
        raise BackupError("That file isn’t a Rebound backup (it isn’t JSON).") from None


def _is_id(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def check_shape(document: Any) -> None:
    """Every part of the document where restore expects it, with the type it expects; a
    BackupError naming the first part that isn't (before anything is written)."""
    if not isinstance(document, dict):
        raise BackupError("That file isn’t a Rebound backup.")
    data = document.get("data")
    if not isinstance(data, dict):
        raise BackupError("That backup has no data section.")
    for label, _ in MODELS:
        rows = data.get(label, [])
        if not isinstance(rows, list):
            raise BackupError(f"{label} should be a list of rows.")
        model = apps.get_model(label)
        references = [f.attname for f in _fields(model) if f.is_relation and not _is_user(f)]
        many = [m.name for m in model._meta.many_to_many]
        seen: set[int] = set()
        for n, row in enumerate(rows, start=1):
            where = f"Row {n} of {label}"
            if not isinstance(row, dict):
                raise BackupError(f"{where} isn’t an object with names and values.")
            if "id" not in row:
                raise BackupError(f"{where} has no id.")
            if not _is_id(row["id"]):
                raise BackupError(f"{where} has an id that isn’t a whole number.")
            if row["id"] in seen:
                raise BackupError(f"{where} has the same id as an earlier row ({row['id']}).")
            seen.add(row["id"])
            for name in references:
                if row.get(name) is not None and not _is_id(row[name]):
                    raise BackupError(f"{where}: {name} should be an id (a whole number).")
            for name in many:
                refs = row.get(name, [])
                if not isinstance(refs, list) or not all(_is_id(ref) for ref in refs):
                    raise BackupError(f"{where}: {name} should be a list of ids.")
            for key, value in row.items():
                if isinstance(value, (dict, list)) and key not in many:
                    raise BackupError(f"{where}: {key} should be a single value.")
    if not isinstance(document.get("preferences") or {}, dict):
        raise BackupError("The backup’s preferences should be an object.")
    for name, value in (document.get("preferences") or {}).items():
        if isinstance(value, (dict, list)):
            raise BackupError(f"The backup’s preference {name} should be a single value.")
    if not isinstance(document.get("calendar_feed", False), (bool, type(None))):
        raise BackupError("The backup’s calendar_feed should be true or false.")
    reminders = document.get("reminders") or []
    if not isinstance(reminders, list):
        raise BackupError("The backup’s reminders should be a list.")
    for n, item in enumerate(reminders, start=1):
        if not isinstance(item, dict):
            raise BackupError(f"Reminder {n} of the backup isn’t an object.")
        for name in ("kind", "local_date", "local_time", "scope"):
            if name in item and not isinstance(item[name], str):
                raise BackupError(f"Reminder {n} of the backup: {name} should be text.")
        if not _is_id(item.get("subject")):
            raise BackupError(f"Reminder {n} of the backup: subject should be an id.")


def account_is_empty(user: Any) -> bool:
    return not any(
        apps.get_model(label)._default_manager.filter(**{owner: user}).exists()
        for label, owner in MODELS
        if owner == "owner"
    )


@transaction.atomic
def backup_restore(*, user: Any, document: dict[str, Any]) -> Restored:
    """Write a backup into the user's empty account, all or nothing. Its dates obey the
    same rules (applications/validators.py and the others) as every page's."""
    check_shape(document)
    if not account_is_empty(user):
        raise BackupError(
            "Your account already holds data. Restore into a new, empty account, so nothing "
            "is mixed up or doubled."
        )
    unknown = set(document["data"]) - {label for label, _ in MODELS}
    if unknown:
        raise BackupError(f"That backup holds things this server doesn’t know: {sorted(unknown)}.")
    # The preferences first: the rows' dates are judged against the user's today in the
    # backup's own time zone (a journal entry written today in Tokyo is not in the future).
    try:
        for name, value in (document.get("preferences") or {}).items():
            if name in PREFERENCES:
                setattr(user, name, _value(user._meta.get_field(name), value))
        user.full_clean(exclude=["password", "email", "username"])
    except (TypeError, ValueError, OverflowError, ValidationError) as error:
        raise BackupError(f"The backup’s preferences can’t be used: {_say(error)}") from None
    user.save(update_fields=PREFERENCES)
    ids: dict[str, dict[int, int]] = {}  # model label → {id in the document: new id}
    built: dict[str, dict[int, Any]] = {}  # model label → {new id: row}
    count = 0
    for label, _ in MODELS:
        model = apps.get_model(label)
        rows = document["data"].get(label, [])
        if not isinstance(rows, list):
            raise BackupError(f"{label} should be a list.")
        objs, links = [], []
        for n, row in enumerate(rows, start=1):
            try:
                obj, m2m = _build(model, row, user, ids)
                _check_dates(label, obj, user, built)
            except (KeyError, TypeError, ValueError, OverflowError, ValidationError) as error:
                raise BackupError(f"Row {n} of {label} can’t be restored: {_say(error)}") from None
            objs.append(obj)
            links.append(m2m)
        if label == "applications.StatusChange":
            _check_timelines(objs, built)
        try:
            with transaction.atomic():
                model._default_manager.bulk_create(objs)
        except DatabaseError as error:  # a constraint or a length the values break
            raise BackupError(f"The rows of {label} can’t be stored: {error}") from None
        ids[label] = {row["id"]: obj.pk for row, obj in zip(rows, objs, strict=True)}
        built[label] = {obj.pk: obj for obj in objs}
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
        elif f.name in _FRESH:
            continue
        elif f.attname not in row:
            # A date, a number or a reference has no blank to fall back on.
            if not (f.null or f.has_default() or f.empty_strings_allowed):
                raise ValidationError(f"{f.attname} is missing.")
            continue
        elif f.is_relation:
            ref = row[f.attname]
            if ref is None and not f.null:
                raise ValidationError(f"{f.attname} is missing.")
            values[f.attname] = None if ref is None else _ref(ids, _target(f), ref)
        else:
            values[f.attname] = _value(f, row[f.attname])
    m2m = {m.name: list(row.get(m.name, [])) for m in model._meta.many_to_many}
    return model(**values), m2m


def _check_dates(label: str, obj: Any, user: Any, built: dict[str, dict[int, Any]]) -> None:
    """The rules every page applies to these dates (the shared validators), for one row."""
    past = {
        "applications.Application": [("date_applied", "The date applied"),
                                     ("status_changed_on", "The date of its status")],
        "applications.StatusChange": [("changed_on", "The date of a status change")],
        "coping.CopingPlan": [("opened_on", "The day the plan opened")],
        "coping.JournalEntry": [("written_on", "The journal entry’s date")],
        "coping.FeedbackRequest": [("sent_on", "The day feedback was asked for"),
                                   ("received_on", "The day feedback arrived")],
        "coping.Outreach": [("on", "The day of the outreach")],
        "coping.Incident": [("happened_on", "The day it happened")],
    }  # fmt: skip
    for name, what in past.get(label, []):
        if getattr(obj, name) is not None:
            validate_past_date(getattr(obj, name), owner=user, what=what)
    if label == "interviews.Interview":
        day = local_date_of(obj.starts_at, user)
        validate_interview_date(day, owner=user)
        application = built["applications.Application"][obj.application_id]
        validate_interview_after_applied(day=day, date_applied=application.date_applied)
    if label == "coping.FeedbackRequest" and obj.received_on is not None:
        validate_feedback_received(sent_on=obj.sent_on, received_on=obj.received_on)


def _check_timelines(changes: list[Any], built: dict[str, dict[int, Any]]) -> None:
    """Each application's timeline, in the backup's order, keeps its dates in order, and
    ends where the application's status says it is."""
    timelines: dict[int, list[tuple[str, dt.date]]] = {}
    for change in changes:
        timelines.setdefault(change.application_id, []).append(
            (change.to_status, change.changed_on)
        )
    for application_id, steps in timelines.items():
        application = built["applications.Application"][application_id]
        try:
            validate_timeline(steps)
        except ValidationError as error:
            raise BackupError(f"The timeline of “{application}”: {_say(error)}") from None
        if steps[-1][0] != application.status:
            raise BackupError(
                f"“{application}” says {application.status}, but its timeline ends in "
                f"{steps[-1][0]}."
            )


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
