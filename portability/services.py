"""The restore: a backup document written into an empty account, all or nothing.

Every id reference inside the document (a plan's application, a reminder's subject) points at
the new rows. Restoring repeats no side effect: rows are inserted as they were, so no plan
opens and no reminder is scheduled beyond those the document holds. Its dates obey the same
validators as every page's.
"""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import DatabaseError, models, transaction
from django.http import QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from applications.saved_view_services import SAVED_VIEWS_MAX
from applications.validators import validate_past_date, validate_timeline
from coping.validators import validate_feedback_received
from feeds.services import feed_enable
from interviews.validators import validate_interview_after_applied, validate_interview_date
from rebound.lib.localtime import local_date_of
from rebound.models import User
from reminders import kinds
from reminders.services import ScheduleItem, reminders_schedule_many

from .document import (
    FRESH,
    MODELS,
    PREFERENCES,
    BackupError,
    account_is_empty,
    fields,
    is_user,
    target_label,
)
from .reading import check_shape

# Ids of the document → ids of the restored rows, per model label.
IdMap = dict[str, dict[int, int]]


@dataclass
class Restored:
    rows: int
    reminders: int
    reminders_past: int  # open reminders whose day had passed: not scheduled again


@transaction.atomic
def backup_restore(*, user: User, document: dict[str, Any]) -> Restored:
    """Write a backup into the user's empty account, all or nothing. Its dates obey the
    same rules (applications/validators.py and the others) as every page's."""
    check_shape(document)
    if not account_is_empty(user):
        raise BackupError(
            _(
                "Your account already holds data. Restore into a new, empty account, so "
                "nothing is mixed up or doubled."
            )
        )
    unknown = set(document["data"]) - {label for label, _owner in MODELS}
    if unknown:
        raise BackupError(
            _("That backup holds things this server doesn’t know: %(names)s.")
            % {"names": sorted(unknown)}
        )
    # The preferences first: the rows' dates are judged against the user's today in the
    # backup's own time zone (a journal entry written today in Tokyo is not in the future).
    try:
        for name, value in (document.get("preferences") or {}).items():
            if name in PREFERENCES:
                field = User._meta.get_field(name)
                assert isinstance(field, models.Field)  # each preference is a column
                setattr(user, name, _value(field, value))
        user.full_clean(exclude=["password", "email", "username"])
    except (TypeError, ValueError, OverflowError, ValidationError) as error:
        raise BackupError(
            _("The backup’s preferences can’t be used: %(why)s") % {"why": _say(error)}
        ) from None
    user.save(update_fields=PREFERENCES)
    ids: IdMap = {}
    built: dict[str, dict[int, Any]] = {}  # model label → {new id: row}
    count = 0
    for label, _owner in MODELS:
        model = apps.get_model(label)
        rows = document["data"].get(label, [])
        if not isinstance(rows, list):
            raise BackupError(_("%(label)s should be a list.") % {"label": label})
        objs, links = [], []
        for n, row in enumerate(rows, start=1):
            try:
                obj, m2m = _build(model, row, user, ids)
                _check_dates(label, obj, user, built)
            except (KeyError, TypeError, ValueError, OverflowError, ValidationError) as error:
                raise BackupError(
                    _("Row %(n)d of %(label)s can’t be restored: %(why)s")
                    % {"n": n, "label": label, "why": _say(error)}
                ) from None
            objs.append(obj)
            links.append(m2m)
        if label == "applications.StatusChange":
            _check_timelines(objs, built)
        if label == "applications.SavedView":
            _restored_view_filters(objs, ids)
        try:
            with transaction.atomic():
                model._default_manager.bulk_create(objs)
        except DatabaseError as error:  # a constraint or a length the values break
            raise BackupError(
                _("The rows of %(label)s can’t be stored: %(why)s") % {"label": label, "why": error}
            ) from None
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


def _restored_view_filters(views: list[Any], ids: IdMap) -> None:
    """A saved view's query string names a company by its id (`company=17`): in the restored
    account that company has a new one. No more views than a user may save."""
    if len(views) > SAVED_VIEWS_MAX:
        raise BackupError(
            _("The backup holds %(n)d saved views; an account keeps at most %(limit)d.")
            % {"n": len(views), "limit": SAVED_VIEWS_MAX}
        )
    for view in views:
        query = QueryDict(view.query, mutable=True)
        if "company" not in query:
            continue
        try:
            old = int(query.get("company", ""))
        except ValueError:
            raise BackupError(
                _("The saved view “%(name)s” names a company that isn’t in the backup.")
                % {"name": view.name}
            ) from None
        query["company"] = str(_ref(ids, "applications.Company", old))
        view.query = query.urlencode()


def _ref(ids: IdMap, label: str, ref: Any) -> int:
    try:
        return ids[label][ref]
    except KeyError:
        raise BackupError(
            _("A reference to %(label)s %(ref)s points at nothing in the backup.")
            % {"label": label, "ref": repr(ref)}
        ) from None


def _build(
    model: type[models.Model], row: dict[str, Any], user: User, ids: IdMap
) -> tuple[models.Model, dict[str, list[int]]]:
    values: dict[str, Any] = {}
    for f in fields(model):
        if is_user(f):
            values[f.attname] = user.pk
        elif f.name in FRESH:
            continue
        elif f.attname not in row:
            # A date, a number or a reference has no blank to fall back on.
            if not (f.null or f.has_default() or f.empty_strings_allowed):
                raise ValidationError(_("%(name)s is missing.") % {"name": f.attname})
            continue
        elif f.is_relation:
            ref = row[f.attname]
            if ref is None and not f.null:
                raise ValidationError(_("%(name)s is missing.") % {"name": f.attname})
            values[f.attname] = None if ref is None else _ref(ids, target_label(f), ref)
        else:
            values[f.attname] = _value(f, row[f.attname])
    m2m = {m.name: list(row.get(m.name, [])) for m in model._meta.many_to_many}
    return model(**values), m2m


def _check_dates(label: str, obj: Any, user: User, built: dict[str, dict[int, Any]]) -> None:
    """The rules every page applies to these dates (the shared validators), for one row."""
    past = {
        "applications.Application": [("date_applied", gettext_lazy("The date applied")),
                                     ("status_changed_on", gettext_lazy("The date of its status"))],
        "applications.StatusChange": [("changed_on", gettext_lazy("The date of a status change"))],
        "coping.CopingPlan": [("opened_on", gettext_lazy("The day the plan opened"))],
        "coping.JournalEntry": [("written_on", gettext_lazy("The journal entry’s date"))],
        "coping.FeedbackRequest": [("sent_on", gettext_lazy("The day feedback was asked for")),
                                   ("received_on", gettext_lazy("The day feedback arrived"))],
        "coping.Outreach": [("on", gettext_lazy("The day of the outreach"))],
        "coping.Incident": [("happened_on", gettext_lazy("The day it happened"))],
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
            raise BackupError(
                _("The timeline of “%(application)s”: %(why)s")
                % {"application": application, "why": _say(error)}
            ) from None
        if steps[-1][0] != application.status:
            raise BackupError(
                _("“%(application)s” says %(status)s, but its timeline ends in %(last)s.")
                % {"application": application, "status": application.status, "last": steps[-1][0]}
            )


def _value(field: models.Field, raw: Any) -> Any:
    """A stored value read back as the field reads a form's: its type, its choices and its
    bounds (not `full_clean`: rows may hold blanks that only forms refuse)."""
    value = field.to_python(raw)
    if value in field.empty_values:
        if value is None and not field.null:
            raise ValidationError(_("%(name)s is missing.") % {"name": field.name})
        return value
    if field.choices and value not in {k for k, _ in field.flatchoices}:
        raise ValidationError(
            _("%(name)s can’t be %(value)s.") % {"name": field.name, "value": repr(value)}
        )
    field.run_validators(value)
    return value


def _reschedule(user: User, reminders: list[dict[str, Any]], ids: IdMap) -> tuple[int, int]:
    """Schedule the backup's open reminders through the engine, about the new rows; those
    whose day has passed are left out (and counted). Their subjects are read in one query per
    model, not one per reminder."""
    wanted: list[tuple[kinds.ReminderKind, int, dt.date, dt.time, str]] = []
    for item in reminders:
        try:
            kind = kinds.get(item["kind"])
            subject_id = _ref(ids, kind.subject_model, item["subject"])
            local_date = dt.date.fromisoformat(item["local_date"])
            local_time = dt.time.fromisoformat(item["local_time"])
        except (KeyError, TypeError, ValueError, LookupError) as error:
            raise BackupError(
                _("A reminder can’t be read: %(why)s") % {"why": _say(error)}
            ) from None
        wanted.append((kind, subject_id, local_date, local_time, item.get("scope", "")))
    pks: dict[str, set[int]] = {}
    for kind, subject_id, *_rest in wanted:
        pks.setdefault(kind.subject_model, set()).add(subject_id)
    # Each id is a row restored above (`_ref`), so every subject is found.
    subjects = {
        label: apps.get_model(label)._default_manager.in_bulk(sorted(of_label))
        for label, of_label in pks.items()
    }
    # In one bulk insert: one by one, 2,000 reminders cost 12,000 queries. Those whose day
    # has passed (or out of the engine's bounds) are refused and counted.
    return reminders_schedule_many(
        owner=user,
        items=[
            ScheduleItem(
                kind=kind.name,
                subject=subjects[kind.subject_model][subject_id],
                local_date=local_date,
                local_time=local_time,
                scope=_remap_scope(scope, ids),
            )
            for kind, subject_id, local_date, local_time, scope in wanted
        ],
    )


def _remap_scope(scope: str, ids: IdMap) -> str:
    """A scope names a row ("applications.application:12"): the same row, restored."""
    label, _colon, ref = scope.rpartition(":")
    for model_label, mapping in ids.items():
        if model_label.lower() == label and ref.isdigit() and int(ref) in mapping:
            return f"{label}:{mapping[int(ref)]}"
    return scope


def _say(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return "; ".join(error.messages)
    return str(error) or error.__class__.__name__
