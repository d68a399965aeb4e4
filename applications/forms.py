from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from rebound.lib.formfields import bound_past_date
from rebound.models import User

from .archive_services import BULK_ACTIONS
from .models import (
    ADDRESS_MAX,
    Application,
    Attachment,
    Company,
    Contact,
    RemoteMode,
    Source,
    Tag,
)
from .pipeline import Status
from .posting import split_title
from .posting_models import POSTING_MAX, Posting
from .posting_services import posting_too_long
from .posting_text import posting_fits, posting_text

# A salary beyond this is a typo (and would overflow the column).
SALARY_MAX = 100_000_000
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class OwnedForm(forms.ModelForm):
    """A model form whose choices of related objects are limited to the owner's own."""

    def __init__(self, *args: Any, owner: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.owner = owner
        if "company" in self.fields:
            self.fields["company"].queryset = Company.objects.filter(owner=owner).only("pk", "name")  # type: ignore[attr-defined]


class CompanyForm(OwnedForm):
    class Meta:
        model = Company
        fields = ("name", "website", "address", "notes")
        widgets = {
            "address": forms.Textarea(attrs={"rows": 3, "maxlength": ADDRESS_MAX}),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        clash = Company.objects.filter(owner=self.owner, name__iexact=name)
        if self.instance.pk:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            raise ValidationError(_("You already have a company with this name."))
        return name


class ContactForm(OwnedForm):
    new_company = forms.CharField(
        label=_("…or a new company"),
        max_length=200,
        required=False,
        help_text=_("Type a name to add a company you haven’t tracked yet."),
    )

    class Meta:
        model = Contact
        fields = (
            "name",
            "kind",
            "company",
            "new_company",
            "title",
            "email",
            "phone",
            "linkedin_url",
            "notes",
        )
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}
        labels = {"kind": _("Role in your search")}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("company") and data.get("new_company", "").strip():
            self.add_error("new_company", _("Pick a company or type a new one, not both."))
        return data


def _posting_field() -> forms.CharField:
    return forms.CharField(
        label=_("The posting"),
        required=False,
        # Pasted HTML is longer than its words: the words are counted in clean_posting.
        max_length=4 * POSTING_MAX,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "The job description, pasted while it is online: postings vanish when the role "
            "closes, just when an interview needs them. The table’s search finds its words."
        ),
    )


def _clean_posting(raw: str) -> str:
    if not posting_fits(posting_text(raw)):
        raise posting_too_long()
    return raw


def _excitement_in_range(value: int) -> None:
    if not 1 <= value <= 5:
        raise ValidationError(_("Choose how excited you are from 1 to 5."), code="excitement_range")


class ApplicationForm(OwnedForm):
    tag_text = forms.CharField(
        label=_("Tags"),
        required=False,
        max_length=1000,
        help_text=_("Your own labels, separated by commas: remote, fintech, dream job."),
    )
    new_company = forms.CharField(
        label=_("…or a new company"),
        max_length=200,
        required=False,
        help_text=_("Type a name to add a company you haven’t tracked yet."),
    )
    posting = _posting_field()

    class Meta:
        model = Application
        fields = (
            "company",
            "new_company",
            "role",
            "posting_url",
            "source",
            "applied_via",
            "location",
            "remote_mode",
            "salary_min",
            "salary_max",
            "currency",
            "date_applied",
            "excitement",
            "contacts",
            "tag_text",
            "notes",
            "posting",
        )
        widgets = {
            "date_applied": DATE,
            "notes": forms.Textarea(attrs={"rows": 4}),
            "excitement": forms.NumberInput(attrs={"min": 1, "max": 5}),
            "currency": forms.TextInput(attrs={"maxlength": 3, "autocapitalize": "characters"}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        bound_past_date(self.fields["date_applied"], self.owner, what=_("The date applied"))
        if self.instance.pk:
            self.fields["date_applied"].help_text = _(
                "The date it moved to Applied on its timeline; changing it corrects that entry."
            )
        self.fields["applied_via"].help_text = _(
            "How you sent it: the work-search log asks. Optional."
        )
        # One check and one message for the whole 1–5 range: the field's own "≥ 0" (it is a
        # positive integer) and the model's "≥ 1" used to answer 0 and -1 differently.
        excitement = self.fields["excitement"]
        excitement.validators = [_excitement_in_range]
        excitement.widget.attrs.update(min=1, max=5)
        for name in ("salary_min", "salary_max"):
            self.fields[name].validators.append(MaxValueValidator(SALARY_MAX))
            self.fields[name].widget.attrs.update(min=0, max=SALARY_MAX)
        people = self.fields["contacts"]
        people.queryset = (  # type: ignore[attr-defined]
            Contact.objects.filter(owner=self.owner).select_related("company").order_by("name")
        )
        people.help_text = _("Who you deal with: recruiter, referrer, HR, agency, interviewers.")
        people.widget.attrs.update(size=6)
        if self.instance.pk:
            self.initial["tag_text"] = ", ".join(t.name for t in self.instance.tags.all())
            kept = Posting.objects.filter(application=self.instance).values_list("text")
            self.initial["posting"] = next(iter(kept), ("",))[0]
        self.fields["company"].required = False
        self.fields["company"].widget.attrs.update(
            {
                "hx-get": reverse("applications:company_history"),
                "hx-target": "#company-history",
                "hx-trigger": "change",
            }
        )

    def clean_posting(self) -> str:
        return _clean_posting(self.cleaned_data["posting"])

    def clean_currency(self) -> str:
        currency = self.cleaned_data["currency"].strip().upper()
        if currency and (len(currency) != 3 or not currency.isalpha()):
            raise ValidationError(_("Use a three-letter currency code such as EUR or USD."))
        return currency

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        low, high = data.get("salary_min"), data.get("salary_max")
        if low is not None and high is not None and low > high:
            self.add_error("salary_max", _("The top of the range must be at least the bottom."))
        if (low is not None or high is not None) and not data.get("currency"):
            self.add_error("currency", _("Say which currency the salary is in."))
        if not data.get("company") and not data.get("new_company", "").strip():
            self.add_error("company", _("Pick a company or type the name of a new one."))
        return data


class QuickAddForm(forms.Form):
    # The page exists for this form: start in its first field rather than 14 navigation
    # stops away (a form with errors starts at its error summary instead: app.js).
    company = forms.CharField(
        max_length=200, label=_("Company"), widget=forms.TextInput(attrs={"autofocus": True})
    )
    role = forms.CharField(max_length=200, label=_("Role"))
    posting_url = forms.URLField(label=_("Posting URL"), required=False, max_length=1000)
    location = forms.CharField(label=_("Location"), max_length=200, required=False)
    remote_mode = forms.ChoiceField(
        label=_("Work mode"), choices=[("", "—"), *RemoteMode.choices], required=False
    )
    salary_min = forms.IntegerField(
        label=_("Salary from"), required=False, min_value=0, max_value=SALARY_MAX
    )
    salary_max = forms.IntegerField(
        label=_("Salary to"), required=False, min_value=0, max_value=SALARY_MAX
    )
    currency = forms.CharField(label=_("Currency"), max_length=3, required=False)
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[(Status.WISHLIST, Status.WISHLIST.label), (Status.APPLIED, Status.APPLIED.label)],
        initial=Status.WISHLIST,
    )
    posting = _posting_field()
    # Set by the page's script when the bookmarklet sent the posting's text (posting.js).
    posting_from_page = forms.BooleanField(required=False, widget=forms.HiddenInput)

    @classmethod
    def initial_from(cls, query: Any) -> dict[str, Any]:
        """What the bookmarklet sent: a JobPosting's fields, or a page title to split."""
        # The posting's text comes by postMessage (posting.js), never in the address.
        sent = set(cls.base_fields) - {"posting", "posting_from_page"}
        initial = {k: v for k, v in query.items() if k in sent}
        if query.get("title") and not initial.get("role"):
            posting = split_title(query["title"])
            initial.update(role=posting.role, company=initial.get("company") or posting.company)
        for name in ("salary_min", "salary_max"):
            value = str(initial.get(name, "")).split(".")[0]
            initial[name] = value if value.isdigit() else None
        initial["currency"] = str(initial.get("currency", "")).upper()[:3]
        return initial

    def clean_currency(self) -> str:
        return self.cleaned_data["currency"].upper()

    def clean_posting(self) -> str:
        return _clean_posting(self.cleaned_data["posting"])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        low, high = data.get("salary_min"), data.get("salary_max")
        if low is not None and high is not None and low > high:
            self.add_error("salary_max", _("The top of the range must be at least the bottom."))
        # In the shape application_create takes whole: the company is typed, never picked,
        # so it is found or made by that name (the field keeps the bookmarklet's name).
        if "company" in data:
            data["new_company"], data["company"] = data["company"], None
        from_page = data.pop("posting_from_page", False)
        data["posting_origin"] = Posting.Origin.BOOKMARKLET if from_page else Posting.Origin.PASTED
        return data


class StatusChangeForm(forms.Form):
    to_status = forms.ChoiceField(label=_("Move to"), choices=Status.choices)
    on = forms.DateField(label=_("On"), widget=DATE, required=False)
    note = forms.CharField(label=_("Note (optional)"), max_length=500, required=False)

    def __init__(self, *args: Any, owner: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        bound_past_date(self.fields["on"], owner)


class CorrectDateForm(forms.Form):
    on = forms.DateField(label=_("Date"), widget=DATE)

    def __init__(self, *args: Any, owner: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        bound_past_date(self.fields["on"], owner)


class ApplicationFilterForm(forms.Form):
    # Both directions of every column the table's headers sort by (templatetags/table_tags.py).
    # The drop-down offers them in this order; the FilterSet and the API read the same list.
    # The table's order when no sort is chosen (filters.py).
    DEFAULT_SORT = "-updated_at"
    SORTS = [
        ("-updated_at", _("Recently updated")),
        ("updated_at", _("Updated (oldest first)")),
        ("-date_applied", _("Date applied (newest)")),
        ("date_applied", _("Date applied (oldest)")),
        ("company__name", _("Company (A–Z)")),
        ("-company__name", _("Company (Z–A)")),
        ("role", _("Role (A–Z)")),
        ("-role", _("Role (Z–A)")),
        ("-excitement", _("Excitement (highest)")),
        ("excitement", _("Excitement (lowest)")),
        # Along the pipeline (filters.py), not the stored values' alphabet.
        ("status", _("Status (pipeline order)")),
        ("-status", _("Status (reverse)")),
    ]
    q = forms.CharField(label=_("Search"), required=False)
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("Any status")), ("open", _("Still open (not ended)")), *Status.choices],
        required=False,
    )
    source = forms.ChoiceField(
        label=_("Source"), choices=[("", _("Any source")), *Source.choices], required=False
    )
    # Plain choices read as (id, name) pairs, not model choice fields: a heavy user has 400
    # companies, and building a model instance for each option was most of the table's time.
    company = forms.TypedChoiceField(
        label=_("Company"), coerce=int, required=False, empty_value=None
    )
    tag = forms.ChoiceField(label=_("Tag"), required=False)
    sort = forms.ChoiceField(label=_("Sort"), choices=SORTS, required=False)
    archived = forms.BooleanField(label=_("Include archived"), required=False)

    def __init__(self, *args: Any, owner: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        companies = Company.objects.filter(owner=owner).order_by("name")
        self.fields["company"].choices = [  # type: ignore[attr-defined]
            ("", _("Any company")),
            *companies.values_list("pk", "name"),
        ]
        tags = Tag.objects.filter(owner=owner).order_by("name").values_list("name", flat=True)
        self.fields["tag"].choices = [("", _("Any tag")), *((t, t) for t in tags)]  # type: ignore[attr-defined]


class BulkForm(forms.Form):
    ids = forms.TypedMultipleChoiceField(
        coerce=int,
        choices=[],
        label=_("Applications"),
        error_messages={"required": _("Tick the applications to act on.")},
    )
    action = forms.ChoiceField(
        label=_("Action"), choices=[("", _("Choose an action…")), *BULK_ACTIONS.items()]
    )
    to_status = forms.ChoiceField(
        label=_("Status"), choices=[("", "—"), *Status.choices], required=False
    )
    tag = forms.CharField(label=_("Tag"), max_length=40, required=False)

    def __init__(self, *args: Any, owner: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        ids = self.data.getlist("ids") if hasattr(self.data, "getlist") else []
        # Only the owner's applications can be chosen: others are "not a valid choice".
        mine = Application.objects.filter(owner=owner, pk__in=[i for i in ids if str(i).isdigit()])
        self.fields["ids"].choices = [(a.pk, str(a.pk)) for a in mine.only("pk")]  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("action") == "move" and not data.get("to_status"):
            self.add_error("to_status", _("Choose the status to move them to."))
        if data.get("action") == "tag" and not data.get("tag", "").strip():
            self.add_error("tag", _("Type the tag to add."))
        return data


# What an attachment may be: its extension and how such a file starts (None: plain text).
ATTACHMENT_TYPES: dict[str, tuple[str, bytes | None]] = {
    ".pdf": ("application/pdf", b"%PDF-"),
    ".docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        b"PK\x03\x04",
    ),
    ".odt": ("application/vnd.oasis.opendocument.text", b"PK\x03\x04"),
    ".doc": ("application/msword", b"\xd0\xcf\x11\xe0"),
    ".rtf": ("application/rtf", b"{\\rtf"),
    ".txt": ("text/plain", None),
    ".md": ("text/markdown", None),
}
ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024


class AttachmentForm(forms.Form):
    kind = forms.ChoiceField(label=_("What it is"), choices=Attachment.Kind.choices)
    file = forms.FileField(
        label=_("The file you sent"),
        required=False,
        help_text=_("PDF, Word (.docx, .doc), OpenDocument (.odt), RTF or plain text, up to 5 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(ATTACHMENT_TYPES)}),
    )
    version = forms.CharField(
        label=_("Or the name of the version you used"),
        required=False,
        max_length=200,
        help_text=_("e.g. “CV 2025, data roles”: enough to know which one went where."),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data.get("file")
        if not upload:
            return None
        name = upload.name.lower()
        extension = name[name.rfind(".") :] if "." in name else ""
        if extension not in ATTACHMENT_TYPES:
            raise ValidationError(
                _("Rebound keeps PDF, Word, OpenDocument, RTF and text files; save it as a PDF.")
            )
        if upload.size > ATTACHMENT_MAX_BYTES:
            raise ValidationError(_("The file is over 5 MB."))
        if not upload.size:
            raise ValidationError(_("The file is empty."))
        head = upload.read(4096)
        upload.seek(0)
        magic = ATTACHMENT_TYPES[extension][1]
        if magic is not None and not head.startswith(magic):
            raise ValidationError(
                _("That file isn’t really a %(extension)s file.") % {"extension": extension}
            )
        if magic is None and b"\x00" in head:
            raise ValidationError(_("That file isn’t plain text."))
        return upload

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        missing = not data.get("file") and not (data.get("version") or "").strip()
        if missing and "file" not in self.errors:
            self.add_error("file", _("Attach the file you sent, or name the version."))
        return data
