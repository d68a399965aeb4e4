"""The import's forms: the upload, and the mapping (each field's column, each status
word's meaning)."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..models import ImportJob
from ..pipeline import Status
from .columns import FIELDS, REQUIRED, field_in_sentence, known_status, status_word
from .reading import shown_name


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Your file"),
        allow_empty_file=True,  # the reader says "The file is empty." like its other messages
        help_text=gettext_lazy(
            "CSV (comma, semicolon or tab) or an Excel workbook (.xlsx), up to 5 MB and "
            "10,000 rows, with the column names in the first row."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.tsv,.txt,.xlsx,text/csv"}),
    )


MAX_STATUS_WORDS = 40


class ImportMappingForm(forms.Form):
    """Which column holds each of Rebound's fields, and what each status word means."""

    as_new = forms.BooleanField(
        required=False,
        label=gettext_lazy(
            "Treat the last step of each application as news: open a plan for each "
            "rejection and schedule reminders"
        ),
        help_text=gettext_lazy(
            "Off: everything comes in as history, dated as in the file, and nothing is "
            "emailed. Tick it only for a search that is happening now."
        ),
    )

    def __init__(self, *args: Any, job: ImportJob, words: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.job = job
        columns = [("", _("— not in the file —"))] + [
            (str(i), shown_name(name, i)) for i, name in enumerate(job.header)
        ]
        self.field_names = list(FIELDS)
        for name, (label, _aliases) in FIELDS.items():
            self.fields[f"col_{name}"] = forms.ChoiceField(
                label=label,
                choices=columns,
                required=name in REQUIRED,
                initial=str(job.mapping[name]) if name in job.mapping else "",
                error_messages={
                    "required": _("Choose the column with the %(field)s.")
                    % {"field": field_in_sentence(name)}
                },
            )
        self.words = words[:MAX_STATUS_WORDS]
        for i, word in enumerate(self.words):
            known = job.statuses.get(status_word(word)) or known_status(status_word(word))
            self.fields[f"status_{i}"] = forms.ChoiceField(
                label=_("“%(word)s”") % {"word": word},
                choices=[("", _("Choose…")), *Status.choices],
                initial=known or "",
                error_messages={
                    "required": _("Choose what “%(word)s” means in Rebound.") % {"word": word}
                },
            )
        self.fields["as_new"].initial = job.as_new

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        used: dict[str, str] = {}
        for name in self.field_names:
            column = data.get(f"col_{name}")
            if column:
                if column in used:
                    other = field_in_sentence(used[column].removeprefix("col_"))
                    self.add_error(
                        f"col_{name}", _("That column is already the %(field)s.") % {"field": other}
                    )
                used[column] = f"col_{name}"
        return data

    def mapping(self) -> dict[str, int]:
        return {
            name: int(self.cleaned_data[f"col_{name}"])
            for name in self.field_names
            if self.cleaned_data.get(f"col_{name}")
        }

    def statuses(self) -> dict[str, str]:
        return {
            status_word(word): self.cleaned_data[f"status_{i}"]
            for i, word in enumerate(self.words)
            if self.cleaned_data.get(f"status_{i}")
        }

    def status_column_changed(self) -> bool:
        """Whether another status column was chosen: it brings other words, so its columns
        are saved first (columns()) and the words asked after."""
        was = str(self.job.mapping["status"]) if "status" in self.job.mapping else ""
        return self.is_bound and (self["col_status"].value() or "") != was

    def columns(self) -> dict[str, int]:
        """The columns chosen, each checked alone (the words may not be answered yet)."""
        chosen = {}
        for name in self.field_names:
            try:
                column = self.fields[f"col_{name}"].clean(self[f"col_{name}"].value())
            except ValidationError:
                continue
            if column:
                chosen[name] = int(column)
        return chosen
