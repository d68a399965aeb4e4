"""What every API body and answer is made of: strict field types (no coercion: the schema's
types, and only them), `Input` (a body that refuses fields it doesn't know) and `FormInput` (a
write whose meaning the site's own form checks, so a rule holds however the data comes in).
Each resource's serializers live beside its views (api/companies.py, api/applications.py…)."""

import datetime as dt
import re
from typing import Any, ClassVar

from django import forms
from django.core.validators import RegexValidator
from django.forms.models import model_to_dict
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from rest_framework.exceptions import ErrorDetail

from rebound.lib.types import StrOrPromise
from rebound.models import User

MAX_ID = 2**63 - 1


# PostgreSQL can't store a NUL character; the schema says so (a pattern), so clients know.
NO_NUL = r"^[^\x00]*$"


class _OnlyText:
    """Text, and only text: DRF would store the number 5 as "5", where the schema says string."""

    default_error_messages = {
        "not_text": _("Send this as text (a JSON string)."),
        "nul": _("Text can’t contain a NUL character (\\u0000)."),
    }

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        # Never reached (to_internal_value refuses first): there for the schema's "pattern",
        # unless the field has a pattern of its own (one pattern per field in the schema).
        if not any(isinstance(v, RegexValidator) for v in self.validators):  # type: ignore[attr-defined]
            self.validators.append(RegexValidator(NO_NUL))  # type: ignore[attr-defined]

    def to_internal_value(self, data: Any) -> str:
        if not isinstance(data, str):
            self.fail("not_text")  # type: ignore[attr-defined]
        if "\x00" in data:
            self.fail("nul")  # type: ignore[attr-defined]
        return super().to_internal_value(data)  # type: ignore[misc]


class Text(_OnlyText, serializers.CharField):
    pass


class Url(_OnlyText, serializers.URLField):
    pass


class Email(_OnlyText, serializers.EmailField):
    pass


class Choice(serializers.ChoiceField):
    default_error_messages = {"invalid_choice": _("“{input}” isn’t one of the choices listed.")}

    def to_internal_value(self, data: Any) -> Any:
        if not isinstance(data, str):
            self.fail("invalid_choice", input=data)
        return super().to_internal_value(data)


class Integer(serializers.IntegerField):
    """A JSON integer: not "5", 5.0 or true, which DRF would take as 5 (or 1)."""

    default_error_messages = {"invalid": _("Send a whole number (a JSON integer, not text).")}

    def to_internal_value(self, data: Any) -> int:
        if isinstance(data, bool) or not isinstance(data, int):
            self.fail("invalid")
        return super().to_internal_value(data)


class Date(serializers.DateField):
    """YYYY-MM-DD and nothing else (the schema's "date"); Python would also read 20261201."""

    default_error_messages = {"invalid": _("Give the date as YYYY-MM-DD.")}
    ISO = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)

    def to_internal_value(self, data: Any) -> dt.date:
        if not isinstance(data, str) or not self.ISO.fullmatch(data):
            self.fail("invalid")
        return super().to_internal_value(data)


class Input(serializers.Serializer):
    """A request body. A field not listed here is refused (400, code unknown_field)."""

    # A request body: fields it doesn't know are refused, never silently dropped.
    # not_writable: fields of the resource a write can't set, with what to do instead.
    not_writable: ClassVar[dict[str, StrOrPromise]] = {}

    def to_internal_value(self, data: Any) -> Any:
        if not isinstance(data, dict):
            raise serializers.ValidationError(
                {"non_field_errors": [gettext("Send a JSON object of fields and values.")]},
                code="invalid",
            )
        errors: dict[str, list[ErrorDetail]] = {}
        for name in data:
            if name in self.fields:
                continue
            if name in self.not_writable:
                errors[name] = [ErrorDetail(str(self.not_writable[name]), code="read_only")]
            else:
                errors[str(name)] = [
                    ErrorDetail(
                        gettext("There is no such field here. The fields are: %(fields)s.")
                        % {"fields": ", ".join(self.fields)},
                        code="unknown_field",
                    )
                ]
        if errors:
            raise serializers.ValidationError(errors)
        return super().to_internal_value(data)


def read_text(help_text: StrOrPromise) -> serializers.CharField:
    """A read-only string that may be empty: a blank URL or choice is "", which an OpenAPI
    "uri" format or enum would not allow."""
    return serializers.CharField(read_only=True, help_text=help_text)


class FormInput(Input):
    # A write body checked once, in two layers of one validation: its shape here (types,
    # required and unknown fields), then its meaning by the page's own form (dates, ranges,
    # one company per name, the owner's own companies and contacts), so a rule holds however
    # the data comes in. `validated_data` is the form's `cleaned_data`, what the services take.
    # A PATCH (partial, with `instance`) is a whole form to the form: what is stored, with
    # the changes sent on top; `sent` says which fields the request named.
    # (Comments, not a docstring: drf-spectacular would print it in every body's schema.)

    form_class: ClassVar[type[forms.BaseForm]]
    # The model fields a PATCH reads from what is stored.
    stored_fields: ClassVar[tuple[str, ...]] = ()
    # What a new object gets for a field left out (the model's defaults).
    create_defaults: ClassVar[dict[str, Any]] = {}

    # `owner` may be left out only by drf-spectacular, which makes one to read its fields.
    def __init__(self, *args: Any, owner: User | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.owner = owner
        self.sent: set[str] = set()

    def form_data(self, attrs: dict[str, Any]) -> dict[str, Any]:
        """The body as the form reads it: a null is an empty field."""
        data: dict[str, Any] = {} if self.partial else dict(self.create_defaults)
        if self.partial and self.instance is not None:
            stored = model_to_dict(self.instance, fields=list(self.stored_fields))
            for name, value in stored.items():
                if isinstance(value, list):  # many-to-many: ids, as a body gives them
                    value = [getattr(item, "pk", item) for item in value]
                data[name] = "" if value is None else value
        data.update({name: "" if value is None else value for name, value in attrs.items()})
        return data

    def make_form(self, data: dict[str, Any]) -> forms.BaseForm:
        if issubclass(self.form_class, forms.BaseModelForm):
            return self.form_class(data, owner=self.owner, instance=self.instance)  # type: ignore[call-arg]
        return self.form_class(data, owner=self.owner)  # type: ignore[call-arg]

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        self.sent = set(attrs)
        form = self.make_form(self.form_data(dict(attrs)))
        if not form.is_valid():
            raise serializers.ValidationError(
                {
                    field: [ErrorDetail(e["message"], code=e["code"] or "invalid") for e in errors]
                    for field, errors in form.errors.get_json_data().items()
                }
            )
        return form.cleaned_data
