from django import forms
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .document import MAX_BYTES


class RestoreForm(forms.Form):
    file = forms.FileField(
        label=_("Backup file"),
        help_text=lazy(
            lambda: (
                gettext("A .json file downloaded from a Rebound server, up to %(limit)d MB.")
                % {"limit": MAX_BYTES // (1024 * 1024)}
            ),
            str,
        )(),
        widget=forms.ClearableFileInput(attrs={"accept": ".json,application/json"}),
    )
