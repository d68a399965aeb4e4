from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from rebound.lib.formfields import bound_schedule_date
from rebound.models import User

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ReminderDateForm(forms.Form):
    local_date = forms.DateField(label=_("New date"), widget=DATE)
    local_time = forms.TimeField(
        label=_("Time"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )

    def __init__(self, *args: Any, owner: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        bound_schedule_date(self.fields["local_date"], owner)
