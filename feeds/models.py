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

    def __str__(self) -> str:
        return f"Calendar feed of user {self.user_id} (version {self.version})"
