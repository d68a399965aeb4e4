from django.conf import settings
from django.db import models


class CalendarFeed(models.Model):
    """A user's private calendar feed. Its URL's token is derived (feeds.tokens), not stored:
    a new version makes a new URL and the old one answers 410 Gone."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)
    enabled = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # What the feed shows, as a number: bumped by database triggers (feeds.stamps) when a row
    # it reads changes in a column it reads, and by nothing else. Its cached copy is keyed by
    # it (feeds.views), so a status or a note changed leaves a calendar's copy as it was.
    content_version = models.BigIntegerField(default=0, editable=False)

    def __str__(self) -> str:
        return f"Calendar feed of user {self.user_id} (version {self.version})"
