"""Reads for pages: reminders with a line about what each is about, in constant queries."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.db.models import BooleanField, F, Func, QuerySet, Subquery
from django.utils.translation import gettext as _

from rebound.lib import batch
from rebound.lib.urlcache import object_url
from rebound.models import User

from .kinds import ReminderKind, load_subjects, registered
from .models import Reminder


@dataclass
class ReminderRow:
    reminder: Reminder
    about: str
    url: str
    # Why an upcoming reminder's date is not the usual one, if it isn't (ReminderKind.note).
    note: str = ""

    # The row's own pages, without a reverse() each (rebound.lib.urlcache).
    @property
    def update_url(self) -> str:
        return object_url("reminders:update", self.reminder.pk)

    @property
    def preview_url(self) -> str:
        return object_url("reminders:preview", self.reminder.pk)

    @property
    def send_now_url(self) -> str:
        return object_url("reminders:send_now", self.reminder.pk)

    @property
    def cancel_url(self) -> str:
        return object_url("reminders:cancel", self.reminder.pk)


def with_subjects(reminders: Iterable[Reminder]) -> list[ReminderRow]:
    """One query per subject model present (at most three), whatever the count."""
    return with_subjects_grouped([reminders])[0]


def with_subjects_grouped(groups: Sequence[Iterable[Reminder]]) -> list[list[ReminderRow]]:
    """Rows for several lists at once (a page's upcoming, failed and finished reminders): their
    subjects are loaded together, one query per subject model present on the whole page."""
    lists = [list(group) for group in groups]
    declared = registered()
    # A line and a link each: the rows emails read (an application's every round, the
    # interviewers, the owner) were most of a heavy user's reminders page.
    subjects = load_subjects(
        [(r.kind, r.subject_id) for items in lists for r in items], for_email=False
    )

    def row(reminder: Reminder) -> ReminderRow:
        kind = declared.get(reminder.kind)
        subject = subjects.get((reminder.kind, reminder.subject_id))
        if kind is None or subject is None:
            return ReminderRow(reminder, _("(deleted)"), "")
        note = kind.note(subject, reminder) if reminder.is_open else ""
        return ReminderRow(reminder, kind.describe(subject), kind.url(subject), note)

    return [[row(r) for r in items] for items in lists]


def lines_about(pairs: Sequence[tuple[str, int]]) -> list[str]:
    """What each (kind, subject id) pair is about: the line `with_subjects` writes for a reminder
    of that pair ("(deleted)" for a gone subject or an unknown kind), in the same queries (one
    per subject model present) but, where every kind of a subject model declares `plain_lines`,
    from plain columns instead of model instances (the calendar feed describes hundreds)."""
    declared = registered()
    plain = _plain_columns(declared)
    by_kind: dict[str, set[int]] = {}
    loaded: list[tuple[str, int]] = []
    for name, subject_id in pairs:
        kind = declared.get(name)
        if kind is None:
            continue
        if kind.subject_model in plain:
            by_kind.setdefault(name, set()).add(subject_id)
        else:
            loaded.append((name, subject_id))
    said: dict[tuple[str, int], str] = {}
    for model_label, columns in plain.items():
        kinds = [declared[name] for name in by_kind if declared[name].subject_model == model_label]
        if not kinds:
            continue
        ids = sorted({subject_id for kind in kinds for subject_id in by_kind[kind.name]})
        rows = apps.get_model(model_label)._default_manager.filter(pk__in=ids)
        values = {row[0]: row[1:] for row in rows.values_list("pk", *columns)}
        for kind in kinds:
            said.update(_plain_lines(kind, columns, values, by_kind[kind.name]))
    for (name, subject_id), subject in load_subjects(loaded, for_email=False).items():
        said[(name, subject_id)] = declared[name].describe(subject)
    deleted = _("(deleted)")
    return [said.get(pair, deleted) for pair in pairs]


class _AnyOf(Func):
    """`column = ANY(ARRAY(subquery))`: the subquery's ids found first, then each row by its
    key. As `IN (subquery)`, PostgreSQL may plan a scan of every user's rows (15,000
    interviews, ~10 ms) to find a heavy feed's few hundred."""

    # Func writes its expressions joined by arg_joiner into its template: column, subquery.
    template = "%(expressions)s)"
    arg_joiner = " = ANY(ARRAY"
    output_field = BooleanField()


def line_sources(reminders: "QuerySet[Reminder]") -> list[QuerySet] | None:
    """Reads whose rows decide every line `lines_about` says of these reminders' subjects: for
    each subject model, its subjects' plain columns by id (a kind's unknown or a subject gone:
    "(deleted)", which the absence of its row decides too). A cache of those lines (the
    calendar feed's) keys them by a digest of these rows. None while some kind says its line
    from a model instance: no declared columns stand for what it reads."""
    declared = registered()
    plain = _plain_columns(declared)
    if not _every_line_plain(declared, plain):
        return None
    sources: list[QuerySet] = []
    for model_label, columns in sorted(plain.items()):
        names = sorted(k.name for k in declared.values() if k.subject_model == model_label)
        subjects = Subquery(reminders.filter(kind__in=names).order_by().values("subject_id"))
        rows = apps.get_model(model_label)._default_manager.filter(_AnyOf(F("pk"), subjects))
        sources.append(rows.order_by("pk").values_list("pk", *columns))
    return sources


def lines_are_plain() -> bool:
    """Whether `line_sources` has reads for every kind's lines (no kind says its line from a
    model instance)."""
    declared = registered()
    return _every_line_plain(declared, _plain_columns(declared))


def _every_line_plain(declared: dict[str, ReminderKind], plain: dict[str, tuple[str, ...]]) -> bool:
    return all(kind.subject_model in plain for kind in declared.values())


def _plain_columns(declared: dict[str, ReminderKind]) -> dict[str, tuple[str, ...]]:
    """The columns to read of each subject model whose every kind says its line from them."""
    # In the kinds' own order (dict keys, not a set): where every kind of a model names the
    # same columns, as the kinds of one app do, their rows are passed as read.
    columns: dict[str, dict[str, None]] = {}
    loaded = set()
    for kind in declared.values():
        if kind.plain_lines is None:
            loaded.add(kind.subject_model)
        else:
            columns.setdefault(kind.subject_model, {}).update(
                dict.fromkeys(kind.plain_lines.columns)
            )
    return {label: tuple(names) for label, names in columns.items() if label not in loaded}


def _plain_lines(
    kind: ReminderKind,
    columns: tuple[str, ...],
    values: dict[int, tuple[Any, ...]],
    subject_ids: set[int],
) -> dict[tuple[str, int], str]:
    """The lines of `kind`'s subjects still there (in `values`, read as `columns`), in one call
    of its `plain_lines`, each row holding the columns the kind names, in its order."""
    assert kind.plain_lines is not None  # only the kinds of a plain model get here
    found = sorted(subject_ids & values.keys())
    if kind.plain_lines.columns == columns:
        rows = [values[subject_id] for subject_id in found]
    else:
        picked = [columns.index(column) for column in kind.plain_lines.columns]
        rows = [tuple(values[subject_id][i] for i in picked) for subject_id in found]
    lines = kind.plain_lines.lines(rows)
    return {(kind.name, subject_id): line for subject_id, line in zip(found, lines, strict=True)}


# One scope's open reminders, the owner's alone. As a queryset (filter, only, order_by)
# building and compiling it cost the application page more than the read (issue 24).
_IN_SCOPE = f"""
    SELECT id, kind, subject_id, due_at, local_date, status
    FROM reminders_reminder
    WHERE owner_id = %s AND scope = %s AND status IN ({", ".join(["%s"] * len(Reminder.OPEN))})
    ORDER BY due_at, id"""


def in_scope_statement(*, owner: User, scope: str) -> tuple[str, list[Any]]:
    """What `upcoming_in_scope` reads, for rebound.lib.batch.together (the application's page
    sends it with its own reads)."""
    return _IN_SCOPE, [owner.pk, scope, *Reminder.OPEN]


def upcoming_in_scope(*, owner: User, scope: str) -> list[Reminder]:
    """The scheduled reminders of one scope (e.g. one application's), soonest first. The
    page they are shown on is their scope's, so what each is about goes without saying; a
    subject is loaded only for a kind that may have a note to add (`ReminderKind.note`)."""
    reminders = batch.raw(Reminder, *in_scope_statement(owner=owner, scope=scope))
    # A kind with a note (a nudge sent late because its day had passed) is the one case that
    # needs its subject: loaded only when such a reminder is on the page.
    declared = registered()
    noted = [r for r in reminders if r.kind in declared and declared[r.kind].has_note]
    subjects = load_subjects([(r.kind, r.subject_id) for r in noted], for_email=False)
    for reminder in reminders:
        subject = subjects.get((reminder.kind, reminder.subject_id))
        note = declared[reminder.kind].note(subject, reminder) if subject else ""
        reminder.note = note  # type: ignore[attr-defined]  # for the page; not a column
    return reminders


def subject_of(reminder: Reminder) -> Any | None:
    """The thing a reminder is about, or None when it is gone or its kind is unknown."""
    return load_subjects([(reminder.kind, reminder.subject_id)]).get(
        (reminder.kind, reminder.subject_id)
    )
