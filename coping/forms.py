import datetime as dt
from collections.abc import Sequence
from typing import Any, cast

from django import forms
from django.db.models import Case, When

from applications.models import Contact
from rebound.lib.formfields import bound_past_date, bound_schedule_date
from rebound.lib.localtime import local_today
from rebound.models import User

from . import drafts
from .models import FeedbackRequest, Incident, JournalEntry, NetGoal, Outreach, Reflection
from .validators import validate_feedback_received

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
MOOD_CHOICES = [
    (1, "1 — really low"),
    (2, "2 — low"),
    (3, "3 — okay"),
    (4, "4 — good"),
    (5, "5 — great"),
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
        choices=MOOD_CHOICES, coerce=int, widget=forms.RadioSelect, label="How do you feel?"
    )

    class Meta:
        model = JournalEntry
        fields = ("mood", "text", "written_on")
        widgets = {"text": forms.Textarea(attrs={"rows": 5}), "written_on": DATE}
        labels = {"text": "What is on your mind?", "written_on": "Date"}


class FeedbackDraftForm(ContactChoiceMixin, forms.ModelForm):
    class Meta:
        model = FeedbackRequest
        fields = ("contact", "subject", "body")
        widgets = {"body": forms.Textarea(attrs={"rows": 10})}
        labels = {"contact": "Who to ask", "body": "Message"}

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
    received_on = forms.DateField(label="Received on", widget=DATE)
    feedback = forms.CharField(label="What they said", widget=forms.Textarea(attrs={"rows": 5}))

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
        labels = {"contact": "Who you reached out to"}

    def __init__(self, *args: Any, owner: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.limit_contacts(owner, kinds=OUTREACH_KINDS)
        bound_past_date(self.fields["on"], owner)
        self.fields[
            "contact"
        ].help_text = (
            "Network contacts, referrers, recruiters and staffing agencies from your contacts."
        )


class FollowUpForm(ContactChoiceMixin, forms.Form):
    interested = forms.TypedChoiceField(
        label="Are you still interested in this company?",
        choices=[("yes", "Yes, I’d like to check in later"), ("no", "No, let it go")],
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
    )
    check_in_on = forms.DateField(label="Check in on", widget=DATE, required=False)
    contact = forms.ModelChoiceField(
        queryset=Contact.objects.none(), required=False, label="Who to write to"
    )
    note = forms.CharField(
        label="Your check-in note", widget=forms.Textarea(attrs={"rows": 8}), required=False
    )
    requirements = forms.CharField(
        label="What the role asks for", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    experience_now = forms.CharField(
        label="What you can show now", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def __init__(self, *args: Any, owner: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.limit_contacts(owner)
        tomorrow = local_today(owner) + dt.timedelta(days=1)
        bound_schedule_date(self.fields["check_in_on"], owner, earliest=tomorrow)


class IncidentForm(OwnerTodayMixin, forms.ModelForm):
    past_date_field = "happened_on"

    class Meta:
        model = Incident
        fields = ("kind", "happened_on", "jurisdiction", "facts")
        widgets = {"happened_on": DATE, "facts": forms.Textarea(attrs={"rows": 5})}
        labels = {"kind": "What may have been unlawful", "jurisdiction": "Where"}
