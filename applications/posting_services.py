"""Keeping the posting's text with an application: set it (from the bookmarklet, a paste or
an import), replace it, or take it away. The only writes of applications.Posting."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from .models import Application
from .posting_models import POSTING_MAX, Posting
from .posting_text import posting_cut, posting_fits, posting_text


def posting_too_long() -> ValidationError:
    return ValidationError(
        _(
            "The posting is longer than %(max)s characters. Keep the part that matters to "
            "you: the tasks, the requirements and what they offer."
        )
        % {"max": number_format(POSTING_MAX, force_grouping=True)},
        "posting_too_long",
    )


def posting_set(*, application: Application, text: str, origin: str) -> Posting | None:
    """The application's posting, from `text` as typed, pasted or read from a page (HTML or
    plain text; applications.posting_text reads it). Empty text takes the posting away."""
    kept = posting_text(text)
    if not kept:
        Posting.objects.filter(application=application).delete()
        return None
    if not posting_fits(kept):
        raise posting_too_long()
    kept_before = Posting.objects.filter(application=application).first()
    if kept_before is not None and kept_before.text == kept:
        return kept_before  # saved again unchanged: where it came from still holds
    posting, _created = Posting.objects.update_or_create(
        application=application, defaults={"text": kept, "origin": origin}
    )
    return posting


def postings_import(*, texts: Iterable[tuple[Application, str]]) -> int:
    """Postings for freshly imported applications, in one statement; a text longer than a
    posting is cut (the import keeps the file as it was). Returns how many."""
    postings = [
        Posting(application=application, text=kept, origin=Posting.Origin.IMPORTED)
        for application, raw in texts
        if (kept := posting_cut(posting_text(raw)))
    ]
    Posting.objects.bulk_create(postings)
    return len(postings)
