"""The posting's text kept with an application, in a table of its own: the applications
table's rows stay narrow (the table and the board never read a posting), and an application
without one has no row here."""

from django.db import models
from django.db.models.functions import Length
from django.db.models.lookups import GreaterThan, LessThanOrEqual
from django.utils.translation import gettext_lazy as _

# The longest posting kept, in characters (a long posting is 10,000; this is ten of them).
POSTING_MAX = 100_000


class Posting(models.Model):
    """The job posting's words as plain text (applications.posting_text makes it from a page's
    HTML or a paste), owned through its application: postings vanish when the role closes,
    just when a second interview or a note months later needs them."""

    class Origin(models.TextChoices):
        BOOKMARKLET = "bookmarklet", _("Read from the posting’s page")
        PASTED = "pasted", _("Pasted")
        IMPORTED = "imported", _("Imported")

    application = models.OneToOneField(
        "applications.Application",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="posting",
        verbose_name=_("application"),
    )
    text = models.TextField(_("the posting"))
    origin = models.CharField(_("from"), max_length=20, choices=Origin.choices)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("posting")
        verbose_name_plural = _("postings")
        constraints = [
            # No posting is no row, never an empty one; and never more than POSTING_MAX.
            models.CheckConstraint(
                condition=GreaterThan(Length("text"), 0)
                & LessThanOrEqual(Length("text"), POSTING_MAX),
                name="posting_text_bounded",
            ),
            models.CheckConstraint(
                condition=models.Q(origin__in=["bookmarklet", "pasted", "imported"]),
                name="posting_origin_known",
            ),
        ]

    def __str__(self) -> str:
        return str(_("The posting"))

    @property
    def word_count(self) -> int:
        """Its words, not its bullets or dashes."""
        return sum(1 for word in self.text.split() if any(c.isalnum() for c in word))
