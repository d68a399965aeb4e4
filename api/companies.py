"""Companies and contacts through the API: their shape here, their rules in the site's forms,
their writes through applications' services."""

from typing import Any, ClassVar

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from applications import company_services
from applications.forms import CompanyForm, ContactForm
from applications.models import ADDRESS_MAX, Company, Contact
from rebound.lib.types import StrOrPromise

from .base import CONFLICT, ERRORS, WRITE_ERRORS, Conflict, Owned
from .serializers import MAX_ID, Choice, Email, FormInput, Integer, Text, Url, read_text

GIVEN_BY_REBOUND: dict[str, StrOrPromise] = {
    "id": _("The id is given by Rebound."),
    "created_at": _("Set by Rebound when it was added."),
}


class CompanySerializer(serializers.ModelSerializer):
    website = read_text(_("A URL, or empty."))

    class Meta:
        model = Company
        fields = ("id", "name", "website", "address", "notes", "created_at")
        read_only_fields = ("id", "created_at")
        extra_kwargs = {
            "address": {
                "help_text": _("Street, postcode and town, or empty: the work-search log lists it.")
            }
        }


class CompanyWriteSerializer(FormInput):
    not_writable: ClassVar[dict[str, StrOrPromise]] = GIVEN_BY_REBOUND
    form_class = CompanyForm
    stored_fields: ClassVar[tuple[str, ...]] = ("name", "website", "address", "notes")

    name = Text(max_length=200)
    website = Url(max_length=200, required=False, allow_blank=True)
    address = Text(
        required=False,
        allow_blank=True,
        max_length=ADDRESS_MAX,
        help_text=_("Street, postcode and town: the work-search log lists it."),
    )
    notes = Text(required=False, allow_blank=True, max_length=20_000)


class ContactSerializer(serializers.ModelSerializer):
    email = read_text(_("An email address, or empty."))
    linkedin_url = read_text(_("A URL, or empty."))

    class Meta:
        model = Contact
        fields = (
            "id",
            "company",
            "name",
            "kind",
            "title",
            "email",
            "phone",
            "linkedin_url",
            "notes",
            "created_at",
        )
        read_only_fields = fields


class ContactWriteSerializer(FormInput):
    not_writable: ClassVar[dict[str, StrOrPromise]] = GIVEN_BY_REBOUND
    form_class = ContactForm
    create_defaults: ClassVar[dict[str, Any]] = {"kind": Contact.Kind.OTHER}
    stored_fields: ClassVar[tuple[str, ...]] = (
        "name", "kind", "company", "title", "email", "phone", "linkedin_url", "notes",
    )  # fmt: skip

    name = Text(max_length=200)
    kind = Choice(choices=Contact.Kind.choices, required=False)
    company = Integer(min_value=1, max_value=MAX_ID, required=False, allow_null=True)
    new_company = Text(max_length=200, required=False, allow_blank=True)
    title = Text(max_length=200, required=False, allow_blank=True)
    email = Email(max_length=254, required=False, allow_blank=True)
    phone = Text(max_length=40, required=False, allow_blank=True)
    linkedin_url = Url(max_length=200, required=False, allow_blank=True)
    notes = Text(required=False, allow_blank=True, max_length=20_000)


@extend_schema_view(
    list=extend_schema(summary=_("Your companies"), responses={200: CompanySerializer, **ERRORS}),
    retrieve=extend_schema(summary=_("One company"), responses={200: CompanySerializer, **ERRORS}),
    create=extend_schema(
        summary=_("Add a company"),
        request=CompanyWriteSerializer,
        responses={201: CompanySerializer, **WRITE_ERRORS},
    ),
    partial_update=extend_schema(
        summary=_("Change a company (only the fields sent)"),
        request=CompanyWriteSerializer,
        responses={200: CompanySerializer, **WRITE_ERRORS},
    ),
    destroy=extend_schema(
        summary=_("Delete a company (refused while applications use it)"),
        responses={204: None, **ERRORS, **CONFLICT},
    ),
)
class CompanyViewSet(Owned, mixins.ListModelMixin, mixins.RetrieveModelMixin):
    serializer_class = CompanySerializer
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]

    def get_queryset(self) -> QuerySet[Company]:
        return Company.objects.filter(owner=self.request.user)

    def _save(self, request: Request, company: Company, *, partial: bool = False) -> Company:
        body = CompanyWriteSerializer(
            company, data=request.data, partial=partial, owner=request.user
        )
        body.is_valid(raise_exception=True)
        return company_services.company_save(company=company, **body.validated_data)

    def create(self, request: Request) -> Response:
        company = self._save(request, Company(owner=request.user))
        return Response(CompanySerializer(company).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request: Request, pk: int) -> Response:
        company = self._save(request, self.get_object(), partial=True)
        return Response(CompanySerializer(company).data)

    def destroy(self, request: Request, pk: int) -> Response:
        try:
            company_services.company_delete(company=self.get_object())
        except ValidationError as refused:
            if getattr(refused, "code", None) != "company_in_use":
                raise
            raise Conflict(refused.message) from refused
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema_view(
    list=extend_schema(summary=_("Your contacts"), responses={200: ContactSerializer, **ERRORS}),
    retrieve=extend_schema(summary=_("One contact"), responses={200: ContactSerializer, **ERRORS}),
    create=extend_schema(
        summary=_("Add a contact"),
        request=ContactWriteSerializer,
        responses={201: ContactSerializer, **WRITE_ERRORS},
    ),
    partial_update=extend_schema(
        summary=_("Change a contact (only the fields sent)"),
        request=ContactWriteSerializer,
        responses={200: ContactSerializer, **WRITE_ERRORS},
    ),
    destroy=extend_schema(summary=_("Delete a contact"), responses={204: None, **ERRORS}),
)
class ContactViewSet(Owned, mixins.ListModelMixin, mixins.RetrieveModelMixin):
    serializer_class = ContactSerializer
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]

    def get_queryset(self) -> QuerySet[Contact]:
        return Contact.objects.filter(owner=self.request.user)

    def _save(self, request: Request, contact: Contact, *, partial: bool = False) -> Contact:
        body = ContactWriteSerializer(
            contact, data=request.data, partial=partial, owner=request.user
        )
        body.is_valid(raise_exception=True)
        return company_services.contact_save(contact=contact, **body.validated_data)

    def create(self, request: Request) -> Response:
        contact = self._save(request, Contact(owner=request.user))
        return Response(ContactSerializer(contact).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request: Request, pk: int) -> Response:
        contact = self._save(request, self.get_object(), partial=True)
        return Response(ContactSerializer(contact).data)

    def destroy(self, request: Request, pk: int) -> Response:
        company_services.contact_delete(contact=self.get_object())
        return Response(status=status.HTTP_204_NO_CONTENT)
