"""The applications table's search: one trigram-indexed text per application, plus its company
and its posting's text.

On PostgreSQL, migration 0005 adds `application_search_trgm_idx`, a GIN trigram index on
exactly SEARCH_TEXT (role, location and notes in one upper-cased string), so `LIKE '%term%'`
is an index scan instead of four ILIKE scans over every row: for a heavy user's broad search
2.6 ms became 0.5 ms, per query, and the page runs two (the count and the page). SQLite (`make
run`) has no such index and scans, which is fine at its size.
"""

from django.db.models import Q, TextField, Value
from django.db.models.expressions import RawSQL

from rebound.models import User

from .models import Company, Posting

# Must stay the index's expression, character for character (see migration 0005).
SEARCH_TEXT = " || ' ' || ".join(
    f'"applications_application"."{column}"' for column in ("role", "location", "notes")
)


def matches(*, owner: User, term: str) -> Q:
    """Applications whose role, location, notes, company name or posting's text contain
    `term`, any case."""
    # The companies named like it and the applications whose posting says it, in one query,
    # as literal lists: an OR with a join would rule the index out. The postings' own trigram
    # index (migration 0014, `posting_text_trgm_idx` on UPPER(text)) answers their half.
    companies = (
        Company.objects.filter(owner=owner, name__icontains=term)
        .annotate(found_by=Value("company"))
        .values_list("pk", "found_by")
        .order_by()  # a union's parts are unordered (SQLite refuses them otherwise)
    )
    postings = (
        Posting.objects.filter(application__owner=owner, text__icontains=term)
        .annotate(found_by=Value("posting"))
        .values_list("application_id", "found_by")
        .order_by()
    )
    found_by: dict[str, list[int]] = {"company": [], "posting": []}
    for pk, kind in companies.union(postings, all=True):
        found_by[kind].append(pk)
    found = Q(search_text__icontains=term)
    if found_by["company"]:
        found |= Q(company_id__in=found_by["company"])
    if found_by["posting"]:
        found |= Q(pk__in=found_by["posting"])
    return found


def text() -> RawSQL:
    return RawSQL(SEARCH_TEXT, (), output_field=TextField())
