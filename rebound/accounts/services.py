"""Account-wide verbs of the core."""

import unicodedata
from typing import Any

from allauth.account.adapter import get_adapter
from allauth.account.models import EmailAddress
from allauth.usersessions.models import UserSession
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core import signing
from django.core.mail import EmailMessage
from django.db import connection, transaction
from django.db.models.functions import Trim, Upper
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from rebound.lib.language import in_language_of
from rebound.models import User
from rebound.tasks import send_account_email


def sessions_end_for(*, user: User) -> int:
    """Delete every live session of a user (other browsers too), e.g. before deleting them."""
    ended = [
        session.pk
        for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator()
        if session.get_decoded().get("_auth_user_id") == str(user.pk)
    ]
    Session.objects.filter(pk__in=ended).delete()
    return len(ended)


def login_text(raw: str | None) -> str:
    """The log-in identifier as every way in cleans it before looking the user up: stripped,
    then NFKC-normalised (what Django's admin log-in does; the site's log-in and password
    reset use this too, so all three agree)."""
    return unicodedata.normalize("NFKC", (raw or "").strip())


def login_identifier(raw: str | None) -> str:
    """One key per account, for the lock-out and the password-reset throttle.

    Log-in finds the user with `email__iexact` (UserManager.get_by_natural_key), which the
    database answers as UPPER(email) = UPPER(input) with its own collation's case rules
    (PostgreSQL here folds "ä" to "Ä" but leaves "ß" alone; SQLite folds ASCII only). The key
    is the database's UPPER() of the cleaned text, so two inputs that log in to the same
    account always count together, and inputs that can't reach the same account never do.
    """
    text = login_text(raw)
    if not text:
        return ""
    with connection.cursor() as cursor:
        cursor.execute("SELECT UPPER(%s)", [text])
        row = cursor.fetchone()
    return str(row[0])


def axes_username(request: HttpRequest | None, credentials: dict[str, Any] | None) -> str:
    """AXES_USERNAME_CALLABLE: the lock-out counts by login_identifier().

    Reads what was typed (the form's raw field) rather than the form's cleaned value, so
    every call in one request gives the same key; remembered on the request, as django-axes
    asks for the username several times per log-in.
    """
    # allauth's log-in posts "login"; what reaches authenticate() names it "email".
    fields = (settings.AXES_USERNAME_FORM_FIELD, "email", "username")
    raw = None
    if request is not None and request.method == "POST":
        raw = next((request.POST[f] for f in fields if f in request.POST), None)
    if raw is None and credentials:
        raw = next((credentials[f] for f in fields if credentials.get(f)), None)
    if request is None:
        return login_identifier(raw)
    remembered: dict[str | None, str] = request.__dict__.setdefault("_login_identifiers", {})
    if raw not in remembered:
        remembered[raw] = login_identifier(raw)
    return remembered[raw]


def lockout_records_delete_for(*, email: str) -> int:
    """Forget the lock-out's records of an address (attempts, access and failure logs), as
    when its account is deleted. Rows are matched by login_identifier(); rows written before
    the lock-out used it held the text as typed, so those are matched by case and spaces too."""
    key = login_identifier(email)
    deleted = 0
    for model in (AccessAttempt, AccessLog, AccessFailureLog):
        rows = model.objects.annotate(folded=Upper(Trim("username"))).filter(folded=key)
        deleted += rows.delete()[0]
    return deleted


def user_email_verified_sync(*, user: User) -> bool:
    """Record whether the user's address (the one reminders go to) is confirmed.

    allauth keeps the addresses; the core keeps this one fact on the user, so the reminder
    engine can wait for it without knowing about allauth. Called by allauth's signals
    (rebound.accounts.allauth) whenever an address is confirmed, added, removed or changed.
    """
    user.refresh_from_db(fields=["email", "email_verified"])
    verified = EmailAddress.objects.filter(
        user=user, email__iexact=user.email, verified=True
    ).exists()
    if verified != user.email_verified:
        user.email_verified = verified
        user.save(update_fields=["email_verified"])
    return verified


KNOWN_DEVICE_COOKIE = "rebound_known_device"
KNOWN_DEVICE_SALT = "rebound.accounts.services.known-device"


def _known_here(request: HttpRequest) -> list[int]:
    try:
        value = signing.loads(
            request.COOKIES.get(KNOWN_DEVICE_COOKIE, ""), salt=KNOWN_DEVICE_SALT, max_age=None
        )
    except signing.BadSignature:
        return []
    return [int(pk) for pk in value] if isinstance(value, list) else []


def sign_in_notice_send(
    *, request: HttpRequest, response: HttpResponse | None, user: User, notify: bool = True
) -> bool:
    """Email the owner when their account signs in on a new device: a browser that has not
    signed in to it before (a signed cookie it keeps) and that none of their other signed-in
    sessions uses. Only to a confirmed address, never when they opted out. Returns whether
    a notice was queued."""
    known = _known_here(request)
    if response is not None and user.pk not in known:
        # Remembered for next time (a few accounts per browser at most).
        response.set_cookie(
            KNOWN_DEVICE_COOKIE,
            signing.dumps([user.pk, *known][:5], salt=KNOWN_DEVICE_SALT),
            max_age=400 * 24 * 3600,
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=True,
            samesite="Lax",
        )
    if not (notify and user.notify_new_sign_in and user.email_verified) or user.pk in known:
        return False
    agent = request.META.get("HTTP_USER_AGENT", "")[:200]
    current = request.session.session_key
    others = UserSession.objects.filter(user=user).exclude(session_key=current)
    if any((session.user_agent or "")[:200] == agent for session in others):
        return False
    with in_language_of(user):
        message = _new_sign_in_mail(request, user, agent, current)
    queue_email(message)
    return True


def _new_sign_in_mail(
    request: HttpRequest, user: User, agent: str, current: str | None
) -> EmailMessage:
    context = {
        "user": user,
        "user_agent": agent or _("an unnamed browser"),
        "ip": UserSession.objects.filter(session_key=current).values_list("ip", flat=True).first()
        or request.META.get("REMOTE_ADDR", ""),
        "when": timezone.now(),
        "sessions_url": request.build_absolute_uri(reverse("usersessions_list")),
        "preferences_url": request.build_absolute_uri(reverse("preferences")),
    }
    # Rendered now, inside the request (allauth's adapter needs it); sent once the log-in
    # has committed.
    return get_adapter(request).render_mail(
        "account/email/new_sign_in", user.email, {"email": user.email, **context}
    )


def queue_email(message: EmailMessage) -> None:
    """Send a rendered account email from a task once the transaction commits."""
    html = ""
    for content, mimetype in getattr(message, "alternatives", []):
        if mimetype == "text/html":
            html = str(content)
    args = (
        str(message.subject),
        str(message.body),
        html,
        str(message.from_email),
        list(message.to),
        dict(message.extra_headers),
    )
    transaction.on_commit(lambda: send_account_email.delay(*args))


def user_email_mark_verified(*, user: User) -> None:
    """Record the user's address as confirmed without a link: for accounts the operator
    makes (the demo account, bench data) whose address is theirs or nobody's."""
    EmailAddress.objects.update_or_create(
        user=user,
        email=user.email.lower(),
        defaults={"verified": True, "primary": True},
    )
    user_email_verified_sync(user=user)


def user_signup_extras_set(
    *, user: User, first_name: str, timezone: str, language: str | None = None
) -> None:
    """What sign-up asks beyond allauth's address and password, kept on the new user, with
    the language the sign-up page was read in (the browser's, by default the active one):
    the account goes on in it, and its emails too."""
    user.first_name = first_name
    user.timezone = timezone
    user.language = signup_language(language or translation.get_language())
    user.save(update_fields=["first_name", "timezone", "language"])


def signup_language(code: str | None) -> str:
    """One of settings.LANGUAGES for a browser's language ("de-AT" → "de"), else the default."""
    try:
        return translation.get_supported_language_variant(code or "")
    except LookupError:
        return settings.LANGUAGE_CODE


def account_delete(*, user: User) -> None:
    """Delete the account and everything in it (applications, journal, reminders: the
    database cascades), with its other sessions and any lock-out records of its address."""
    with transaction.atomic():
        sessions_end_for(user=user)
        lockout_records_delete_for(email=user.email)
        user.delete()
