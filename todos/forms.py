from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from applications.forms import DATE
from rebound.lib.formfields import bound_event_date
from rebound.models import User

from .models import TITLE_MAX, RemindBefore, Todo

# The form's fields are named "todo-…" (and their ids "id_todo-…"): it sits on the application
# page beside that page's own forms.
PREFIX = "todo"


class TodoForm(forms.ModelForm):
    class Meta:
        model = Todo
        fields = ("title", "due_on", "remind_before")
        labels = {
            "title": gettext_lazy("What to do"),
            "due_on": gettext_lazy("Due on (optional)"),
            "remind_before": gettext_lazy("Reminder"),
        }
        widgets = {
            "title": forms.TextInput(
                attrs={
                    "maxlength": TITLE_MAX,
                    "placeholder": gettext_lazy("e.g. Send the portfolio"),
                }
            ),
            "due_on": DATE,
        }

    def __init__(self, *args: Any, owner: User, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", PREFIX)
        super().__init__(*args, **kwargs)
        bound_event_date(self.fields["due_on"], owner, what=_("The due date"))
        remind = self.fields["remind_before"]
        remind.choices = [("", _("No reminder")), *RemindBefore.choices]  # type: ignore[attr-defined]
        remind.help_text = _("Sent by email at your reminder hour.")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("remind_before") is not None and cleaned.get("due_on") is None:
            self.add_error("remind_before", _("A reminder needs a due date."))
        return cleaned
