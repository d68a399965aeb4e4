"""The Inbox's forms: paste or upload an email, answer "which application?", correct a label,
and the owner's choices. They validate; the services in services/ write."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django import forms
from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from applications.models import Application
from interviews.models import Interview
from rebound.models import User

from .classify.labels import LABEL_NAMES
from .models import InboundMessage, InboxPreference
from .parse.message import parse_message


def _limit_text() -> str:
    return f"{settings.MAILIN_UPLOAD_MAX_BYTES // (1024 * 1024)} MB"


class PasteForm(forms.Form):
    text = forms.CharField(
        label=_("Paste the email"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Copy the whole message from your mail client, forwards included."),
    )
    file = forms.FileField(
        label=_("Or upload it as a file (.eml)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".eml,message/rfc822,text/plain"}),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data.get("file")
        if upload is not None and upload.size > settings.MAILIN_UPLOAD_MAX_BYTES:
            raise forms.ValidationError(
                gettext("That file is larger than %(limit)s. Paste the email's text instead.")
                % {"limit": _limit_text()}
            )
        return upload

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.errors and not (data.get("text") or "").strip() and not data.get("file"):
            raise forms.ValidationError(
                gettext("There was nothing to read: paste the email's text or pick a file.")
            )
        return data

    @property
    def raw(self) -> bytes | str:
        upload = self.cleaned_data.get("file")
        if upload is not None:
            return bytes(upload.read(settings.MAILIN_UPLOAD_MAX_BYTES + 1))
        return str(self.cleaned_data["text"])


def owner_applications(owner: User) -> QuerySet[Application]:
    """The applications a suggestion can be about: the owner's, open ones first."""
    return (
        Application.objects.filter(owner=owner, archived_at__isnull=True)
        .select_related("company")
        .order_by("company__name", "role", "pk")
    )


class _ApplicationChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.company.name} — {obj.role}"


class ChooseApplicationForm(forms.Form):
    application = _ApplicationChoice(
        queryset=Application.objects.none(), label=_("Which application is it about?")
    )

    def __init__(self, *args: Any, owner: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["application"].queryset = owner_applications(owner)  # type: ignore[attr-defined]


class CorrectForm(forms.Form):
    label = forms.ChoiceField(label=_("What is this email?"), choices=list(LABEL_NAMES.items()))
    application = _ApplicationChoice(
        queryset=Application.objects.none(),
        required=False,
        label=_("About which application?"),
        empty_label=_("None of them"),
    )

    def __init__(self, *args: Any, owner: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["application"].queryset = owner_applications(owner)  # type: ignore[attr-defined]


class InboxPreferenceForm(forms.ModelForm):
    class Meta:
        model = InboxPreference
        fields = ("auto_apply", "keep_raw_days")
        labels = {
            "auto_apply": _("Apply confident confirmations and rejections without asking"),
            "keep_raw_days": _("Keep the emails themselves for"),
        }
        help_texts = {
            "auto_apply": _("Never offers. Each one stays in the Inbox with an Undo."),
            "keep_raw_days": _(
                "After that only what Rebound read from them is kept: the company, role, date "
                "and kind of email."
            ),
        }


# Words that say how and which round, for the interview form's first guess.
FORMATS = (
    (re.compile(r"\b(zoom|teams|google meet|video|videocall|video call|webex)\b", re.I), "video"),
    (re.compile(r"\b(phone|call you|telefon\w*|anrufen)\b", re.I), "phone"),
    (re.compile(r"\b(on-?site|in person|our office|vor ort|in unserem büro)\b", re.I), "onsite"),
)
Round = Interview.Round
ROUNDS = (
    (re.compile(r"\b(final|letzte)\b", re.I), Round.FINAL),
    (re.compile(r"\bpanel\b", re.I), Round.PANEL),
    (re.compile(r"\b(technical|technisch\w*|coding|system design)\b", re.I), Round.TECHNICAL),
    (re.compile(r"\b(phone screen|screening call|kennenlern\w*)\b", re.I), Round.PHONE_SCREEN),
    (re.compile(r"\b(recruiter|talent)\b", re.I), Round.RECRUITER),
    (re.compile(r"\b(on-?site|vor ort)\b", re.I), Round.ONSITE),
)


def interview_initial(message: InboundMessage, *, tz: dt.tzinfo) -> dict[str, Any]:
    """The interview form's first values from an invitation: its time in the user's zone, an
    hour long, and the round and format its words suggest (the subject, and the text while
    the raw email is kept)."""
    words = message.subject
    if message.raw:
        words += "\n" + parse_message(message.raw).text
    initial: dict[str, Any] = {
        "round_type": next((r for p, r in ROUNDS if p.search(words)), Interview.Round.OTHER),
        "format": next((f for p, f in FORMATS if p.search(words)), Interview.Format.VIDEO),
    }
    at = (message.facts or {}).get("interview_at")
    if at:
        start = timezone.localtime(dt.datetime.fromisoformat(at), tz)
        initial.update(
            date=start.date(),
            start_time=start.time().replace(second=0, microsecond=0),
            end_time=(start + dt.timedelta(hours=1)).time().replace(second=0, microsecond=0),
        )
    return initial
