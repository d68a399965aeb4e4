"""Every error in one documented JSON shape (docs/api.md):

    {"errors": [{"field": "role", "code": "required", "message": "This field is required."}]}

`field` is null for an error about the whole request (authentication, permission, a
missing object, throttling).
"""

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import exceptions, serializers
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


def handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, DjangoValidationError):  # a service's rule, said in its words
        exc = exceptions.ValidationError(
            exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        )
    response = exception_handler(exc, context)
    if response is None:
        return None
    response.data = {"errors": _flatten(response.data)}
    return response


class ErrorSerializer(serializers.Serializer):
    field = serializers.CharField(allow_null=True, help_text="The field at fault, or null.")
    code = serializers.CharField(help_text="A stable code: required, invalid, not_found, …")
    message = serializers.CharField(help_text="What is wrong, in words a person can act on.")


class ErrorsSerializer(serializers.Serializer):
    errors = ErrorSerializer(many=True)
