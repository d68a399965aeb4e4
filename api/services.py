"""The API's own writes: personal access tokens, `rbd_<prefix>_<secret>`. The prefix finds the
row; the secret is compared by its SHA-256 (a 256-bit random secret needs no slow hash: nothing
to guess). Made, revoked and marked used only here."""

import datetime as dt
import hashlib
import hmac
import secrets

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from rebound.lib.localtime import local_today
from rebound.models import User

from .models import ApiToken

SCHEME = "rbd"
# Tokens a person may have at once: enough for every tool, few enough to keep track of.
MAX_TOKENS = 20


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def token_create(
    *,
    owner: User,
    name: str,
    can_write: bool,
    private_notes: bool = False,
    expires_on: dt.date | None = None,
) -> tuple[ApiToken, str]:
    """A new token and its full text, which is shown once and never stored. Refused
    (ValidationError, code "too_many") while the owner has MAX_TOKENS usable ones."""
    if ApiToken.objects.filter(owner=owner, revoked_at__isnull=True).count() >= MAX_TOKENS:
        raise ValidationError(
            _("You have %(count)d tokens: revoke one you no longer use.") % {"count": MAX_TOKENS},
            code="too_many",
        )
    prefix = secrets.token_hex(5)
    secret = secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        owner=owner,
        name=" ".join(name.split()),
        prefix=prefix,
        digest=_digest(secret),
        can_write=can_write,
        private_notes=private_notes,
        expires_on=expires_on,
    )
    return token, f"{SCHEME}_{prefix}_{secret}"


def token_revoke(*, token: ApiToken) -> bool:
    """Revoke a token at once; False if it was already revoked."""
    return bool(
        ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(
            revoked_at=timezone.now()
        )
    )


def token_check(text: str) -> ApiToken | None:
    """The usable token this text is, or None (unknown, wrong secret, revoked, expired).
    Marks the day it was last used (one write a day at most)."""
    scheme, _, rest = text.partition("_")
    prefix, _, secret = rest.partition("_")
    if scheme != SCHEME or not prefix or not secret:
        return None
    token = ApiToken.objects.select_related("owner").filter(prefix=prefix).first()
    if token is None or not hmac.compare_digest(token.digest, _digest(secret)):
        return None
    today = local_today(token.owner)
    if not token.usable_on(today) or not token.owner.is_active:
        return None
    if token.last_used_on != today:
        ApiToken.objects.filter(pk=token.pk).update(last_used_on=today)
        token.last_used_on = today
    return token
