"""The language a user reads: their pages, and every email sent to them by whatever sends it."""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.conf import settings
from django.utils import translation


def user_language(user: Any) -> str:
    """The user's chosen language, or the site's default when it is no longer offered."""
    code = getattr(user, "language", "") or ""
    known = {c for c, _name in settings.LANGUAGES}
    return code if code in known else settings.LANGUAGE_CODE


@contextmanager
def in_language_of(user: Any) -> Iterator[str]:
    """Render inside this block as the user would read it: `with in_language_of(user): ...`
    around every email body and subject, so the beat, mail in and an admin's browser all send
    the recipient's language, not their own."""
    language = user_language(user)
    with translation.override(language):
        yield language
