import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from applications.forms import DATE
from rebound.lib.formfields import bound_event_date
from rebound.models import User

from .models import AMOUNT_MAX, BENEFITS_MAX, NOTES_MAX, REMIND_DAYS_MAX, Offer

# Whole units, as people write them: 85000, 85.000, 85,000, 85 000 or 85'000. A decimal part
# is refused rather than guessed at: "85.000" is 85 thousand to a German and 85 to a browser.
_PLAIN = re.compile(r"\d+")
_GROUPED = re.compile(r"\d{1,3}(?:[.,'’ \u00a0\u202f]\d{3})+")
# The currencies the field suggests; any ISO 4217 code Babel knows is accepted.
SUGGESTED_CURRENCIES = ("EUR", "USD", "GBP", "CHF", "SEK", "NOK", "DKK", "PLN", "CZK", "CAD")


class AmountField(forms.IntegerField):
    """A yearly amount in whole units, typed with or without grouping."""

    widget = forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"})

    def to_python(self, value: Any) -> int | None:
        text = str(value if value is not None else "").strip()
        if text in self.empty_values:
            return None
        if _PLAIN.fullmatch(text) or _GROUPED.fullmatch(text):
            return int(re.sub(r"\D", "", text))
        raise ValidationError(
            _("Enter a whole amount without cents, e.g. %(example)s.")
            % {"example": number_format(85000, force_grouping=True)},
            code="invalid",
        )

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        # Not a number input: no min, max or step for the browser to second-guess.
        return {}


class OfferForm(forms.ModelForm):
    class Meta:
        model = Offer
        fields = (
            "currency",
            "base_salary",
            "bonus",
            "equity",
            "equity_value",
            "benefits",
            "start_date",
            "deadline",
            "remind_days_before",
            "notes",
        )
        field_classes = {
            "base_salary": AmountField,
            "bonus": AmountField,
            "equity_value": AmountField,
        }
        widgets = {
            "currency": forms.TextInput(
                attrs={
                    "maxlength": 3,
                    "size": 4,
                    "autocapitalize": "characters",
                    "autocomplete": "off",
                    "spellcheck": "false",
                    "list": "currency-codes",
                }
            ),
            "benefits": forms.Textarea(attrs={"rows": 3, "maxlength": BENEFITS_MAX}),
            "notes": forms.Textarea(attrs={"rows": 3, "maxlength": NOTES_MAX}),
            "start_date": DATE,
            "deadline": DATE,
            "remind_days_before": forms.NumberInput(
                attrs={"min": 0, "max": REMIND_DAYS_MAX, "step": 1, "inputmode": "numeric"}
            ),
        }
        labels = {
            "base_salary": gettext_lazy("Base salary"),
            "bonus": gettext_lazy("Bonus"),
            "equity_value": gettext_lazy("Equity’s estimated value"),
            "remind_days_before": gettext_lazy("Remind me this many days before the deadline"),
        }
        help_texts = {
            "benefits": gettext_lazy("Holidays, pension, training budget, remote days…"),
            "remind_days_before": gettext_lazy("At your reminder hour; 0 for no reminder."),
        }

    def __init__(self, *args: Any, owner: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.owner = owner
        # Made for each request, in its language.
        bound_event_date(self.fields["start_date"], owner, what=_("The start date"))
        bound_event_date(self.fields["deadline"], owner, what=_("The decision deadline"))
        too_much = _("That is more than Rebound takes (up to %(max)s a year): please check it.") % {
            "max": number_format(AMOUNT_MAX, force_grouping=True)
        }
        for name in ("base_salary", "bonus", "equity_value"):
            self.fields[name].error_messages["max_value"] = too_much
        self.fields["base_salary"].error_messages["min_value"] = _(
            "The base salary must be more than 0."
        )
        days = _("Between 0 and %(max)d days (0 for no reminder).") % {"max": REMIND_DAYS_MAX}
        for code in ("min_value", "max_value"):
            self.fields["remind_days_before"].error_messages[code] = days

    def clean_currency(self) -> str:
        return str(self.cleaned_data.get("currency") or "").strip().upper()
