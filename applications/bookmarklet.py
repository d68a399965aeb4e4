"""The "add to Rebound" bookmarklet: opens quick add filled from the posting.

It reads the page's schema.org JobPosting (title, employer, place, salary, date, address) when
there is one, and otherwise sends the page's title, which quick add splits into role and
company (applications.posting). The user confirms on quick add before anything is saved.
"""

import functools
from pathlib import Path

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse

SOURCE = Path(settings.BASE_DIR) / "static" / "js" / "bookmarklet.js"


@functools.cache
def _code() -> str:
    # One line: a javascript: URL is a single line, and // comments would swallow the rest.
    return " ".join(line.strip() for line in SOURCE.read_text().splitlines() if line.strip())


def bookmarklet(request: HttpRequest) -> str:
    url = request.build_absolute_uri(reverse("applications:quick_add"))
    return "javascript:" + _code().replace("__QUICK_ADD__", url)
