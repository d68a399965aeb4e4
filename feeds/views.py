"""The feed itself (by its secret URL, no session) and its switch on the preferences page."""

import datetime as dt
import hashlib
import zlib

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.cache.backends.base import BaseCache
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseGone
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe
from django_ratelimit.decorators import ratelimit

from rebound import fragments
from rebound.lib.language import in_language_of, user_language
from rebound.lib.types import AuthedRequest
from reminders.selectors import lines_are_plain

from . import services, tokens
from .calendar import FORMAT, Feed, build, from_sections, window_start
from .models import CalendarFeed

# A cached feed's key changes with any change to what it shows and with the day, so this only
# bounds how long an unused one stays (calendar apps poll hourly; a day covers the gaps).
CACHE_SECONDS = 24 * 3600


# HEAD too: some calendar apps check a subscription's link with it before fetching.
@require_safe
# Calendar apps poll about hourly; a leaked link can't be used to hammer the server.
@ratelimit(key="ip", rate=lambda group, request: settings.CALENDAR_FEED_RATE, block=True)
def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    found = tokens.read(token)
    if found is None:
        raise Http404
    user_id, version = found
    feed = CalendarFeed.objects.select_related("user").filter(user_id=user_id).first()
    if feed is None:
        raise Http404
    if not feed.enabled or feed.version != version:
        # A genuine link, since replaced or turned off: gone for good, and calendars say so
        # (in the owner's words: whoever reads it has no session).
        with in_language_of(feed.user):
            said = _("This calendar link was replaced or turned off in Rebound.")
        return HttpResponseGone(said, content_type="text/plain; charset=utf-8")
    now = timezone.now()
    if not fragments.enabled():
        # Nothing cached (SQLite, or fragments off): built on every fetch, as it always was.
        built = _build(feed, now)
        etag = _etag(hashlib.sha256(built.body).hexdigest())
    else:
        key = _cache_key(feed, now)
        # Weak: it names what the feed was built from (its key), not the bytes themselves.
        etag = "W/" + _etag(hashlib.sha256(key.encode()).hexdigest())
        # A calendar that has this version gets its 304 from the version alone: one query
        # (the feed's row, which holds it), no cache read, nothing built.
        if request.headers.get("If-None-Match"):
            not_modified = get_conditional_response(request, etag=etag)
            if not_modified is not None:
                return _with_headers(not_modified, etag, None)
        # Rebuilt after a change, it reads its unchanged events' bytes from the cache too.
        built = _cached(key) or _store(key, _build(feed, now, events=cache))
    last_modified = int(built.last_modified.timestamp()) if built.last_modified else None
    not_modified = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if not_modified is not None:
        return _with_headers(not_modified, etag, last_modified)
    response = HttpResponse(built.body, content_type="text/calendar; charset=utf-8")
    _with_headers(response, etag, last_modified)
    response["Content-Disposition"] = 'inline; filename="rebound.ics"'
    if request.method == "HEAD":
        # The same headers, the length the body would have, and no body (whatever the server).
        response.content = b""
        response["Content-Length"] = str(len(built.body))
    return response


def _build(feed: CalendarFeed, now: dt.datetime, events: BaseCache | None = None) -> Feed:
    """The feed in its owner's language: a calendar app's fetch has no session to say one."""
    with in_language_of(feed.user):
        return build(feed.user, now, events=events)


def _etag(digest: str) -> str:
    return f'"{digest[:32]}"'


def _with_headers(response: HttpResponse, etag: str, last_modified: int | None) -> HttpResponse:
    response["ETag"] = etag
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified)
    response["Cache-Control"] = "private, max-age=0, must-revalidate"
    return response


def _cache_key(feed: CalendarFeed, now: dt.datetime) -> str:
    """What the feed is a function of: the rows it reads, in the columns it reads (the feed's
    own version, which triggers bump with any change to them: feeds.stamps), the owner's time
    zone and language, the link's version, the day (its window moves daily) and the feed's
    format. Were some reminder's line said from a model instance, no columns would stand for
    it: the owner's data version, which any change bumps, would key it instead."""
    user = feed.user
    if lines_are_plain():
        version = f"c{feed.content_version}"
    else:
        version = f"d{fragments.data_version(user)}"
    day = window_start(now).date().isoformat()
    language = user_language(user)
    return (
        f"calendar-feed:{FORMAT}:{user.pk}:{feed.version}:{version}:{user.timezone}:"
        f"{language}:{day}"
    )


def _cached(key: str) -> Feed | None:
    stored = cache.get(key)
    if stored is None:
        return None
    if stored[0] == "sections":
        # What its build read from the cache, read again: its sections, by their keys.
        _kind, head, keys, last_modified = stored
        body = from_sections(head, keys, cache)
        if body is None:
            return None
    elif stored[0] == "deflated":
        body = zlib.decompress(stored[1])
        last_modified = stored[2]
    else:
        return None  # kept by an earlier release, in another form: built again
    modified = dt.datetime.fromtimestamp(last_modified, dt.UTC) if last_modified else None
    return Feed(body=body, last_modified=modified)


def _store(key: str, built: Feed) -> Feed:
    modified = built.last_modified.timestamp() if built.last_modified else None
    if built.sections is not None:
        # Made of cached sections: their keys, not a second copy of their bytes (nor the time
        # to deflate them: 0.5 ms for a heavy feed on every first fetch after a change).
        cache.set(key, ("sections", *built.sections, modified), CACHE_SECONDS)
        return built
    # Otherwise compressed: a heavy user's feed is ~240 KB of text and ~14 times less
    # deflated, and a cache holds one per user polling (at the fastest level: the default took
    # three times as long to save a fifth more).
    cache.set(key, ("deflated", zlib.compress(built.body, 1), modified), CACHE_SECONDS)
    return built


@login_required
@require_POST
def calendar_feed_switch(request: AuthedRequest) -> HttpResponse:
    action = request.POST.get("action")
    if action == "enable":
        services.feed_enable(user=request.user)
        messages.success(request, _("Your calendar link is ready: copy it below."))
    elif action == "regenerate":
        services.feed_regenerate(user=request.user)
        messages.success(request, _("A new calendar link is ready. The old one no longer works."))
    elif action == "disable":
        services.feed_disable(user=request.user)
        messages.success(request, _("Your calendar link is turned off; calendars get nothing new."))
    else:
        messages.error(request, _("That isn’t something the calendar link can do."))
    return redirect("preferences")
