"""The applications list's filters, defined once for the table page and the API.

Each caller checks its own input first, in its own words (the page's `ApplicationFilterForm`
with the owner's companies and tags as choices, the API's strict query-string serializer),
then hands the cleaned values to `selectors.application_list`, which applies this FilterSet:
what a filter *means* is written only here.
"""

from typing import Any, ClassVar

import django_filters as filters
from django import forms
from django.db.models import Case, F, IntegerField, QuerySet, Value, When
from django.db.models.expressions import OrderBy
from django.utils.translation import gettext_lazy as _

from rebound.models import User

from . import pipeline, search
from .forms import ApplicationFilterForm
from .models import Application, Source
from .pipeline import Status

# The table's status filter also offers "still open": not closed (applications.pipeline).
OPEN_FILTER = "open"
DEFAULT_SORT = ApplicationFilterForm.DEFAULT_SORT


def _status_order() -> Case:
    """The status sort's key: the pipeline's stages in their order (wishlist to accepted),
    then its exits in theirs (pipeline.IN_ORDER); not the stored values' alphabet,
    which put "accepted" first and "wishlist" last. A CASE over nine values costs nothing
    measurable beside the page's sort."""
    ranked = enumerate(pipeline.IN_ORDER)
    return Case(
        *(When(status=status, then=Value(rank)) for rank, status in ranked),
        default=Value(len(Status.values)),
        output_field=IntegerField(),
    )


class _IntegerFilter(filters.NumberFilter):
    # An id is a whole number: NumberFilter would read it as a Decimal.
    field_class = forms.IntegerField


class ApplicationFilter(filters.FilterSet):
    q = filters.CharFilter(method="_search")
    status = filters.ChoiceFilter(
        choices=[(OPEN_FILTER, _("Still open")), *Status.choices], method="_status"
    )
    source = filters.ChoiceFilter(choices=Source.choices)
    company = _IntegerFilter(field_name="company_id")
    # Tag names are unique per owner whatever the case (tag_owner_name_ci_unique).
    tag = filters.CharFilter(field_name="tags__name", lookup_expr="iexact")
    applied_after = filters.DateFilter(field_name="date_applied", lookup_expr="gte")
    applied_before = filters.DateFilter(field_name="date_applied", lookup_expr="lte")
    created_after = filters.DateFilter(field_name="created_at__date", lookup_expr="gte")
    created_before = filters.DateFilter(field_name="created_at__date", lookup_expr="lte")
    # Both read in filter_queryset: whether archived ones show depends on the search too.
    archived = filters.BooleanFilter(method="_in_filter_queryset")
    sort = filters.ChoiceFilter(choices=ApplicationFilterForm.SORTS, method="_in_filter_queryset")

    class Meta:
        model = Application
        fields: list[str] = []

    # The form that checks the filters' values, built from the filters once per process:
    # each FilterSet's own copies of them would build the same eleven fields again.
    _built_form_class: ClassVar[type[forms.Form] | None] = None

    def __init__(self, data: Any = None, queryset: Any = None, *, owner: User) -> None:
        super().__init__(data, queryset)
        # The search looks up the owner's companies by name (applications.search).
        self.owner = owner

    def get_form_class(self) -> type[forms.Form]:
        cls = type(self)
        # The class's own: a subclass's filters would make another form.
        form_class = cls.__dict__.get("_built_form_class")
        if form_class is None:
            form_class = cls._built_form_class = super().get_form_class()
        return form_class

    def _search(self, queryset: QuerySet[Application], name: str, term: str) -> QuerySet:
        return queryset.alias(search_text=search.text()).filter(
            search.matches(owner=self.owner, term=term)
        )

    def _status(self, queryset: QuerySet[Application], name: str, value: str) -> QuerySet:
        if value == OPEN_FILTER:
            return queryset.exclude(status__in=pipeline.CLOSED)
        return queryset.filter(status=value)

    def _in_filter_queryset(
        self, queryset: QuerySet[Application], name: str, value: Any
    ) -> QuerySet:
        return queryset

    def filter_queryset(self, queryset: QuerySet[Application]) -> QuerySet[Application]:
        queryset = super().filter_queryset(queryset)
        data = self.form.cleaned_data
        # Archived ones stay out of the way, but a search (or asking) still finds them.
        if not data.get("q") and not data.get("archived"):
            queryset = queryset.filter(archived_at__isnull=True)
        # The id breaks ties, so a page never repeats or skips a row.
        return queryset.order_by(_order(data.get("sort") or DEFAULT_SORT), "-pk")


def few_found(queryset: QuerySet[Application], sort: str) -> QuerySet[Application]:
    """The same rows in the same order, for a search that found few: sorted once found, not
    read in order off the index of the sort's column.

    Reading the applications in the index's order (owner, -updated_at) and checking each
    against the search stops at the page's 25th match: cheap when matches are everywhere,
    but a search for old applications read all of a heavy user's 5,000 first (1.5 ms). The
    search's own index (applications.search) finds a hundred matches and sorts them in
    0.5 ms. PostgreSQL can't know which is cheaper; the table asks the count first, and
    calls this when it is small. updated_at has no NULLs, so where they go changes no row's
    place; saying it makes an order the index doesn't give."""
    name = sort.removeprefix("-")
    if name != "updated_at":
        # The other sorts' orders come from no index but date_applied's, whose NULLs
        # can't move without moving rows: left to the planner.
        return queryset
    column = (
        F(name).desc(nulls_last=True) if sort.startswith("-") else F(name).asc(nulls_first=True)
    )
    return queryset.order_by(column, "-pk")


def _order(sort: str) -> OrderBy:
    """The ORDER BY of one of ApplicationFilterForm.SORTS ("-role": by role, descending)."""
    name = sort.removeprefix("-")
    column = _status_order() if name == "status" else F(name)
    if sort.startswith("-"):
        # Newest applied first, then those not applied yet (no date), rather than those
        # first: PostgreSQL puts NULL first in a descending order. The other columns have no
        # NULLs, and a plain DESC keeps the default order on its index (owner, -updated_at)
        # (but see few_found).
        return column.desc(nulls_last=True) if name == "date_applied" else column.desc()
    return column.asc()
