"""The saved table view (issue 28): its own module, as models.py is long; models.py imports it
so Django and every import site find it there."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from rebound.lib.urlcache import object_url


class SavedView(models.Model):
    """A way of looking at the applications table, kept under a name ("Open, most exciting"):
    its filters and sort as the table's query string, normalised (forms.normalised_query).
    Opening it is opening the table with that query string."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    name = models.CharField(_("name"), max_length=60)
    query = models.CharField(_("filters and sort"), max_length=1000)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("saved view")
        verbose_name_plural = _("saved views")
        constraints = [
            # One view per name per user, whatever the case: saving "open" again updates
            # "Open". Its index also serves the list above the table, ordered by name.
            models.UniqueConstraint("owner", Lower("name"), name="savedview_owner_name_ci_unique"),
            models.CheckConstraint(condition=~Q(name=""), name="savedview_name_not_empty"),
            # The table as it opens needs no view: an empty query is never saved.
            models.CheckConstraint(condition=~Q(query=""), name="savedview_query_not_empty"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def url(self) -> str:
        """The table with this view's filters and sort."""
        return f"{reverse('applications:application_list')}?{self.query}"

    @property
    def delete_url(self) -> str:
        return object_url("applications:saved_view_delete", self.pk)
