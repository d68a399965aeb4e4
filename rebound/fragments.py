"""Cached page fragments that can't go stale.

A fragment (the applications table, the board's columns) is cached under a key that holds
its owner's data version (rebound.models.DataVersion), which database triggers bump in the
same transaction as any change to what the fragment shows. A request reads the version at
render time, after its own writes, so it either finds the fragment made from the data it
would read itself, or makes it. Measured: the table and the board, re-read under load, cost
a third of what they cost to build (docs/performance.md).

With the cache's Redis unreachable, rebound.cache answers as an empty cache: every fragment
is rendered, as it would be the first time, and the page still answers.

Only on PostgreSQL, where the triggers are: on SQLite (`make run`) fragments are rendered
every time, as they are with FRAGMENT_CACHE=false (the benches use it to time a cold render).
"""

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.db import connection
from django.utils import translation

from rebound.models import User

from .models import DataVersion

# How long an unused fragment stays; any change makes a new key long before that.
TTL = 3600


def enabled() -> bool:
    """Whether fragments are cached here: on PostgreSQL, with FRAGMENT_CACHE on."""
    return connection.vendor == "postgresql" and bool(settings.FRAGMENT_CACHE)


def data_version(user: User) -> int | None:
    """The user's data version, or None where fragments aren't cached."""
    if not enabled():
        return None
    version = DataVersion.objects.filter(user_id=user.pk).values_list("version", flat=True)
    return version.first() or 0


def fragment_keys(user: User) -> Callable[..., str]:
    """A function giving the cache key of each of this user's fragments as the data stands
    ("" = don't cache), reading the version once: key(name, *parts), where `parts` are what
    else the fragment varies with (the query string, a filter). The user's time zone and the
    active language are part of every key: fragments show local dates, in words of one
    language (a German reader never gets the English fragment, nor the other way round)."""
    version = data_version(user)

    def key(name: str, *parts: Any) -> str:
        if version is None:
            return ""
        language = translation.get_language() or settings.LANGUAGE_CODE
        return ":".join(str(p) for p in (name, user.pk, version, user.timezone, language, *parts))

    return key
