"""Mail in's one write for a message: keep what it said, and the question it raises."""

from __future__ import annotations

import datetime as dt
import hashlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from applications.models import Application
from rebound.lib.language import in_language_of
from rebound.models import User

from ..models import InboundMessage, SenderCorrection, Suggestion
from ..parse.parsed import ParsedMessage
from ..pipeline import Reading, read_message
from .preferences import inbox_preference
from .suggestions import suggestion_auto_apply, suggestion_reword


def thread_application(user: User, message: ParsedMessage) -> Application | None:
    """The application of a stored message this one answers (In-Reply-To, then References),
    among the user's own messages only."""
    ids = [i for i in (message.in_reply_to, *reversed(message.references)) if i]
    if not ids:
        return None
    stored = (
        InboundMessage.objects.filter(owner=user, message_id__in=ids, application__isnull=False)
        .select_related("application__company")
        .order_by("-created_at")
        .first()
    )
    return stored.application if stored else None


def fingerprint(message: ParsedMessage) -> str:
    """One email, however it arrived: its Message-ID, else what it says and who said it when."""
    if message.message_id:
        basis = f"id:{message.message_id}"
    else:
        when = message.date.isoformat() if message.date else ""
        basis = f"{message.sender_address}|{when}|{message.subject}|{message.text}"
    return hashlib.sha256(basis.encode("utf-8", errors="replace")).hexdigest()


def inbound_message_store(
    *, user: User, raw: bytes | str, source: str
) -> tuple[InboundMessage, Reading, bool]:
    """Read a message and keep its facts and its suggestion. Returns (message, reading,
    created); the same Message-ID stored before gives the stored one back, unchanged."""
    reading = read_message(
        user=user,
        raw=raw,
        thread_lookup=thread_application,
        correction_lookup=sender_correction_lookup,
    )
    parsed = reading.message
    message_id = parsed.message_id[:255]
    key = fingerprint(parsed)
    existing = InboundMessage.objects.filter(owner=user, fingerprint=key).first()
    if existing is not None:
        return existing, reading, False
    app = reading.match.application
    suggestion = reading.suggestion
    try:
        with transaction.atomic():
            stored = InboundMessage.objects.create(
                owner=user,
                source=source,
                message_id=message_id,
                fingerprint=key,
                in_reply_to=parsed.in_reply_to[:255],
                sender=parsed.sender_address[:320],
                sender_name=parsed.sender_name[:200],
                subject=parsed.subject[:500],
                sent_at=parsed.date,
                label=reading.classification.label,
                confidence=reading.classification.confidence,
                company=(app.company.name if app else reading.facts.company)[:200],
                role=(app.role if app else reading.facts.role)[:200],
                application=app,
                facts=suggestion.prefill,
                **_raw_kept(user, raw),
            )
            kept = Suggestion.objects.create(
                owner=user,
                message=stored,
                action=suggestion.action,
                text=suggestion.text[:500],
                application=app,
                auto_applicable=suggestion.auto_applicable,
                on=suggestion.on,
            )
    except IntegrityError:
        # Stored by a concurrent call between the check and the insert.
        return InboundMessage.objects.get(owner=user, fingerprint=key), reading, False
    if kept.auto_applicable and inbox_preference(user).auto_apply:
        # The timeline's note is the owner's to read, whoever forwarded or polled the email.
        with in_language_of(user):
            suggestion_auto_apply(kept)
    return stored, reading, True


def _raw_kept(user: User, raw: bytes | str) -> dict[str, object]:
    days = inbox_preference(user).keep_raw_days
    text = raw.decode("utf-8", errors="replace") if isinstance(raw, bytes) else raw
    if days <= 0 or len(text) > settings.MAILIN_UPLOAD_MAX_BYTES:
        return {"raw": "", "raw_until": None}
    # PostgreSQL's text can't hold NUL; nothing a person reads is lost with it.
    return {
        "raw": text.replace("\x00", ""),
        "raw_until": timezone.now() + dt.timedelta(days=days),
    }


def sender_correction_lookup(
    user: User, message: ParsedMessage
) -> tuple[str, Application | None] | None:
    """The pipeline's correction hook: what the owner said this sender's last message was."""
    if not message.sender_address:
        return None
    found = (
        SenderCorrection.objects.filter(owner=user, sender__iexact=message.sender_address)
        .select_related("application__company")
        .first()
    )
    return (found.label, found.application) if found else None


def inbound_message_paste(
    *, user: User, raw: bytes | str, application: Application | None = None
) -> tuple[InboundMessage, bool]:
    """A pasted or uploaded email, through the same pipeline as every other way in. Pasted on
    an application's page, it is about that application unless its thread says otherwise."""
    size = len(raw.encode("utf-8", errors="replace") if isinstance(raw, str) else raw)
    if size > settings.MAILIN_UPLOAD_MAX_BYTES:
        limit = settings.MAILIN_UPLOAD_MAX_BYTES // (1024 * 1024)
        raise ValidationError(
            _("That email is larger than %(limit)s MB. Paste its text instead of the whole file.")
            % {"limit": limit}
        )
    text = raw.decode("utf-8", errors="replace") if isinstance(raw, bytes) else raw
    if not text.strip():
        raise ValidationError(
            _("There was nothing to read: paste the email's text or pick a file.")
        )
    if application is not None and application.owner_id != user.pk:
        raise ValidationError(_("Unknown application."))
    stored, _reading, created = inbound_message_store(
        user=user, raw=raw, source=InboundMessage.Source.PASTE
    )
    suggestion = stored.suggestion
    if (
        created
        and application is not None
        and stored.application_id != application.pk
        and suggestion.state == Suggestion.State.PENDING
    ):
        suggestion_reword(suggestion, label=stored.label, application=application)
    return stored, created
