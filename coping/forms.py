import datetime as dt
from collections.abc import Sequence
from typing import Any, cast

from django import forms
from django.db.models import Case, When
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from applications.models import Contact
from rebound.lib.formfields import bound_past_date, bound_schedule_date
from rebound.lib.localtime import local_today
from rebound.models import User

from . import drafts
from .legal import long_day
from .models import FeedbackRequest, Incident, JournalEntry, NetGoal, Outreach, Reflection
from .validators import validate_feedback_received

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
MOOD_CHOICES = [
    (1, _("1 — really low")),
    (2, _("2 — low")),
    (3, _("3 — okay")),
    (4, _("4 — good")),
    (5, _("5 — great")),
]


class ContactChoiceMixin:
    """Limit a contact field to the owner's own contacts."""

    def limit_contacts(self, owner: User, kinds: Sequence[str] | None = None) -> None:
        contacts = Contact.objects.filter(owner=owner).select_related("company")
        order: list[Any] = ["name"]
        if kinds:
            contacts = contacts.filter(kind__in=kinds)
            # In the order given: the likeliest people first.
            rank = Case(*(When(kind=k, then=i) for i, k in enumerate(kinds)), default=len(kinds))
            order = [rank, "name"]
        self.fields["contact"].queryset = contacts.order_by(*order)  # type: ignore[attr-defined]


class ReflectionForm(forms.ModelForm):
    class Meta:
        model = Reflection
        fields = ("qualified", "performance", "tripped_questions", "skills_to_improve")
        widgets = {name: forms.Textarea(attrs={"rows": 3}) for name in fields}


class OwnerTodayMixin:
    """Forms whose date is something that happened: 1970 to the owner's own today."""

    past_date_field = ""

    def __init__(self, *args: Any, owner: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.owner = owner
        bound_past_date(self.fields[self.past_date_field], owner)  # type: ignore[attr-defined]


class JournalEntryForm(OwnerTodayMixin, forms.ModelForm):
    past_date_field = "written_on"
    mood = forms.TypedChoiceField(
        choices=MOOD_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        label=_("How do you feel?"),
    )

    class Meta:
        model = JournalEntry
        fields = ("mood", "text", "written_on")
        widgets = {"text": forms.Textarea(attrs={"rows": 5}), "written_on": DATE}
        labels = {
            "text": _("What is on your mind?"),
            "written_on": _("Date"),
        }


class FeedbackDraftForm(ContactChoiceMixin, forms.ModelForm):
    class Meta:
        model = FeedbackRequest
        fields = ("contact", "subject", "body")
        widgets = {"body": forms.Textarea(attrs={"rows": 10})}
        labels = {"contact": _("Who to ask"), "body": _("Message")}

    def __init__(self, *args: Any, owner: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.limit_contacts(owner)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        # Choosing another person to ask re-greets them, unless the greeting was edited.
        if "contact" in data and "body" in data:
            before = self.initial.get("contact")
            if before is not None and not isinstance(before, Contact):
                # The saved draft's own contact, by id (initial data from its instance).
                before = Contact.objects.filter(pk=before).first()
            data["body"] = drafts.greeting_follows(
                data["body"], before=before, after=data["contact"]
            )
        return data

    def greetings(self) -> dict[str, str]:
        """Each choice's greeting, by the select's value, for the page's script."""
        contacts = cast(forms.ModelChoiceField, self.fields["contact"]).queryset
        return {
            "": drafts.feedback_greeting(None),
            **{str(c.pk): drafts.feedback_greeting(c) for c in contacts or ()},
        }


class FeedbackReceivedForm(OwnerTodayMixin, forms.Form):
    past_date_field = "received_on"
    received_on = forms.DateField(label=_("Received on"), widget=DATE)
    feedback = forms.CharField(label=_("What they said"), widget=forms.Textarea(attrs={"rows": 5}))

    def __init__(self, *args: Any, sent_on: dt.date | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.sent_on = sent_on  # the day the request went out, if it did

    def clean_received_on(self) -> dt.date:
        received_on = self.cleaned_data["received_on"]
        validate_feedback_received(sent_on=self.sent_on, received_on=received_on)
        return received_on


class NetGoalForm(forms.ModelForm):
    class Meta:
        model = NetGoal
        fields = ("target", "weeks")
        widgets = {
            "target": forms.NumberInput(attrs={"min": 1, "max": 100}),
            "weeks": forms.NumberInput(attrs={"min": 1, "max": 26}),
        }


# Leads come from the network, referrers, recruiters and agencies; the people who just
# interviewed you are not whom you ask for the next opening.
OUTREACH_KINDS = [
    Contact.Kind.NETWORK,
    Contact.Kind.REFERRER,
    Contact.Kind.RECRUITER,
    Contact.Kind.STAFFING_AGENCY,
    Contact.Kind.HR,
    Contact.Kind.OTHER,
]


class OutreachForm(ContactChoiceMixin, forms.ModelForm):
    class Meta:
        model = Outreach
        fields = ("contact", "on", "outcome", "notes")
        widgets = {"on": DATE, "notes": forms.Textarea(attrs={"rows": 2})}
        labels = {"contact": _("Who you reached out to")}

    def __init__(self, *args: Any, owner: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.limit_contacts(owner, kinds=OUTREACH_KINDS)
        bound_past_date(self.fields["on"], owner)
        self.fields["contact"].help_text = gettext(
            "Network contacts, referrers, recruiters and staffing agencies from your contacts."
        )


class FollowUpForm(ContactChoiceMixin, forms.Form):
    interested = forms.TypedChoiceField(
        label=_("Are you still interested in this company?"),
        choices=[
            ("yes", _("Yes, I’d like to check in later")),
            ("no", _("No, let it go")),
        ],
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
    )
    check_in_on = forms.DateField(label=_("Check in on"), widget=DATE, required=False)
    contact = forms.ModelChoiceField(
        queryset=Contact.objects.none(), required=False, label=_("Who to write to")
    )
    note = forms.CharField(
        label=_("Your check-in note"),
        widget=forms.Textarea(attrs={"rows": 8}),
        required=False,
    )
    requirements = forms.CharField(
        label=_("What the role asks for"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    experience_now = forms.CharField(
        label=_("What you can show now"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )

    def __init__(self, *args: Any, owner: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.limit_contacts(owner)
        tomorrow = local_today(owner) + dt.timedelta(days=1)
        bound_schedule_date(self.fields["check_in_on"], owner, earliest=tomorrow)


# Germany's legal step asks for these as well; other places leave them out.
GERMAN_FIELDS = ("received_on", "learned_on", "land", "claimed_on")


class IncidentForm(OwnerTodayMixin, forms.ModelForm):
    past_date_field = "happened_on"

    class Meta:
        model = Incident
        fields = ("kind", "happened_on", "jurisdiction", "facts", *GERMAN_FIELDS)
        widgets = {
            "happened_on": DATE,
            "facts": forms.Textarea(attrs={"rows": 5}),
            "received_on": DATE,
            "learned_on": DATE,
            "claimed_on": DATE,
        }
        labels = {
            "kind": _("What may have been unlawful"),
            "jurisdiction": _("Where"),
            "land": _("Land (German state)"),
        }
        help_texts = {
            "received_on": _(
                "The day the rejection arrived in your letterbox or inbox, even if you read it "
                "later."
            ),
            "learned_on": _(
                "Only if you learned something later that points to discrimination (who got "
                "the job, a remark passed on to you): the two months then start that day."
            ),
            "land": _(
                "Where the employer receives your letter. Only holidays of the whole Land "
                "count, not those of some towns."
            ),
            "claimed_on": _(
                "If you have already claimed in writing. Not sure when it arrived? Give the "
                "day you sent it: the deadline shown is then on the safe side."
            ),
        }

    def __init__(
        self, *args: Any, owner: User, applied_on: dt.date | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, owner=owner, **kwargs)
        self.applied_on = applied_on  # the application's date: no rejection arrives before it
        if owner.language == "de":
            # Where a German reader most likely applied; only where the form starts.
            self.initial.setdefault("jurisdiction", Incident.Jurisdiction.DE)
        for name, what in (
            ("received_on", _("The day the rejection reached you")),
            ("learned_on", _("The day you learned of the discrimination")),
            ("claimed_on", _("The day your written claim reached the employer")),
        ):
            bound_past_date(self.fields[name], owner, what=what)
        if applied_on is not None:
            self.fields["received_on"].widget.attrs["min"] = applied_on.isoformat()
        land = cast(forms.ChoiceField, self.fields["land"])
        land.choices = [("", _("Choose your Land")), *Incident.Land.choices]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("jurisdiction") != Incident.Jurisdiction.DE:
            # Another place's note keeps none of them, whatever the browser sent, and a date
            # it doesn't use can't be wrong.
            for name in GERMAN_FIELDS:
                if self.errors:  # the form's errors, built by full_clean before clean()
                    self.errors.pop(name, None)
            data.update(received_on=None, learned_on=None, land="", claimed_on=None)
            return data
        received = data.get("received_on")
        if received is None and "received_on" not in self.errors:
            self.add_error(
                "received_on",
                gettext(
                    "For Germany, give the day the rejection reached you: the two months "
                    "count from it."
                ),
            )
        if not data.get("land") and "land" not in self.errors:
            self.add_error(
                "land", gettext("Choose your Land: its public holidays can move the deadline.")
            )
        if received is None:
            return data
        said = {"day": long_day(received)}
        if self.applied_on is not None and received < self.applied_on:
            self.add_error(
                "received_on",
                gettext("The rejection can’t have reached you before you applied (%(day)s).")
                % {"day": long_day(self.applied_on)},
            )
        learned = data.get("learned_on")
        if learned is not None and learned < received:
            self.add_error(
                "learned_on",
                gettext(
                    "This can’t be before the rejection reached you (%(day)s). If you knew "
                    "then, leave it empty."
                )
                % said,
            )
        claimed = data.get("claimed_on")
        if claimed is not None and claimed < received:
            self.add_error(
                "claimed_on",
                gettext(
                    "Your claim can’t have reached the employer before the rejection reached "
                    "you (%(day)s)."
                )
                % said,
            )
        return data
