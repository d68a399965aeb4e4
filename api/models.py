import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q


class ApiToken(models.Model):
    """A personal access token for scripts and tools. Only a hash of its secret is stored:
    the token is shown once, when made (api.services)."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    name = models.CharField(max_length=80)
    # The token's public part, to find it without scanning (the secret is hashed).
    prefix = models.CharField(max_length=12, unique=True)
    digest = models.CharField(max_length=64)
    can_write = models.BooleanField("read and write", default=False)
    # The journal, incident notes and feedback replies: only with this scope.
    private_notes = models.BooleanField(default=False)
    expires_on = models.DateField(null=True, blank=True)
    last_used_on = models.DateField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_on__isnull=True) | Q(expires_on__gte=dt.date(2000, 1, 1)),
                name="apitoken_sensible_expiry",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    def usable_on(self, today: dt.date) -> bool:
        return self.revoked_at is None and (self.expires_on is None or today <= self.expires_on)
