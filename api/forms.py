import datetime as dt
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from rebound.lib.formfields import bound_date
from rebound.lib.localtime import local_today
from rebound.models import User


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=80,
        help_text=_("What uses it, e.g. “my browser extension”, “weekly script”."),
    )
    access = forms.ChoiceField(
        label=_("Access"),
        choices=[("read", _("Read only")), ("write", _("Read and write"))],
        initial="read",
        widget=forms.RadioSelect,
    )
    private_notes = forms.BooleanField(
        required=False,
        label=_("Also your private notes (journal, incident notes, feedback received)"),
        help_text=_("Leave it off unless the tool needs them."),
    )
    expires_on = forms.DateField(
        required=False,
        label=_("Expires on (optional)"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("After this day it stops working. Up to a year ahead."),
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        today = local_today(user)
        bound_date(
            self.fields["expires_on"],
            first=today + dt.timedelta(days=1),
            last=today + dt.timedelta(days=366),
            what=_("The expiry"),
        )
