"""Turning the feed on, making a new link, turning it off."""

from django.db import transaction
from django.db.models import F

from rebound.models import User

from .models import CalendarFeed


@transaction.atomic
def feed_enable(*, user: User) -> CalendarFeed:
    feed, created = CalendarFeed.objects.get_or_create(user=user)
    if not created and not feed.enabled:
        # Back on with a new link: the one given out before stays dead.
        CalendarFeed.objects.filter(pk=feed.pk).update(enabled=True, version=F("version") + 1)
        feed.refresh_from_db()
    return feed


@transaction.atomic
def feed_regenerate(*, user: User) -> CalendarFeed:
    feed = feed_enable(user=user)
    CalendarFeed.objects.filter(pk=feed.pk).update(version=F("version") + 1)
    feed.refresh_from_db()
    return feed


def feed_disable(*, user: User) -> None:
    CalendarFeed.objects.filter(user=user).update(enabled=False)
