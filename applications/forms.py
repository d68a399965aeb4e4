import datetime as dt
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from .models import (
    RATING_FIELDS,
    Application,
    Company,
    Contact,
    Interview,
    SelfAssessment,
    Source,
    Status,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class OwnedForm(forms.ModelForm):
    """A model form whose choices of related objects are limited to the owner's own."""

    def __init__(self, *args: Any, owner: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.owner = owner
        if "company" in self.fields:
            self.fields["company"].queryset = Company.objects.filter(owner=owner)  # type: ignore[attr-defined]


class CompanyForm(OwnedForm):
    class Meta:
        model = Company
        fields = ("name", "website", "notes")
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        clash = Company.objects.filter(owner=self.owner, name__iexact=name)
        if self.instance.pk:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            raise ValidationError("You already have a company with this name.")
        return name


class ContactForm(OwnedForm):
    class Meta:
        model = Contact
        fields = ("name", "kind", "company", "title", "email", "phone", "linkedin_url", "notes")
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}
        labels = {"kind": "Role in your search"}


class ApplicationForm(OwnedForm):
    new_company = forms.CharField(
        label="…or a new company",
        max_length=200,
        required=False,
        help_text="Type a name to add a company you haven’t tracked yet.",
    )

    class Meta:
        model = Application
        fields = (
            "company",
            "new_company",
            "role",
            "posting_url",
            "source",
            "location",
            "remote_mode",
            "salary_min",
            "salary_max",
            "currency",
            "date_applied",
            "excitement",
            "notes",
        )
        widgets = {
            "date_applied": DATE,
            "notes": forms.Textarea(attrs={"rows": 4}),
            "excitement": forms.NumberInput(attrs={"min": 1, "max": 5}),
            "currency": forms.TextInput(attrs={"maxlength": 3, "autocapitalize": "characters"}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["company"].required = False
        self.fields["company"].widget.attrs.update(
            {
                "hx-get": reverse("applications:company_history"),
                "hx-target": "#company-history",
                "hx-trigger": "change",
            }
        )

    def clean_currency(self) -> str:
        currency = self.cleaned_data["currency"].strip().upper()
        if currency and (len(currency) != 3 or not currency.isalpha()):
            raise ValidationError("Use a three-letter currency code such as EUR or USD.")
        return currency

    def clean_date_applied(self) -> dt.date | None:
        applied = self.cleaned_data.get("date_applied")
        if applied and applied > timezone.localdate() + dt.timedelta(days=1):
            raise ValidationError("The date applied can’t be in the future.")
        return applied

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        low, high = data.get("salary_min"), data.get("salary_max")
        if low is not None and high is not None and low > high:
            self.add_error("salary_max", "The top of the range must be at least the bottom.")
        if (low is not None or high is not None) and not data.get("currency"):
            self.add_error("currency", "Say which currency the salary is in.")
        if not data.get("company") and not data.get("new_company", "").strip():
            self.add_error("company", "Pick a company or type the name of a new one.")
        return data


class QuickAddForm(forms.Form):
    company = forms.CharField(max_length=200, label="Company")
    role = forms.CharField(max_length=200, label="Role")
    posting_url = forms.URLField(label="Posting URL", required=False, max_length=1000)
    status = forms.ChoiceField(
        choices=[(Status.WISHLIST, "Wishlist"), (Status.APPLIED, "Applied")],
        initial=Status.WISHLIST,
    )


class StatusChangeForm(forms.Form):
    to_status = forms.ChoiceField(label="Move to", choices=Status.choices)
    on = forms.DateField(label="On", widget=DATE, required=False)
    note = forms.CharField(label="Note (optional)", max_length=500, required=False)


class CorrectDateForm(forms.Form):
    on = forms.DateField(label="Date", widget=DATE)


class ApplicationFilterForm(forms.Form):
    SORTS = [
        ("-updated_at", "Recently updated"),
        ("-date_applied", "Date applied (newest)"),
        ("date_applied", "Date applied (oldest)"),
        ("company__name", "Company (A–Z)"),
        ("role", "Role (A–Z)"),
        ("-excitement", "Excitement (highest)"),
        ("status", "Status"),
    ]
    q = forms.CharField(label="Search", required=False)
    status = forms.ChoiceField(choices=[("", "Any status"), *Status.choices], required=False)
    source = forms.ChoiceField(choices=[("", "Any source"), *Source.choices], required=False)
    company = forms.ModelChoiceField(
        queryset=Company.objects.none(), required=False, empty_label="Any company"
    )
    sort = forms.ChoiceField(choices=SORTS, required=False)

    def __init__(self, *args: Any, owner: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["company"].queryset = Company.objects.filter(owner=owner)  # type: ignore[attr-defined]


class InterviewForm(OwnedForm):
    date = forms.DateField(widget=DATE)
    start_time = forms.TimeField(label="Starts at", widget=TIME)
    end_time = forms.TimeField(label="Ends at", widget=TIME)
    new_interviewers = forms.CharField(
        label="New interviewers",
        required=False,
        max_length=1000,
        help_text="Names of people not in your contacts yet, separated by commas.",
    )

    class Meta:
        model = Interview
        fields = (
            "round_type",
            "date",
            "start_time",
            "end_time",
            "format",
            "location",
            "interviewers",
            "new_interviewers",
            "preparation_notes",
            "questions",
            "promised_reply_by",
        )
        widgets = {
            "interviewers": forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
            "preparation_notes": forms.Textarea(attrs={"rows": 3}),
            "questions": forms.Textarea(attrs={"rows": 4}),
            "promised_reply_by": DATE,
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["interviewers"].queryset = Contact.objects.filter(  # type: ignore[attr-defined]
            owner=self.owner
        ).select_related("company")
        self.fields["interviewers"].help_text = ""
        if self.instance.pk:
            tz = self.owner.tzinfo
            start = timezone.localtime(self.instance.starts_at, tz)
            end = timezone.localtime(self.instance.ends_at, tz)
            self.initial.update(date=start.date(), start_time=start.time(), end_time=end.time())

    def clean_new_interviewers(self) -> list[str]:
        raw = self.cleaned_data.get("new_interviewers") or ""
        return [" ".join(n.split()) for n in raw.split(",") if n.strip()]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        day, start, end = data.get("date"), data.get("start_time"), data.get("end_time")
        if day and start and end:
            tz = self.owner.tzinfo
            starts_at = dt.datetime.combine(day, start, tzinfo=tz)
            ends_at = dt.datetime.combine(day, end, tzinfo=tz)
            if ends_at <= starts_at:
                self.add_error("end_time", "The interview must end after it starts.")
            else:
                self.instance.starts_at, self.instance.ends_at = starts_at, ends_at
        promised = data.get("promised_reply_by")
        if promised and day and promised < day:
            self.add_error("promised_reply_by", "The reply date can’t be before the interview.")
        return data


class SelfAssessmentForm(forms.ModelForm):
    class Meta:
        model = SelfAssessment
        fields = (
            *RATING_FIELDS,
            "went_well",
            "tripped_questions",
            "change_next_time",
            "skills_to_build",
        )
        widgets = {
            **{
                name: forms.RadioSelect(choices=[(i, str(i)) for i in range(1, 6)])
                for name in RATING_FIELDS
            },
            "went_well": forms.Textarea(attrs={"rows": 3}),
            "tripped_questions": forms.Textarea(attrs={"rows": 3}),
            "change_next_time": forms.Textarea(attrs={"rows": 3}),
            "skills_to_build": forms.Textarea(attrs={"rows": 3}),
        }
