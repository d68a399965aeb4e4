"""Applications through the API: the list (the table's own filters, applications.filters), one
application, its timeline, and its writes: the shape checked here, the rules by the page's own
form, the writes made by the same services as the pages."""

from typing import Any, ClassVar

from django.core.validators import RegexValidator
from django.db.models import QuerySet
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from applications import selectors
from applications import services as applications
from applications.forms import ApplicationForm, StatusChangeForm
from applications.models import Application, AppliedVia, RemoteMode, Source, StatusChange
from applications.pipeline import Status

from .base import ERRORS, WRITE_ERRORS, Owned
from .serializers import MAX_ID, Choice, Date, FormInput, Integer, Text, Url, read_text


class CompanyRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class ApplicationSerializer(serializers.ModelSerializer):
    company = CompanyRefSerializer()
    posting_url = read_text(_("A URL, or empty."))
    source = read_text(
        format_lazy(
            _("How you found it: {sources}; empty when not recorded."),
            sources=", ".join(Source.values),
        )
    )
    remote_mode = read_text(_("onsite, hybrid or remote; empty when not recorded."))
    applied_via = read_text(
        format_lazy(
            _("How you applied: {ways}; empty when not recorded."),
            ways=", ".join(AppliedVia.values),
        )
    )
    tags = serializers.SerializerMethodField()
    contacts = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    archived = serializers.SerializerMethodField()

    class Meta:
        model = Application
        fields = (
            "id",
            "company",
            "role",
            "status",
            "status_changed_on",
            "date_applied",
            "posting_url",
            "source",
            "applied_via",
            "location",
            "remote_mode",
            "salary_min",
            "salary_max",
            "currency",
            "excitement",
            "notes",
            "tags",
            "contacts",
            "archived",
            "created_at",
            "updated_at",
        )
        read_only_fields = fields

    def get_tags(self, obj: Application) -> list[str]:
        return sorted(t.name for t in obj.tags.all())

    def get_archived(self, obj: Application) -> bool:
        return obj.archived_at is not None


# The status has a service of its own (timeline, plan, reminders): a PATCH can't bypass it.
STATUS_MOVES = _(
    "The status can’t be set here: move the application with "
    'POST /api/v1/applications/{id}/status/ {"to_status": …}, so its timeline, plan and '
    "reminders follow."
)


class ApplicationWriteSerializer(FormInput):
    """A new application, or the fields to change (PATCH: any of them)."""

    form_class = ApplicationForm
    create_defaults: ClassVar[dict[str, Any]] = {
        "excitement": Application._meta.get_field("excitement").default
    }
    stored_fields = (
        "company", "role", "posting_url", "source", "applied_via", "location", "remote_mode",
        "salary_min", "salary_max", "currency", "date_applied", "excitement", "contacts", "notes",
    )  # fmt: skip

    not_writable = {
        "status": STATUS_MOVES,
        "status_changed_on": STATUS_MOVES,
        "archived": _("Archiving is done on the site, from the application's page."),
        "id": _("The id is given by Rebound."),
        "created_at": _("Set by Rebound when it was added."),
        "updated_at": _("Set by Rebound at each change."),
    }

    company = Integer(
        min_value=1,
        max_value=MAX_ID,
        required=False,
        allow_null=True,
        help_text=_("The id of one of your companies; or give new_company."),
    )
    new_company = Text(
        max_length=200,
        required=False,
        allow_blank=True,
        help_text=_("The name of a company: found among yours, or added."),
    )
    role = Text(max_length=200)
    posting_url = Url(max_length=1000, required=False, allow_blank=True)
    source = Choice(choices=[("", "—"), *Source.choices], required=False)
    applied_via = Choice(
        choices=[("", "—"), *AppliedVia.choices],
        required=False,
        help_text=_("How you sent it, for the work-search log; empty when not recorded."),
    )
    location = Text(max_length=200, required=False, allow_blank=True)
    remote_mode = Choice(choices=[("", "—"), *RemoteMode.choices], required=False)
    salary_min = Integer(min_value=0, max_value=10_000_000, required=False, allow_null=True)
    salary_max = Integer(min_value=0, max_value=10_000_000, required=False, allow_null=True)
    currency = Text(
        max_length=3,
        required=False,
        allow_blank=True,
        validators=[RegexValidator(r"^[A-Za-z]{3}$", _("Use a three-letter currency code."))],
        help_text=_("A three-letter code such as EUR or USD; needed with a salary."),
    )
    date_applied = Date(
        required=False,
        allow_null=True,
        help_text=_(
            "Set on creation: the application starts as applied on that day "
            "(else on the wishlist). On update it corrects the timeline's entry into Applied."
        ),
    )
    excitement = Integer(min_value=1, max_value=5, required=False)
    contacts = serializers.ListField(
        child=Integer(min_value=1, max_value=MAX_ID),
        required=False,
        max_length=50,
        help_text=_("Ids of your contacts."),
    )
    tags = serializers.ListField(child=Text(max_length=40), required=False, max_length=20)
    notes = Text(required=False, allow_blank=True, max_length=20_000)

    def form_data(self, attrs: dict[str, Any]) -> dict[str, Any]:
        # The form reads tags as the text a person types.
        tags = attrs.pop("tags", None)
        data = super().form_data(attrs)
        if tags is not None:
            data["tag_text"] = ", ".join(tags)
        elif self.partial and self.instance is not None:
            data["tag_text"] = ", ".join(t.name for t in self.instance.tags.all())
        return data

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        cleaned = dict(super().validate(attrs))
        if self.partial:
            # People and tags are set whole, and only when the PATCH names them.
            if "contacts" not in self.sent:
                cleaned["contacts"] = None
            if "tags" not in self.sent:
                cleaned["tag_text"] = None
        return cleaned


class _FromStatus(serializers.ChoiceField):
    """The first entry of a timeline comes from nowhere: null, as a client expects, where
    the database keeps "" (which the status enum doesn't include)."""

    def to_representation(self, value: str) -> str | None:
        return value or None


class StatusChangeSerializer(serializers.ModelSerializer):
    from_status = _FromStatus(
        choices=Status.choices,
        allow_null=True,
        read_only=True,
        help_text=_("The status before; null for the first entry."),
    )

    class Meta:
        model = StatusChange
        fields = ("id", "from_status", "to_status", "changed_on", "note", "created_at")
        read_only_fields = fields


class NextStepSerializer(serializers.Serializer):
    label = serializers.CharField()
    message = serializers.CharField()
    url = serializers.CharField()


class StatusChangeRequestSerializer(FormInput):
    form_class = StatusChangeForm

    to_status = Choice(choices=Status.choices)
    on = Date(required=False, help_text=_("The day it happened; today if left out."))
    note = Text(max_length=500, required=False, allow_blank=True)


class StatusChangeResultSerializer(serializers.Serializer):
    change = StatusChangeSerializer(
        allow_null=True, help_text=_("Null: it already had that status.")
    )
    next_steps = NextStepSerializer(many=True)
    application = ApplicationSerializer()


class ApplicationFilterSerializer(serializers.Serializer):
    """The list's query string (always text, so numbers come as digits)."""

    status = Choice(choices=Status.choices, required=False, help_text=_("Only this status."))
    tag = Text(max_length=40, required=False, help_text=_("Only applications with this tag."))
    company = serializers.IntegerField(
        min_value=1, max_value=MAX_ID, required=False, help_text=_("Only this company's (its id).")
    )
    q = Text(max_length=200, required=False, help_text=_("Words in role, company, place or notes."))
    applied_after = Date(required=False, help_text=_("Applied on or after this day."))
    applied_before = Date(required=False, help_text=_("Applied on or before this day."))
    created_after = Date(required=False, help_text=_("Added on or after this day."))
    created_before = Date(required=False, help_text=_("Added on or before this day."))


@extend_schema_view(
    list=extend_schema(
        summary=_("Your applications, newest first"),
        parameters=[ApplicationFilterSerializer],
        responses={200: ApplicationSerializer, **ERRORS},
    ),
    retrieve=extend_schema(
        summary=_("One application"), responses={200: ApplicationSerializer, **ERRORS}
    ),
    create=extend_schema(
        summary=_("Add an application (applied on date_applied, else on the wishlist)"),
        request=ApplicationWriteSerializer,
        responses={201: ApplicationSerializer, **WRITE_ERRORS},
    ),
    partial_update=extend_schema(
        summary=_("Change an application (only the fields sent; not its status)"),
        request=ApplicationWriteSerializer,
        responses={200: ApplicationSerializer, **WRITE_ERRORS},
    ),
    destroy=extend_schema(
        summary=_("Delete an application, its timeline, interviews and plan"),
        responses={204: None, **ERRORS},
    ),
)
class ApplicationViewSet(Owned, mixins.ListModelMixin, mixins.RetrieveModelMixin):
    serializer_class = ApplicationSerializer
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]

    def get_queryset(self) -> QuerySet[Application]:
        if self.action == "list":
            # A plain dict, not the QueryDict: DRF would read "?tag=" as "not given", where
            # the schema (and a client) reads an empty value as a value, and an invalid one.
            query = ApplicationFilterSerializer(data=self.request.query_params.dict())
            query.is_valid(raise_exception=True)
            # The API lists archived applications too: each says whether it is.
            filters = {**query.validated_data, "archived": True}
            found = selectors.application_list(owner=self.request.user, filters=filters)
        else:
            found = Application.objects.filter(owner=self.request.user)
        return found.select_related("company").prefetch_related("tags", "contacts")

    def _answer(self, application: Application, **kwargs: Any) -> Response:
        # Read again, with its company, tags and people, as the list shows it.
        fresh = self.get_queryset().get(pk=application.pk)
        return Response(ApplicationSerializer(fresh).data, **kwargs)

    def create(self, request: Request) -> Response:
        body = ApplicationWriteSerializer(
            Application(owner=request.user), data=request.data, owner=request.user
        )
        body.is_valid(raise_exception=True)
        application = applications.application_create(owner=request.user, **body.validated_data)
        return self._answer(application, status=status.HTTP_201_CREATED)

    def partial_update(self, request: Request, pk: int) -> Response:
        application = self.get_object()
        body = ApplicationWriteSerializer(
            application, data=request.data, partial=True, owner=request.user
        )
        body.is_valid(raise_exception=True)
        # Only what the PATCH names is written: a status moved meanwhile isn't written back.
        applications.application_update(
            application=application, fields=body.sent, **body.validated_data
        )
        return self._answer(application)

    def destroy(self, request: Request, pk: int) -> Response:
        applications.application_delete(application=self.get_object())
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(
        summary=_("Move it along the pipeline, as the page's “Move along” does"),
        description=_(
            "Goes through the same service as the site: a rejection opens its plan "
            "and schedules its reminders, an offer or an interview theirs."
        ),
        request=StatusChangeRequestSerializer,
        responses={200: StatusChangeResultSerializer, **WRITE_ERRORS},
    )
    @action(detail=True, methods=["post"])
    def status(self, request: Request, pk: int) -> Response:
        application = self.get_object()
        body = StatusChangeRequestSerializer(data=request.data, owner=request.user)
        body.is_valid(raise_exception=True)
        move = applications.application_change_status(
            application=application, **body.validated_data
        )
        fresh = self.get_queryset().get(pk=application.pk)
        return Response(
            {
                "change": StatusChangeSerializer(move.change).data if move else None,
                "next_steps": [
                    {
                        "label": step.label,
                        "message": step.message,
                        "url": request.build_absolute_uri(step.url),
                    }
                    for step in (move.next_steps if move else ())
                ],
                "application": ApplicationSerializer(fresh).data,
            }
        )

    @extend_schema(
        summary=_("Its timeline, oldest first"),
        responses={200: StatusChangeSerializer(many=True), **ERRORS},
    )
    @action(detail=True, methods=["get"], pagination_class=None)
    def timeline(self, request: Request, pk: int) -> Response:
        application = self.get_object()
        changes = application.status_changes.order_by("changed_on", "created_at")
        return Response(StatusChangeSerializer(changes, many=True).data)
