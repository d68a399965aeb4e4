"""Every error in one documented JSON shape (docs/api.md):

    {"errors": [{"field": "role", "code": "required", "message": "This field is required."}]}

`field` is null for an error about the whole request (authentication, permission, a
missing object, throttling).
"""

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, serializers
from rest_framework.exceptions import ErrorDetail
from rest_framework.response import Response
from rest_framework.views import exception_handler


def _flatten(detail: Any, field: str | None = None) -> list[dict[str, Any]]:
    if isinstance(detail, dict):
        out = []
        for key, value in detail.items():
            name = None if key in ("non_field_errors", "__all__", "detail") else str(key)
            out += _flatten(value, f"{field}.{name}" if field and name else name or field)
        return out
    if isinstance(detail, list):
        return [e for item in detail for e in _flatten(item, field)]
    code = getattr(detail, "code", "invalid")
    return [{"field": field, "code": code, "message": str(detail)}]


def _details(errors: list[DjangoValidationError]) -> list[ErrorDetail]:
    """Each message with its parameters filled in, keeping the service's own code."""
    out = []
    for error in errors:
        for single in error.error_list:
            message = single.message % single.params if single.params else single.message
            out.append(ErrorDetail(str(message), code=single.code or "invalid"))
    return out


def handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, Http404):
        # Django's own words ("No Company matches the given query.") name a class, in English
        # whatever the reader's language: say it plainly, in theirs.
        exc = exceptions.NotFound(gettext("Nothing of yours has that id."))
    if isinstance(exc, DjangoValidationError):
        # A service's rule (a date before the date applied, a move the pipeline doesn't
        # allow), however deep it was raised: a 400 in the error shape, in its own words.
        if hasattr(exc, "error_dict"):
            detail: Any = {field: _details(errors) for field, errors in exc.error_dict.items()}
        else:
            detail = {"non_field_errors": _details([exc])}
        exc = exceptions.ValidationError(detail)
    response = exception_handler(exc, context)
    if response is None:
        return None
    response.data = {"errors": _flatten(response.data)}
    return response


class ErrorSerializer(serializers.Serializer):
    field = serializers.CharField(allow_null=True, help_text=_("The field at fault, or null."))
    code = serializers.CharField(help_text=_("A stable code: required, invalid, not_found, …"))
    message = serializers.CharField(help_text=_("What is wrong, in words a person can act on."))


class ErrorsSerializer(serializers.Serializer):
    errors = ErrorSerializer(many=True)
