from django import forms

from .document import MAX_BYTES


class RestoreForm(forms.Form):
    file = forms.FileField(
        label="Backup file",
        help_text=f"A .json file downloaded from a Rebound server, up to "
        f"{MAX_BYTES // (1024 * 1024)} MB.",
        widget=forms.ClearableFileInput(attrs={"accept": ".json,application/json"}),
    )
