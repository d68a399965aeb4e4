import datetime as dt
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from applications.forms import DATE, TIME, OwnedForm
from applications.models import Contact
from rebound.lib.datefmt import day_month_of
from rebound.lib.formfields import bound_event_date
from rebound.lib.localtime import local_datetime

from .models import RATING_FIELDS, Interview, SelfAssessment
from .validators import INTERVIEW_BEFORE_APPLIED, validate_interview_after_applied


class InterviewForm(OwnedForm):
    # Set when the interview comes before the date applied: the day the page offers to move
    # the date applied to.
    move_applied_to: dt.date | None = None

    date = forms.DateField(label=gettext_lazy("Date"), widget=DATE)
    start_time = forms.TimeField(label=gettext_lazy("Starts at"), widget=TIME)
    end_time = forms.TimeField(label=gettext_lazy("Ends at"), widget=TIME)
    new_interviewers = forms.CharField(
        label=gettext_lazy("New interviewers"),
        required=False,
        max_length=1000,
        help_text=gettext_lazy("Names of people not in your contacts yet, separated by commas."),
    )
    # The confirm step: set by the "Yes, move the date applied" button the form offers when
    # the interview comes before the date applied.
    move_applied_date = forms.BooleanField(required=False, widget=forms.HiddenInput)

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
        # Made for each request, in its language.
        bound_event_date(self.fields["date"], self.owner, what=_("The interview’s date"))
        bound_event_date(self.fields["promised_reply_by"], self.owner, what=_("The reply date"))
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
            starts_at = local_datetime(day, start, self.owner)
            ends_at = local_datetime(day, end, self.owner)
            if ends_at <= starts_at:
                self.add_error("end_time", _("The interview must end after it starts."))
            else:
                self.instance.starts_at, self.instance.ends_at = starts_at, ends_at
        promised = data.get("promised_reply_by")
        if promised and day and promised < day:
            self.add_error("promised_reply_by", _("The reply date can’t be before the interview."))
        if day and "date" not in self.errors and not data.get("move_applied_date"):
            applied = self.instance.application.date_applied
            try:
                validate_interview_after_applied(day=day, date_applied=applied)
            except ValidationError:
                # Odd, not impossible: ask, and offer the fix (the template's confirm step).
                self.move_applied_to = day
                self.add_error(
                    "date",
                    ValidationError(
                        _(
                            "This interview is before the date you applied (%(applied)s). "
                            "Move the applied date to %(day)s?"
                        )
                        % {"applied": day_month_of(applied), "day": day_month_of(day)},
                        code=INTERVIEW_BEFORE_APPLIED,
                    ),
                )
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
