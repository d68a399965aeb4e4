"""The applications table's search: one trigram-indexed text per application, plus its company
and its posting's text.

On PostgreSQL, migration 0005 adds `application_search_trgm_idx`, a GIN trigram index on
exactly SEARCH_TEXT (role, location and notes in one upper-cased string), so `LIKE '%term%'`
is an index scan instead of four ILIKE scans over every row: for a heavy user's broad search
2.6 ms became 0.5 ms, per query, and the page runs two (the count and the page). SQLite (`make
run`) has no such index and scans, which is fine at its size.
"""

from django.db import connection
from django.db.models import Q, TextField
from django.db.models.expressions import RawSQL

from rebound.models import User

# Must stay the index's expression, character for character (see migration 0005).
SEARCH_TEXT = " || ' ' || ".join(
    f'"applications_application"."{column}"' for column in ("role", "location", "notes")
)


# The companies named like the term and the applications whose posting says it, in one
# query, as written by `name__icontains` and `text__icontains` (the postings' expression is
# their trigram index's, migration 0014). Written out: the ORM spent longer building this
# UNION than PostgreSQL spent answering it (0.5 ms of 0.8).
_FOUND_ELSEWHERE = """
SELECT c.id, 'company' FROM applications_company AS c
WHERE c.owner_id = %s AND UPPER(c.name) LIKE UPPER(%s){escape}
UNION ALL
SELECT p.application_id, 'posting' FROM applications_posting AS p
JOIN applications_application AS a ON a.id = p.application_id
WHERE a.owner_id = %s AND UPPER(p.text) LIKE UPPER(%s){escape}
"""


def matches(*, owner: User, term: str) -> Q:
    """Applications whose role, location, notes, company name or posting's text contain
    `term`, any case."""
    # As literal lists of ids: an OR with a join would rule the index out.
    pattern = f"%{connection.ops.prep_for_like_query(term)}%"
    # PostgreSQL's LIKE escapes with a backslash unless told otherwise; SQLite's only if told.
    escape = " ESCAPE '\\'" if connection.vendor == "sqlite" else ""
    found_by: dict[str, list[int]] = {"company": [], "posting": []}
    with connection.cursor() as cursor:
        cursor.execute(
            _FOUND_ELSEWHERE.format(escape=escape), [owner.pk, pattern, owner.pk, pattern]
        )
        for pk, kind in cursor.fetchall():
            found_by[kind].append(pk)
    found = Q(search_text__icontains=term)
    if found_by["company"]:
        found |= Q(company_id__in=found_by["company"])
    if found_by["posting"]:
        found |= Q(pk__in=found_by["posting"])
    return found


def text() -> RawSQL:
    return RawSQL(SEARCH_TEXT, (), output_field=TextField())
