from django import forms

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ReminderDateForm(forms.Form):
    local_date = forms.DateField(label="New date", widget=DATE)
    local_time = forms.TimeField(
        label="Time", widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
