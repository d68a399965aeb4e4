"""Pages of a list without counting it.

Django's Paginator counts the whole list to say "page 2 of 542"; for a heavy user's thousands
of past interviews or sent reminders that count was the slowest query on the page, and nobody
needs the number. A `Window` reads one row more than it shows to know whether there is a next
page, and offers the template the same names as Django's Page (number, has_next,
has_previous, next_page_number, previous_page_number, has_other_pages), with `paginator` None.
"""

from collections.abc import Iterator, Sequence
from typing import Any

from django.core.paginator import Paginator
from django.db.models import QuerySet

# Past this page the offset scan itself gets slow; a link to page 10,000 is a hand-made URL.
MAX_PAGE = 10_000


class Window(Sequence[Any]):
    paginator = None

    def __init__(self, queryset: QuerySet[Any], page: Any, per_page: int) -> None:
        try:
            number = int(page)
        except (TypeError, ValueError):
            number = 1
        self.number = min(max(number, 1), MAX_PAGE)
        start = (self.number - 1) * per_page
        rows = list(queryset[start : start + per_page + 1])
        if not rows and self.number > 1:
            # Past the end (a stale link): the first page, as Django's get_page would clamp.
            self.number = 1
            rows = list(queryset[: per_page + 1])
        self.object_list: list[Any] = rows[:per_page]
        self._has_next = len(rows) > per_page

    def __iter__(self) -> Iterator[Any]:
        return iter(self.object_list)

    def __len__(self) -> int:
        return len(self.object_list)

    def __getitem__(self, index: Any) -> Any:
        return self.object_list[index]

    def __bool__(self) -> bool:
        return bool(self.object_list)

    def has_next(self) -> bool:
        return self._has_next

    def has_previous(self) -> bool:
        return self.number > 1

    def has_other_pages(self) -> bool:
        return self.has_next() or self.has_previous()

    def next_page_number(self) -> int:
        return self.number + 1

    def previous_page_number(self) -> int:
        return self.number - 1


class CountedPaginator(Paginator):
    """Django's Paginator over rows already counted, by a cheaper query than the rows' own
    (the applications table counts without the rows' joins)."""

    def __init__(self, object_list: QuerySet[Any], per_page: int, *, count: int) -> None:
        super().__init__(object_list, per_page)
        self._count = count

    @property
    def count(self) -> int:
        return self._count
