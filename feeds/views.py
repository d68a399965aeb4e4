"""The feed itself (by its secret URL, no session) and its switch on the preferences page."""

import hashlib

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseGone
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.views.decorators.http import require_POST, require_safe
from django_ratelimit.decorators import ratelimit

from rebound.lib.types import AuthedRequest

from . import services, tokens
from .calendar import build
from .models import CalendarFeed


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
        # A genuine link, since replaced or turned off: gone for good, and calendars say so.
        return HttpResponseGone(
            "This calendar link was replaced or turned off in Rebound.", content_type="text/plain"
        )
    built = build(feed.user, timezone.now())
    etag = '"' + hashlib.sha256(built.body).hexdigest()[:32] + '"'
    last_modified = int(built.last_modified.timestamp()) if built.last_modified else None
    not_modified = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if not_modified is not None:
        return not_modified
    response = HttpResponse(built.body, content_type="text/calendar; charset=utf-8")
    response["ETag"] = etag
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified)
    response["Cache-Control"] = "private, max-age=0, must-revalidate"
    response["Content-Disposition"] = 'inline; filename="rebound.ics"'
    if request.method == "HEAD":
        # The same headers, the length the body would have, and no body (whatever the server).
        response.content = b""
        response["Content-Length"] = str(len(built.body))
    return response


@login_required
@require_POST
def calendar_feed_switch(request: AuthedRequest) -> HttpResponse:
    action = request.POST.get("action")
    if action == "enable":
        services.feed_enable(user=request.user)
        messages.success(request, "Your calendar link is ready: copy it below.")
    elif action == "regenerate":
        services.feed_regenerate(user=request.user)
        messages.success(request, "A new calendar link is ready. The old one no longer works.")
    elif action == "disable":
        services.feed_disable(user=request.user)
        messages.success(request, "Your calendar link is turned off; calendars get nothing new.")
    else:
        messages.error(request, "That isn’t something the calendar link can do.")
    return redirect("preferences")
