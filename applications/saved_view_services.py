"""Saved table views: the applications table's filters and sort kept under a name (issue 28).

A view is only a name for a query string; opening it is opening the table with it. The query
comes in normalised (forms.SavedViewForm): these functions keep the rules a view's owner can
run into, the limit and the one-view-per-name, whatever page or tool saves it.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.db.models.functions import Lower
from django.utils.translation import gettext as _

from rebound.models import User

from .models import SavedView

# Enough for every way a person looks at a search; a longer row of links above the table
# stops being a shortcut.
SAVED_VIEWS_MAX = 20


@dataclass(frozen=True, slots=True)
class Saved:
    view: SavedView
    created: bool  # False: a view of that name was there and now has these filters


def saved_views_of(owner: User) -> QuerySet[SavedView]:
    """The owner's views, by name whatever the case: the links above the table (one query,
    read off savedview_owner_name_ci_unique)."""
    return SavedView.objects.filter(owner=owner).order_by(Lower("name"), "pk")


@transaction.atomic
def saved_view_save(*, owner: User, name: str, query: str) -> Saved:
    """Save the table's `query` (normalised) as the owner's view `name`; a view of the same
    name, whatever its case, takes the new filters and this spelling of the name. A new one
    beyond SAVED_VIEWS_MAX is refused (ValidationError), and nothing is saved."""
    # The owner's row, locked: two saves at once can't both be the twentieth, nor both create
    # the same name (the unique constraint would refuse the second with an error page).
    User.objects.select_for_update().filter(pk=owner.pk).values_list("pk").first()
    existing = SavedView.objects.filter(owner=owner, name__iexact=name).first()
    if existing is not None:
        existing.name, existing.query = name, query
        existing.save(update_fields=["name", "query"])
        return Saved(view=existing, created=False)
    if SavedView.objects.filter(owner=owner).count() >= SAVED_VIEWS_MAX:
        raise ValidationError(
            _(
                "You already have %(limit)d saved views, the most there can be. Delete one you "
                "no longer use, or save these filters under the name of one to replace it."
            )
            % {"limit": SAVED_VIEWS_MAX},
            code="too_many",
        )
    return Saved(view=SavedView.objects.create(owner=owner, name=name, query=query), created=True)


def saved_view_delete(*, view: SavedView) -> None:
    """Delete the view; the applications it showed are untouched."""
    view.delete()
