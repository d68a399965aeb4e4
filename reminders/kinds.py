"""The declared API through which apps own kinds of reminder.

An app that owns a kind lists it in a module of its own and names that list on its AppConfig:

    class InterviewsConfig(AppConfig):
        reminder_kinds = "interviews.reminder_kinds.KINDS"

Nothing is registered at start-up and no shared list is mutated: `registered()` reads the
declarations of the installed apps the first time it is asked, and a system check
(reminders.checks) proves every kind stored in the database is declared. Adding a kind touches
only the owning app, and its three email templates live in that app too
(`<app>/templates/emails/reminder_<name>{_subject.txt,.txt,.html}`, found by APP_DIRS).
"""

import copy
import datetime as dt
import functools
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.db.models import Model, Prefetch
from django.utils.functional import Promise
from django.utils.module_loading import import_string

from rebound.models import User


def _never_obsolete(subject: Any) -> str:
    return ""


def _no_note(subject: Any, reminder: Any) -> str:
    return ""


def _absolute_url(subject: Any) -> str:
    return str(subject.get_absolute_url())


def _reminder_hour(user: User) -> dt.time:
    return user.reminder_time


@dataclass(frozen=True)
class KindAction:
    """A one-click action of a kind's email beyond done/snooze/stop (e.g. "mark ghosted").

    `run(subject)` does it through the owning app's service and returns what happened, in a
    sentence for the confirmation page; it may raise ValidationError to say why it can't.
    """

    name: str
    label: str | Promise
    question: str | Promise
    run: Callable[[Any], str]


@dataclass(frozen=True)
class PlainLines:
    """How a kind says `describe`'s line from plain values, without a model instance: a heavy
    calendar feed describes hundreds of subjects, and making each one (with its application and
    company) for one line was most of its rebuild.

    `lines(rows)` gets the subjects' `columns` (their own and their related rows', as
    `values_list` names them), one tuple per subject in that order, and returns what `describe`
    says of each, in the active language. A batch, not a row: the words are looked up once.
    """

    columns: tuple[str, ...]
    lines: Callable[[Sequence[tuple[Any, ...]]], list[str]]


@dataclass(frozen=True)
class ReminderKind:
    """One kind of reminder, as the app that owns it declares it."""

    name: str
    # Words a page shows: pass them lazy (gettext_lazy), they are read in the reader's language.
    label: str | Promise
    # "app_label.Model" of the subject, e.g. "interviews.Interview".
    subject_model: str
    # subject -> the email's context (rendered in the owner's time zone). The engine adds the
    # reminder, the user and the links.
    context: Callable[[Any], dict[str, Any]]
    # subject -> one line naming what it is about, for the reminders page. It and `url` read
    # only the `describe_related` rows: pages load subjects without what emails need.
    describe: Callable[[Any], str]
    # subject -> why the reminder no longer applies ("" while it does). Asked just before
    # sending: an obsolete reminder is cancelled with that reason instead of being sent.
    obsolete: Callable[[Any], str] = _never_obsolete
    url: Callable[[Any], str] = _absolute_url
    # (subject, reminder) -> a sentence shown beside an upcoming reminder when its date is not
    # the usual one ("its usual day had passed…"), "" otherwise. Reads `describe_related` only.
    note: Callable[[Any, Any], str] = _no_note
    # Rows the context and the checks read, loaded with the subjects in a constant number of
    # queries per batch.
    select_related: tuple[str, ...] = ()
    prefetch_related: tuple[str | Prefetch, ...] = field(default=())
    # The rows `describe` and `url` read (a subset of select_related).
    describe_related: tuple[str, ...] = ()
    # The fields `describe`, `url` and `note` read, theirs and their related rows' (e.g.
    # "application__company__name"). When every kind of a subject model names them, pages
    # load only those columns: a heavy calendar feed or reminders page describes hundreds of
    # subjects, and their whole rows (notes, descriptions) were most of that time.
    describe_only: tuple[str, ...] = ()
    # `describe` from plain columns (PlainLines), for a read that needs the line alone (the
    # calendar feed: reminders.selectors.lines_about). None: the subject is loaded to say it.
    plain_lines: PlainLines | None = None
    # A one-line summary of when it is sent, for the docs and the preferences page.
    when: str | Promise = ""
    # The user's local time of day it is sent at (the reminder hour unless the kind says).
    time_of_day: Callable[[Any], dt.time] = _reminder_hour
    # Extra one-click actions its emails offer.
    actions: tuple[KindAction, ...] = ()
    # What sending it early means for what it belongs to, said before "Send now" acts.
    send_now_note: str | Promise = ""

    @property
    def has_note(self) -> bool:
        return self.note is not _no_note

    def action(self, name: str) -> KindAction | None:
        return next((a for a in self.actions if a.name == name), None)

    @property
    def template_prefix(self) -> str:
        return f"emails/reminder_{self.name}"

    def model(self) -> type[Model]:
        return apps.get_model(self.subject_model)


class UnknownKind(LookupError):
    pass


@functools.cache
def registered() -> dict[str, ReminderKind]:
    """Every kind the installed apps declare, by name."""
    found: dict[str, ReminderKind] = {}
    for config in apps.get_app_configs():
        path = getattr(config, "reminder_kinds", None)
        if not path:
            continue
        for kind in import_string(path):
            if kind.name in found:
                raise ImproperlyConfigured(
                    f"Reminder kind {kind.name!r} is declared twice ({config.label} and another)."
                )
            found[kind.name] = kind
    return found


def get(name: str) -> ReminderKind:
    try:
        return registered()[name]
    except KeyError:
        raise UnknownKind(f"No installed app declares the reminder kind {name!r}.") from None


def label_of(name: str) -> str:
    """The kind's label in the active language (its name, for a kind no app declares)."""
    kind = registered().get(name)
    return str(kind.label) if kind else name.replace("_", " ").capitalize()


def scope_of(obj: Model) -> str:
    """The scope key of an object: reminders scheduled with it are cancelled together."""
    return f"{obj._meta.label_lower}:{obj.pk}"


def load_subjects(
    pairs: Iterable[tuple[str, int]],
    *,
    for_email: bool = True,
    users: Mapping[int, User] | None = None,
) -> dict[tuple[str, int], Any]:
    """The subjects of (kind, subject id) pairs, in one query per subject model present (not
    per kind: coping's three kinds are all about plans), each with every related row the
    kinds of that model read: for an email, or (`for_email=False`) for a line on a page, the
    `describe_related` rows only. Unknown kinds and deleted subjects are simply absent.

    `users`: users already loaded, by id (a batch's owners). A related row that is one of
    them (a plan's owner) is taken from there instead of being read again with each subject,
    where it was a quarter of a worker's reading per email; one missing from it is read in
    one more query, so the count stays constant."""
    pairs = list(pairs)
    declared = registered()
    wanted: dict[str, set[int]] = {}
    for name, subject_id in pairs:
        if name in declared:
            wanted.setdefault(declared[name].subject_model, set()).add(subject_id)
    loaded: dict[str, dict[int, Any]] = {}
    known = dict(users) if users is not None else None
    for model_label, ids in wanted.items():
        same = [k for k in declared.values() if k.subject_model == model_label]
        model = apps.get_model(model_label)
        queryset = model._default_manager.filter(pk__in=sorted(ids))
        related = sorted(
            {path for k in same for path in (k.select_related if for_email else k.describe_related)}
        )
        to_fill: list[tuple[list[str], Any]] = []
        if known is not None:
            related, to_fill = _without_users(model, related)
        if related:
            queryset = queryset.select_related(*related)
        if not for_email and all(k.describe_only for k in same):
            queryset = queryset.only(*sorted({f for k in same for f in k.describe_only}))
        lookups: list[str | Prefetch] = []
        for kind in same if for_email else []:
            for item in kind.prefetch_related:
                if item not in lookups:
                    lookups.append(_own_copy(item))
        if lookups:
            queryset = queryset.prefetch_related(*lookups)
        loaded[model_label] = {obj.pk: obj for obj in queryset}
        if known is not None and to_fill:
            _fill_users(loaded[model_label].values(), to_fill, known)
    found: dict[tuple[str, int], Any] = {}
    for name, subject_id in pairs:
        owner = declared.get(name)
        subject = loaded.get(owner.subject_model, {}).get(subject_id) if owner else None
        if subject is not None:
            found[(name, subject_id)] = subject
    return found


def _own_copy(item: str | Prefetch) -> str | Prefetch:
    """A declared Prefetch with a queryset of its own for this read: Django writes hints (an
    instance of the batch) into the queryset it is given, and a kind's is shared by every
    batch and thread of the process."""
    if not isinstance(item, Prefetch) or item.queryset is None:
        return item
    queryset = item.queryset.all()
    item = copy.copy(item)
    item.queryset = queryset
    return item


def _without_users(model: type[Model], related: list[str]) -> tuple[list[str], list[Any]]:
    """`related` without its last hops to a user (a plain, non-unique foreign key that no
    other path goes beyond; "owner", "application__owner"), their rows still read up to
    that hop; and those hops, as (the path's rows before it, the foreign key)."""
    kept: set[str] = set()
    hops: list[tuple[list[str], Any]] = []
    for path in related:
        names = path.split("__")
        hop: Any = None
        current: Any = model
        for name in names:
            hop = current._meta.get_field(name)
            current = hop.related_model
        if (
            hop is not None
            and hop.many_to_one
            and hop.concrete
            and not hop.unique
            and hop.related_model is User
            and not any(other.startswith(f"{path}__") for other in related)
        ):
            hops.append((names[:-1], hop))
            if names[:-1]:
                kept.add("__".join(names[:-1]))
        else:
            kept.add(path)
    return sorted(kept), hops


def _fill_users(objects: Iterable[Any], hops: list[tuple[list[str], Any]], known: dict) -> None:
    """Each hop's user put in its row's cache, as select_related would have; users not
    known yet are read together, once."""
    waiting: list[tuple[Any, Any, int]] = []
    for obj in objects:
        for path, key in hops:
            row = obj
            for name in path:
                row = getattr(row, name, None)
                if row is None:
                    break
            if row is None:
                continue
            user_id = getattr(row, key.attname)
            if user_id is None:
                key.set_cached_value(row, None)
            elif user_id in known:
                key.set_cached_value(row, known[user_id])
            else:
                waiting.append((row, key, user_id))
    if waiting:
        known.update(User._default_manager.in_bulk({user_id for _r, _f, user_id in waiting}))
        for row, key, user_id in waiting:
            if user_id in known:
                key.set_cached_value(row, known[user_id])
