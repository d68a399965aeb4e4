"""The work-search log's page reads on PostgreSQL, written out in SQL (insights.worklog
calls them; SQLite and the CSV take the ORM's). Building and compiling the ORM's queries on
every page cost more than running them; tests/insights/test_worklog_fast.py holds each equal
to the ORM's read it replaces."""

import datetime as dt
from typing import Any

from django.db import connection
from django.db.backends.utils import split_tzname_delta

from applications.models import Application, Company, Contact, StatusChange
from coping.models import Outreach
from interviews.models import Interview
from rebound.models import User

from .worklog_days import _local_bounds
from .worklog_words import KINDS

# insights.worklog._keys, written out for a page: the same rows in the same order (the tests
# hold the two equal), without building and compiling three ORM queries on every page (that
# cost more than reading the page's rows). Each branch's columns are `COLUMNS`, in order.
_APPLICATIONS, _COMPANIES, _CONTACTS, _INTERVIEWS, _OUTREACH = (
    model._meta.db_table for model in (Application, Company, Contact, Interview, Outreach)
)
_ROUND_LABEL = (
    "CASE i.round_type "
    + " ".join(f"WHEN %(round_{i})s THEN %(label_{i})s" for i in range(len(Interview.Round)))
    + " ELSE i.round_type END"
)
_PAGE_SQL = (
    f'SELECT a.date_applied, {list(KINDS).index("application")}, c.name::varchar COLLATE "C",'
    ' a.role::varchar COLLATE "C", NULL::timestamptz, a.updated_at, a.id, a.source,'
    " a.applied_via, CASE WHEN a.posting_url = '' THEN a.location ELSE a.posting_url END,"
    " a.status, a.id, '', '', ''"
    f' FROM "{_APPLICATIONS}" a JOIN "{_COMPANIES}" c ON c.id = a.company_id'
    " WHERE a.owner_id = %(owner)s AND a.date_applied >= %(first)s"
    " AND a.date_applied <= %(last)s"
    " UNION ALL"
    f" SELECT (i.starts_at AT TIME ZONE %(zone)s)::date, {list(KINDS).index('interview')},"
    ' c.name::varchar COLLATE "C",'
    f" (a.role || ' (' || {_ROUND_LABEL} || ')')::varchar COLLATE \"C\","
    " i.starts_at, NULL::timestamptz, i.id, i.format, '', i.location, a.status,"
    " i.application_id, '', '', ''"
    f' FROM "{_INTERVIEWS}" i JOIN "{_APPLICATIONS}" a ON a.id = i.application_id'
    f' JOIN "{_COMPANIES}" c ON c.id = a.company_id'
    " WHERE i.owner_id = %(owner)s AND i.starts_at >= %(from)s AND i.starts_at < %(until)s"
    " UNION ALL"
    f' SELECT o."on", {list(KINDS).index("outreach")},'
    " COALESCE(c.name, '')::varchar COLLATE \"C\", ''::varchar COLLATE \"C\","
    " NULL::timestamptz, o.created_at, o.id, o.outcome, '', p.linkedin_url, '', NULL::bigint,"
    " p.name, p.email, p.phone"
    f' FROM "{_OUTREACH}" o JOIN "{_CONTACTS}" p ON p.id = o.contact_id'
    f' LEFT JOIN "{_COMPANIES}" c ON c.id = p.company_id'
    ' WHERE o.owner_id = %(owner)s AND o."on" >= %(first)s AND o."on" <= %(last)s'
    " ORDER BY 1, 2, 3, 4, 5, 6 DESC, 7 LIMIT %(limit)s OFFSET %(offset)s"
)


def _zone_parameter(zone: dt.tzinfo) -> str:
    """The zone as TruncDate(tzinfo=zone) passes it to PostgreSQL's AT TIME ZONE, so a page's
    local days are `_keys`' own: a fixed offset's zone ("Etc/GMT-14") by its offset ("+14"),
    any other by its name; an offset with its sign turned, as PostgreSQL reads it the POSIX
    way (Django's timezone and PostgreSQL operations do the same)."""
    name = zone.tzname(None) or str(zone)
    base, sign, offset = split_tzname_delta(name)
    return f"{base}{'-' if sign == '+' else '+'}{offset}" if offset else name


def page_keys(
    user: User,
    first: dt.date,
    last: dt.date,
    offset: int,
    limit: int,
    round_labels: list[tuple[str, str]],
) -> list[Any]:
    """A page of `insights.worklog._keys`' rows, the interviews' rounds said by `round_labels`
    ((value, label) for each round type, in Interview.Round's order): one query."""
    since, until = _local_bounds(user, first, last)
    rounds: dict[str, Any] = {}
    for i, (value, label) in enumerate(round_labels):
        rounds[f"round_{i}"], rounds[f"label_{i}"] = value, label
    with connection.cursor() as cursor:
        cursor.execute(
            _PAGE_SQL,
            {
                "owner": user.pk,
                "first": first,
                "last": last,
                "from": since,
                "until": until,
                "zone": _zone_parameter(user.tzinfo),
                "limit": limit,
                "offset": offset,
                **rounds,
            },
        )
        return cursor.fetchall()


def links(table: str, column: str, ids: set[int]) -> list[tuple[int, str, str, str]]:
    """Each person linked to these applications or interviews (`column` of the `table` of
    links) as (their id, name, email, phone), by name: one query."""
    with connection.cursor() as cursor:
        cursor.execute(
            f'SELECT l."{column}", c.name, c.email, c.phone FROM "{table}" l'
            f' JOIN "{Contact._meta.db_table}" c ON c.id = l.contact_id'
            f' WHERE l."{column}" = ANY(%s) ORDER BY c.name, l.contact_id',
            [list(ids)],
        )
        return cursor.fetchall()


def replies(application_ids: set[int], statuses: list[str]) -> list[tuple[int, str]]:
    """(application id, status) of each change of these applications into one of `statuses`:
    one query."""
    with connection.cursor() as cursor:
        cursor.execute(
            f'SELECT application_id, to_status FROM "{StatusChange._meta.db_table}"'
            " WHERE application_id = ANY(%s) AND to_status = ANY(%s)",
            [list(application_ids), statuses],
        )
        return cursor.fetchall()
