"""What every resource of the API shares: its error answers in the schema, the 409, cursor
pages, owner-scoped lookups, and the 404 for an address that names nothing."""

from typing import Any

from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import pagination, status, viewsets
from rest_framework.exceptions import APIException, ErrorDetail, ValidationError
from rest_framework.request import Request

from rebound.lib.types import StrOrPromise

from .exceptions import ErrorsSerializer
from .serializers import MAX_ID, NO_NUL

ERRORS = {
    400: ErrorsSerializer,
    401: ErrorsSerializer,
    403: ErrorsSerializer,
    404: ErrorsSerializer,
    429: ErrorsSerializer,
}
# A write also answers: its body too large (413), or not JSON (415).
WRITE_ERRORS = {**ERRORS, 413: ErrorsSerializer, 415: ErrorsSerializer}
# 409: what the object is now forbids it (a company applications use, a reminder already sent).
CONFLICT = {409: ErrorsSerializer}


def reads(summary: StrOrPromise, serializer: type, description: StrOrPromise | None = None) -> Any:
    """The schema of a read-only resource: its list and its items."""
    responses = {200: serializer, **ERRORS}
    return extend_schema_view(
        list=extend_schema(summary=summary, description=description, responses=responses),
        retrieve=extend_schema(description=description, responses=responses),
    )


class Conflict(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"


class Cursor(pagination.CursorPagination):
    """Newest first; stable under inserts (no page shifts), no counts."""

    ordering = "-id"
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200

    def get_page_size(self, request: Request) -> int:
        # DRF quietly falls back to the default for 0, "abc" or "": say what is wrong instead.
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        if not (raw.isascii() and raw.isdigit() and 1 <= int(raw) <= self.max_page_size):
            raise ValidationError(
                {
                    self.page_size_query_param: ErrorDetail(
                        _("page_size is a whole number from 1 to %(max)d.")
                        % {"max": self.max_page_size},
                        code="invalid",
                    )
                }
            )
        return int(raw)

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"].update(
                    minimum=1, maximum=self.max_page_size, default=self.page_size
                )
            if parameter["name"] == self.cursor_query_param:
                parameter["schema"]["pattern"] = NO_NUL  # the hostile-input guard's rule
        return parameters


def body(serializer_class: type, request: Request) -> dict[str, Any]:
    """A body with nothing to check beyond its shape (a snooze's days, an answer's id)."""
    serializer = serializer_class(data=request.data)
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)


class Owned(viewsets.GenericViewSet):
    # Objects of the caller's own; ids beyond any row are a 404, not a database error.
    # (A comment, not a docstring: drf-spectacular would print it under every operation.)

    lookup_value_converter = "int"
    pagination_class = Cursor

    def get_object(self) -> Any:
        pk = self.kwargs.get(self.lookup_url_kwarg or self.lookup_field)
        if not str(pk).isdigit() or int(pk) > MAX_ID:
            raise Http404
        return super().get_object()


@csrf_exempt  # nothing here to protect; a page would answer a POST with a CSRF error
def not_found(request: Any, *args: Any, **kwargs: Any) -> JsonResponse:
    """An address under /api/v1/ that names nothing: the error shape, never a page."""
    return JsonResponse(
        {"errors": [{"field": None, "code": "not_found", "message": _("No such address.")}]},
        status=404,
    )
