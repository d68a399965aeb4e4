"""Saving the applications table's filters and sort under a name (issue 28): the form, and the
normalised query string a saved view keeps."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from rebound.models import User

from .forms import ApplicationFilterForm

# A saved view's name: short enough for a link above the table.
SAVED_VIEW_NAME_MAX = 60
# What a saved view keeps: the table's query string. Two search words and every filter take
# a few hundred characters; longer is not a view anyone typed.
SAVED_VIEW_QUERY_MAX = 1000


class SavedViewForm(forms.Form):
    """Save the table's filters and sort under a name. `query` is the table's query string as
    the page had it; cleaned, it is the normalised one a saved view keeps: only the filters
    the table knows, checked as the table checks them, in one order, without the page."""

    name = forms.CharField(
        label=_("Name this view"),
        max_length=SAVED_VIEW_NAME_MAX,
        error_messages={"required": _("Give the view a name.")},
    )
    query = forms.CharField(
        max_length=SAVED_VIEW_QUERY_MAX, required=False, widget=forms.HiddenInput
    )

    def __init__(self, *args: Any, owner: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.owner = owner

    def clean_name(self) -> str:
        # One space between words, as a link shows it; the database refuses an empty name.
        return " ".join(self.cleaned_data["name"].split())

    def clean_query(self) -> str:
        query = normalised_query(QueryDict(self.cleaned_data["query"]), owner=self.owner)
        if not query:
            raise ValidationError(
                _("Choose a filter or a sort first: the table as it opens needs no saved view."),
                code="empty",
            )
        # Re-encoded, a query string can grow ("ü" is "%C3%BC"): the column's bound holds.
        if len(query) > SAVED_VIEW_QUERY_MAX:
            raise ValidationError(
                _("These filters are too long to save: shorten the search."), code="too_long"
            )
        return query


def normalised_query(data: QueryDict, *, owner: User) -> str:
    """The table's query string as a saved view keeps it: the filter form's own fields only
    (no `page`, nothing unknown), each once, in the form's order, without the default sort.
    Raises ValidationError when the table's filter form refuses it (another user's company, a
    sort that doesn't exist), so a view never saves filters the table would drop."""
    form = ApplicationFilterForm(data, owner=owner)
    if not form.is_valid():
        raise ValidationError(
            _("These filters aren’t ones the table can show: %(errors)s")
            % {
                "errors": " ".join(
                    f"{form.fields[name].label}: {' '.join(str(e) for e in errors)}"
                    for name, errors in form.errors.items()
                    # The filter form has no errors but its fields' own.
                    if name in form.fields
                )
            },
            code="invalid_filters",
        )
    return query_of(form)


def query_of(form: ApplicationFilterForm) -> str:
    """A valid filter form's values as a saved view keeps them (normalised_query)."""
    kept = QueryDict(mutable=True)
    for name, value in form.cleaned_data.items():
        if name == "sort" and value == ApplicationFilterForm.DEFAULT_SORT:
            continue
        if name == "archived":
            value = "on" if value else ""
        if value not in (None, ""):
            kept[name] = str(value)
    return kept.urlencode()
