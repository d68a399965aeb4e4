"""The REST API, v1: thin views over the same forms and services as the pages. Every query
is the caller's own (another user's id is a 404)."""

from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.forms import BaseForm
from django.forms.models import model_to_dict
from django.http import Http404, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, pagination, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import APIException, ErrorDetail, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from applications import search
from applications import services as applications
from applications.forms import ApplicationForm, CompanyForm, ContactForm, StatusChangeForm
from applications.models import Application, Company, Contact, Status
from coping.models import CopingPlan, FeedbackRequest, Incident, JournalEntry
from interviews.models import Interview, SelfAssessment
from reminders import services as reminders
from reminders.models import Reminder

from . import serializers as s
from .exceptions import ErrorsSerializer
from .permissions import PrivateNotesScope

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


PRIVATE = "Needs a token with the “private notes” scope."


def _reads(summary: str, serializer: type, description: str | None = None) -> Any:
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
                        f"page_size is a whole number from 1 to {self.max_page_size}.",
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
                parameter["schema"]["pattern"] = s.NO_NUL  # the hostile-input guard's rule
        return parameters


def validated(form: BaseForm) -> dict[str, Any]:
    """The page's form decides, so a rule holds for the API as for the site."""
    if not form.is_valid():
        raise ValidationError(
            {
                field: [ErrorDetail(e["message"], code=e["code"] or "invalid") for e in errors]
                for field, errors in form.errors.get_json_data().items()
            }
        )
    return form.cleaned_data


def body(serializer_class: type, request: Request, *, partial: bool = False) -> dict[str, Any]:
    serializer = serializer_class(data=request.data, partial=partial)
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)


class Owned(viewsets.GenericViewSet):
    # Objects of the caller's own; ids beyond any row are a 404, not a database error.
    # (A comment, not a docstring: drf-spectacular would print it under every operation.)

    lookup_value_converter = "int"
    pagination_class = Cursor

    def get_object(self) -> Any:
        pk = self.kwargs.get(self.lookup_url_kwarg or self.lookup_field)
        if not str(pk).isdigit() or int(pk) > s.MAX_ID:
            raise Http404
        return super().get_object()


def _merged(instance: Any, fields: list[str], changes: dict[str, Any]) -> dict[str, Any]:
    """A PATCH as a whole form: what is stored, with the changes on top."""
    data = model_to_dict(instance, fields=fields)
    data = {k: ("" if v is None else v) for k, v in data.items()}
    if "contacts" in data:
        data["contacts"] = [c.pk if hasattr(c, "pk") else c for c in data["contacts"]]
    data.update({k: ("" if v is None else v) for k, v in changes.items()})
    return data


@extend_schema_view(
    list=extend_schema(summary="Your companies", responses={200: s.CompanySerializer, **ERRORS}),
    retrieve=extend_schema(summary="One company", responses={200: s.CompanySerializer, **ERRORS}),
    create=extend_schema(
        summary="Add a company",
        request=s.CompanyWriteSerializer,
        responses={201: s.CompanySerializer, **WRITE_ERRORS},
    ),
    partial_update=extend_schema(
        summary="Change a company (only the fields sent)",
        request=s.CompanyWriteSerializer,
        responses={200: s.CompanySerializer, **WRITE_ERRORS},
    ),
    destroy=extend_schema(
        summary="Delete a company (refused while applications use it)",
        responses={204: None, **ERRORS, **CONFLICT},
    ),
)
class CompanyViewSet(
    Owned,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
):
    serializer_class = s.CompanySerializer
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]

    def get_queryset(self) -> QuerySet[Company]:
        return Company.objects.filter(owner=self.request.user)

    def create(self, request: Request) -> Response:
        data = body(s.CompanyWriteSerializer, request)
        form = CompanyForm(
            s.form_data(data), owner=request.user, instance=Company(owner=request.user)
        )
        validated(form)
        company = applications.company_save(company=form.save(commit=False))
        return Response(s.CompanySerializer(company).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request: Request, pk: int) -> Response:
        company = self.get_object()
        data = body(s.CompanyWriteSerializer, request, partial=True)
        merged = _merged(company, ["name", "website", "notes"], data)
        form = CompanyForm(merged, owner=request.user, instance=company)
        validated(form)
        company = applications.company_save(company=form.save(commit=False))
        return Response(s.CompanySerializer(company).data)

    def destroy(self, request: Request, pk: int) -> Response:
        company = self.get_object()
        if company.applications.exists():
            raise Conflict("Applications use this company: delete or move them first.")
        company.delete()
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema_view(
    list=extend_schema(summary="Your contacts", responses={200: s.ContactSerializer, **ERRORS}),
    retrieve=extend_schema(summary="One contact", responses={200: s.ContactSerializer, **ERRORS}),
    create=extend_schema(
        summary="Add a contact",
        request=s.ContactWriteSerializer,
        responses={201: s.ContactSerializer, **WRITE_ERRORS},
    ),
    partial_update=extend_schema(
        summary="Change a contact (only the fields sent)",
        request=s.ContactWriteSerializer,
        responses={200: s.ContactSerializer, **WRITE_ERRORS},
    ),
    destroy=extend_schema(summary="Delete a contact", responses={204: None, **ERRORS}),
)
class ContactViewSet(Owned, mixins.ListModelMixin, mixins.RetrieveModelMixin):
    serializer_class = s.ContactSerializer
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]
    FIELDS = ["name", "kind", "company", "title", "email", "phone", "linkedin_url", "notes"]

    def get_queryset(self) -> QuerySet[Contact]:
        return Contact.objects.filter(owner=self.request.user)

    def _save(self, request: Request, contact: Contact, data: dict[str, Any]) -> Contact:
        form = ContactForm(data, owner=request.user, instance=contact)
        cleaned = validated(form)
        with transaction.atomic():
            if cleaned.get("new_company", "").strip():
                form.instance.company = applications.company_get_or_create(
                    owner=request.user, name=cleaned["new_company"]
                )
            return form.save()

    def create(self, request: Request) -> Response:
        data = body(s.ContactWriteSerializer, request)
        data.setdefault("kind", Contact.Kind.OTHER)
        contact = self._save(request, Contact(owner=request.user), s.form_data(data))
        return Response(s.ContactSerializer(contact).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request: Request, pk: int) -> Response:
        contact = self.get_object()
        data = body(s.ContactWriteSerializer, request, partial=True)
        contact = self._save(request, contact, _merged(contact, self.FIELDS, data))
        return Response(s.ContactSerializer(contact).data)

    def destroy(self, request: Request, pk: int) -> Response:
        self.get_object().delete()
        return Response(status=status.HTTP_204_NO_CONTENT)


APPLICATION_FIELDS = [
    "company", "role", "posting_url", "source", "location", "remote_mode", "salary_min",
    "salary_max", "currency", "date_applied", "excitement", "contacts", "notes",
]  # fmt: skip


@extend_schema_view(
    list=extend_schema(
        summary="Your applications, newest first",
        parameters=[s.ApplicationFilterSerializer],
        responses={200: s.ApplicationSerializer, **ERRORS},
    ),
    retrieve=extend_schema(
        summary="One application", responses={200: s.ApplicationSerializer, **ERRORS}
    ),
    create=extend_schema(
        summary="Add an application (applied on date_applied, else on the wishlist)",
        request=s.ApplicationWriteSerializer,
        responses={201: s.ApplicationSerializer, **WRITE_ERRORS},
    ),
    partial_update=extend_schema(
        summary="Change an application (only the fields sent; not its status)",
        request=s.ApplicationWriteSerializer,
        responses={200: s.ApplicationSerializer, **WRITE_ERRORS},
    ),
    destroy=extend_schema(
        summary="Delete an application, its timeline, interviews and plan",
        responses={204: None, **ERRORS},
    ),
)
class ApplicationViewSet(Owned, mixins.ListModelMixin, mixins.RetrieveModelMixin):
    serializer_class = s.ApplicationSerializer
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]

    def get_queryset(self) -> QuerySet[Application]:
        qs = (
            Application.objects.filter(owner=self.request.user)
            .select_related("company")
            .prefetch_related("tags", "contacts")
        )
        if self.action != "list":
            return qs
        # A plain dict, not the QueryDict: DRF would read "?tag=" as "not given", where the
        # schema (and a client) reads an empty value as a value, and an invalid one at that.
        filters = s.ApplicationFilterSerializer(data=self.request.query_params.dict())
        filters.is_valid(raise_exception=True)
        f = filters.validated_data
        if "status" in f:
            qs = qs.filter(status=f["status"])
        if "tag" in f:
            qs = qs.filter(tags__name__iexact=f["tag"])
        if "company" in f:
            qs = qs.filter(company_id=f["company"])
        if f.get("q"):
            qs = qs.alias(search_text=search.text()).filter(
                search.matches(owner=self.request.user, term=f["q"])
            )
        for name, lookup in (
            ("applied_after", "date_applied__gte"),
            ("applied_before", "date_applied__lte"),
            ("created_after", "created_at__date__gte"),
            ("created_before", "created_at__date__lte"),
        ):
            if name in f:
                qs = qs.filter(**{lookup: f[name]})
        return qs

    def _form(
        self, request: Request, instance: Application, data: dict[str, Any]
    ) -> dict[str, Any]:
        tags = data.pop("tags", None)
        if tags is not None:
            data["tag_text"] = ", ".join(tags)
        elif instance.pk:
            data["tag_text"] = ", ".join(t.name for t in instance.tags.all())
        form = ApplicationForm(data, owner=request.user, instance=instance)
        return validated(form)

    def create(self, request: Request) -> Response:
        data = body(s.ApplicationWriteSerializer, request)
        data.setdefault("excitement", Application._meta.get_field("excitement").default)
        cleaned = self._form(request, Application(owner=request.user), s.form_data(data))
        with transaction.atomic():
            company = cleaned.pop("company") or applications.company_get_or_create(
                owner=request.user, name=cleaned["new_company"]
            )
            cleaned.pop("new_company")
            names = applications.tag_names(cleaned.pop("tag_text"))
            status_now = Status.APPLIED if cleaned.get("date_applied") else Status.WISHLIST
            application = applications.application_create(
                owner=request.user, company=company, status=status_now, **cleaned
            )
            applications.application_set_tags(application=application, names=names)
        return Response(
            s.ApplicationSerializer(self.get_queryset().get(pk=application.pk)).data,
            status=status.HTTP_201_CREATED,
        )

    def partial_update(self, request: Request, pk: int) -> Response:
        application = self.get_object()
        data = body(s.ApplicationWriteSerializer, request, partial=True)
        merged = _merged(application, APPLICATION_FIELDS, s.form_data(data))
        merged.setdefault("company", application.company_id)
        cleaned = self._form(request, application, merged)
        with transaction.atomic():
            if cleaned.get("new_company", "").strip() and not cleaned.get("company"):
                application.company = applications.company_get_or_create(
                    owner=request.user, name=cleaned["new_company"]
                )
            for name in APPLICATION_FIELDS:
                if name not in ("contacts", "date_applied", "company") and name in cleaned:
                    setattr(application, name, cleaned[name])
            if cleaned.get("company"):
                application.company = cleaned["company"]
            applications.application_update(
                application=application,
                applied_on=cleaned.get("date_applied"),
                contacts=cleaned.get("contacts"),
                # Only what the PATCH names: a status moved meanwhile isn't written back.
                fields={*data, "company"} if cleaned.get("new_company") else set(data),
            )
            applications.application_set_tags(
                application=application, names=applications.tag_names(cleaned["tag_text"])
            )
        return Response(s.ApplicationSerializer(self.get_queryset().get(pk=application.pk)).data)

    def destroy(self, request: Request, pk: int) -> Response:
        applications.application_delete(application=self.get_object())
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(
        summary="Move it along the pipeline, as the page's “Move along” does",
        description="Goes through the same service as the site: a rejection opens its plan "
        "and schedules its reminders, an offer or an interview theirs.",
        request=s.StatusChangeRequestSerializer,
        responses={200: s.StatusChangeResultSerializer, **WRITE_ERRORS},
    )
    @action(detail=True, methods=["post"])
    def status(self, request: Request, pk: int) -> Response:
        application = self.get_object()
        data = body(s.StatusChangeRequestSerializer, request)
        form = StatusChangeForm(s.form_data(data), owner=request.user)
        cleaned = validated(form)
        change = applications.application_change_status(
            application=application,
            to_status=cleaned["to_status"],
            on=cleaned["on"],
            note=cleaned["note"],
        )
        steps = change.next_steps if change else []
        return Response(
            {
                "change": s.StatusChangeSerializer(change).data if change else None,
                "next_steps": [
                    {
                        "label": n.label,
                        "message": n.message,
                        "url": request.build_absolute_uri(n.url),
                    }
                    for n in steps
                ],
                "application": s.ApplicationSerializer(
                    self.get_queryset().get(pk=application.pk)
                ).data,
            }
        )

    @extend_schema(
        summary="Its timeline, oldest first",
        responses={200: s.StatusChangeSerializer(many=True), **ERRORS},
    )
    @action(detail=True, methods=["get"], pagination_class=None)
    def timeline(self, request: Request, pk: int) -> Response:
        application = self.get_object()
        changes = application.status_changes.order_by("changed_on", "created_at")
        return Response(s.StatusChangeSerializer(changes, many=True).data)


@_reads("Your interviews", s.InterviewSerializer)
class InterviewViewSet(Owned, mixins.ListModelMixin, mixins.RetrieveModelMixin):
    serializer_class = s.InterviewSerializer

    def get_queryset(self) -> QuerySet[Interview]:
        return (
            Interview.objects.filter(owner=self.request.user)
            .select_related("assessment")
            .prefetch_related("interviewers")
        )

    @extend_schema(
        summary="Its self-assessment", responses={200: s.SelfAssessmentSerializer, **ERRORS}
    )
    @action(detail=True, methods=["get"], pagination_class=None)
    def assessment(self, request: Request, pk: int) -> Response:
        interview = self.get_object()
        found = SelfAssessment.objects.filter(interview=interview).first()
        if found is None:
            raise Http404("No self-assessment yet.")
        return Response(s.SelfAssessmentSerializer(found).data)


@_reads("Your reminders, soonest first", s.ReminderSerializer)
class ReminderViewSet(Owned, mixins.ListModelMixin, mixins.RetrieveModelMixin):
    serializer_class = s.ReminderSerializer

    def get_queryset(self) -> QuerySet[Reminder]:
        return Reminder.objects.filter(owner=self.request.user)

    @extend_schema(
        summary="Cancel it (it won’t be sent)",
        request=None,
        responses={200: s.ReminderSerializer, **ERRORS, **CONFLICT},
    )
    @action(detail=True, methods=["post"])
    def cancel(self, request: Request, pk: int) -> Response:
        reminder = self.get_object()
        if not reminders.reminder_cancel(reminder=reminder, reason="cancelled through the API"):
            raise Conflict("Only a reminder still to come can be cancelled.")
        reminder.refresh_from_db()
        return Response(s.ReminderSerializer(reminder).data)

    @extend_schema(
        summary="Snooze it by some days",
        request=s.SnoozeSerializer,
        responses={200: s.ReminderSerializer, **WRITE_ERRORS, **CONFLICT},
    )
    @action(detail=True, methods=["post"])
    def snooze(self, request: Request, pk: int) -> Response:
        reminder = self.get_object()
        data = body(s.SnoozeSerializer, request)
        if reminder.status not in Reminder.OPEN:
            raise Conflict("Only a reminder still to come can be snoozed.")
        reminder = reminders.reminder_snooze(reminder=reminder, days=data["days"])
        return Response(s.ReminderSerializer(reminder).data)


@_reads("Your plans after a rejection, with their steps", s.PlanSerializer)
class PlanViewSet(Owned, mixins.ListModelMixin, mixins.RetrieveModelMixin):
    serializer_class = s.PlanSerializer

    def get_queryset(self) -> QuerySet[CopingPlan]:
        return CopingPlan.objects.filter(owner=self.request.user).prefetch_related("steps")


class Private(Owned, mixins.ListModelMixin, mixins.RetrieveModelMixin):
    """The private notes: only for the site's session or a token with that scope."""

    def get_permissions(self) -> list[Any]:
        return [*super().get_permissions(), PrivateNotesScope()]


@_reads("Your journal", s.JournalEntrySerializer, PRIVATE)
class JournalViewSet(Private):
    serializer_class = s.JournalEntrySerializer

    def get_queryset(self) -> QuerySet[JournalEntry]:
        return JournalEntry.objects.filter(owner=self.request.user)


@_reads("Your incident notes", s.IncidentSerializer, PRIVATE)
class IncidentViewSet(Private):
    serializer_class = s.IncidentSerializer

    def get_queryset(self) -> QuerySet[Incident]:
        return Incident.objects.filter(plan__owner=self.request.user)


@_reads("Your feedback requests and the feedback received", s.FeedbackRequestSerializer, PRIVATE)
class FeedbackViewSet(Private):
    serializer_class = s.FeedbackRequestSerializer

    def get_queryset(self) -> QuerySet[FeedbackRequest]:
        return FeedbackRequest.objects.filter(plan__owner=self.request.user)


@csrf_exempt  # nothing here to protect; a page would answer a POST with a CSRF error
def not_found(request: Any, *args: Any, **kwargs: Any) -> JsonResponse:
    """An address under /api/v1/ that names nothing: the error shape, never a page."""
    return JsonResponse(
        {"errors": [{"field": None, "code": "not_found", "message": "No such address."}]},
        status=404,
    )
