"""Object URLs without a reverse() per object.

A list page prints hundreds of links to objects (a board of 180 cards, a table of 25 rows with
their companies); reverse() per link was a fifth of such a page's time in issue 12's profile.
The path is resolved once per URL name, URL configuration and script prefix, and the primary
key put in its place.
"""

import functools

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse

_PLACEHOLDER = 987654321  # any int the URL converters accept, unlikely elsewhere in a path


def object_url(name: str, pk: int | str) -> str:
    """reverse(name, args=[pk]), resolved once per process and URL configuration.

    A string pk ("{pk}") gives a template for a script to fill in.
    """
    head, tail = _split(name, get_urlconf() or settings.ROOT_URLCONF, get_script_prefix())
    return f"{head}{pk}{tail}"


@functools.lru_cache(maxsize=256)
def _split(name: str, urlconf: str, prefix: str) -> tuple[str, str]:
    # The prefix is part of the key because reverse() prepends it.
    head, _, tail = reverse(name, args=[_PLACEHOLDER], urlconf=urlconf).partition(str(_PLACEHOLDER))
    return head, tail
