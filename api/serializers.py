"""What the API reads and writes. Reads are plain serializers; writes are validated by the
same forms as the pages (api.views.validated), so a rule holds however the data comes in."""

import datetime as dt
import re
from typing import Any, ClassVar

from django.core.validators import RegexValidator
from rest_framework import serializers
from rest_framework.exceptions import ErrorDetail

from applications.models import (
    Application,
    Company,
    Contact,
    RemoteMode,
    Source,
    Status,
    StatusChange,
)
from coping.models import CopingPlan, FeedbackRequest, Incident, JournalEntry, PlanStep
from interviews.models import Interview, SelfAssessment
from reminders.kinds import get as kind_of
from reminders.models import Reminder

MAX_ID = 2**63 - 1


# PostgreSQL can't store a NUL character; the schema says so (a pattern), so clients know.
NO_NUL = r"^[^\x00]*$"


class _OnlyText:
    """Text, and only text: DRF would store the number 5 as "5", where the schema says string."""

    default_error_messages = {
        "not_text": "Send this as text (a JSON string).",
        "nul": "Text can’t contain a NUL character (\\u0000).",
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
    default_error_messages = {"invalid_choice": "“{input}” isn’t one of the choices listed."}

    def to_internal_value(self, data: Any) -> Any:
        if not isinstance(data, str):
            self.fail("invalid_choice", input=data)
        return super().to_internal_value(data)


class Integer(serializers.IntegerField):
    """A JSON integer: not "5", 5.0 or true, which DRF would take as 5 (or 1)."""

    default_error_messages = {"invalid": "Send a whole number (a JSON integer, not text)."}

    def to_internal_value(self, data: Any) -> int:
        if isinstance(data, bool) or not isinstance(data, int):
            self.fail("invalid")
        return super().to_internal_value(data)


class Date(serializers.DateField):
    """YYYY-MM-DD and nothing else (the schema's "date"); Python would also read 20261201."""

    default_error_messages = {"invalid": "Give the date as YYYY-MM-DD."}
    ISO = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)

    def to_internal_value(self, data: Any) -> dt.date:
        if not isinstance(data, str) or not self.ISO.fullmatch(data):
            self.fail("invalid")
        return super().to_internal_value(data)


class Input(serializers.Serializer):
    """A request body. A field not listed here is refused (400, code unknown_field)."""

    # A request body: fields it doesn't know are refused, never silently dropped.
    # not_writable: fields of the resource a write can't set, with what to do instead.
    not_writable: ClassVar[dict[str, str]] = {}

    def to_internal_value(self, data: Any) -> Any:
        if not isinstance(data, dict):
            raise serializers.ValidationError(
                {"non_field_errors": ["Send a JSON object of fields and values."]}, code="invalid"
            )
        errors: dict[str, list[ErrorDetail]] = {}
        for name in data:
            if name in self.fields:
                continue
            if name in self.not_writable:
                errors[name] = [ErrorDetail(self.not_writable[name], code="read_only")]
            else:
                errors[str(name)] = [
                    ErrorDetail(
                        "There is no such field here. The fields are: "
                        + ", ".join(self.fields)
                        + ".",
                        code="unknown_field",
                    )
                ]
        if errors:
            raise serializers.ValidationError(errors)
        return super().to_internal_value(data)


def _text(help_text: str) -> serializers.CharField:
    """A read-only string that may be empty: a blank URL or choice is "", which an OpenAPI
    "uri" format or enum would not allow."""
    return serializers.CharField(read_only=True, help_text=help_text)


class CompanySerializer(serializers.ModelSerializer):
    website = _text("A URL, or empty.")

    class Meta:
        model = Company
        fields = ("id", "name", "website", "notes", "created_at")
        read_only_fields = ("id", "created_at")


class CompanyWriteSerializer(Input):
    not_writable = {
        "id": "The id is given by Rebound.",
        "created_at": "Set by Rebound when it was added.",
    }

    name = Text(max_length=200)
    website = Url(max_length=200, required=False, allow_blank=True)
    notes = Text(required=False, allow_blank=True, max_length=20_000)


class ContactSerializer(serializers.ModelSerializer):
    email = _text("An email address, or empty.")
    linkedin_url = _text("A URL, or empty.")

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


class ContactWriteSerializer(Input):
    not_writable = {
        "id": "The id is given by Rebound.",
        "created_at": "Set by Rebound when it was added.",
    }

    name = Text(max_length=200)
    kind = Choice(choices=Contact.Kind.choices, required=False)
    company = Integer(min_value=1, max_value=MAX_ID, required=False, allow_null=True)
    new_company = Text(max_length=200, required=False, allow_blank=True)
    title = Text(max_length=200, required=False, allow_blank=True)
    email = Email(max_length=254, required=False, allow_blank=True)
    phone = Text(max_length=40, required=False, allow_blank=True)
    linkedin_url = Url(max_length=200, required=False, allow_blank=True)
    notes = Text(required=False, allow_blank=True, max_length=20_000)


class CompanyRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class ApplicationSerializer(serializers.ModelSerializer):
    company = CompanyRefSerializer()
    posting_url = _text("A URL, or empty.")
    source = _text("How you found it: " + ", ".join(Source.values) + "; empty when not recorded.")
    remote_mode = _text("onsite, hybrid or remote; empty when not recorded.")
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
STATUS_MOVES = (
    "The status can’t be set here: move the application with "
    'POST /api/v1/applications/{id}/status/ {"to_status": …}, so its timeline, plan and '
    "reminders follow."
)


class ApplicationWriteSerializer(Input):
    """A new application, or the fields to change (PATCH: any of them)."""

    not_writable = {
        "status": STATUS_MOVES,
        "status_changed_on": STATUS_MOVES,
        "archived": "Archiving is done on the site, from the application's page.",
        "id": "The id is given by Rebound.",
        "created_at": "Set by Rebound when it was added.",
        "updated_at": "Set by Rebound at each change.",
    }

    company = Integer(
        min_value=1,
        max_value=MAX_ID,
        required=False,
        allow_null=True,
        help_text="The id of one of your companies; or give new_company.",
    )
    new_company = Text(
        max_length=200,
        required=False,
        allow_blank=True,
        help_text="The name of a company: found among yours, or added.",
    )
    role = Text(max_length=200)
    posting_url = Url(max_length=1000, required=False, allow_blank=True)
    source = Choice(choices=[("", "—"), *Source.choices], required=False)
    location = Text(max_length=200, required=False, allow_blank=True)
    remote_mode = Choice(choices=[("", "—"), *RemoteMode.choices], required=False)
    salary_min = Integer(min_value=0, max_value=10_000_000, required=False, allow_null=True)
    salary_max = Integer(min_value=0, max_value=10_000_000, required=False, allow_null=True)
    currency = Text(
        max_length=3,
        required=False,
        allow_blank=True,
        validators=[RegexValidator(r"^[A-Za-z]{3}$", "Use a three-letter currency code.")],
        help_text="A three-letter code such as EUR or USD; needed with a salary.",
    )
    date_applied = Date(
        required=False,
        allow_null=True,
        help_text="Set on creation: the application starts as applied on that day "
        "(else on the wishlist). On update it corrects the timeline's entry into Applied.",
    )
    excitement = Integer(min_value=1, max_value=5, required=False)
    contacts = serializers.ListField(
        child=Integer(min_value=1, max_value=MAX_ID),
        required=False,
        max_length=50,
        help_text="Ids of your contacts.",
    )
    tags = serializers.ListField(child=Text(max_length=40), required=False, max_length=20)
    notes = Text(required=False, allow_blank=True, max_length=20_000)


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
        help_text="The status before; null for the first entry.",
    )

    class Meta:
        model = StatusChange
        fields = ("id", "from_status", "to_status", "changed_on", "note", "created_at")
        read_only_fields = fields


class NextStepSerializer(serializers.Serializer):
    label = serializers.CharField()
    message = serializers.CharField()
    url = serializers.CharField()


class StatusChangeRequestSerializer(Input):
    to_status = Choice(choices=Status.choices)
    on = Date(required=False, help_text="The day it happened; today if left out.")
    note = Text(max_length=500, required=False, allow_blank=True)


class StatusChangeResultSerializer(serializers.Serializer):
    change = StatusChangeSerializer(allow_null=True, help_text="Null: it already had that status.")
    next_steps = NextStepSerializer(many=True)
    application = ApplicationSerializer()


class ApplicationFilterSerializer(serializers.Serializer):
    """The list's query string (always text, so numbers come as digits)."""

    status = Choice(choices=Status.choices, required=False, help_text="Only this status.")
    tag = Text(max_length=40, required=False, help_text="Only applications with this tag.")
    company = serializers.IntegerField(
        min_value=1, max_value=MAX_ID, required=False, help_text="Only this company's (its id)."
    )
    q = Text(max_length=200, required=False, help_text="Words in role, company, place or notes.")
    applied_after = Date(required=False, help_text="Applied on or after this day.")
    applied_before = Date(required=False, help_text="Applied on or before this day.")
    created_after = Date(required=False, help_text="Added on or after this day.")
    created_before = Date(required=False, help_text="Added on or before this day.")


class InterviewSerializer(serializers.ModelSerializer):
    interviewers = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    assessed = serializers.SerializerMethodField()

    class Meta:
        model = Interview
        fields = (
            "id",
            "application",
            "round_type",
            "format",
            "starts_at",
            "ends_at",
            "location",
            "interviewers",
            "questions",
            "promised_reply_by",
            "assessed",
            "created_at",
            "updated_at",
        )
        read_only_fields = fields

    def get_assessed(self, obj: Interview) -> bool:
        return hasattr(obj, "assessment")


class SelfAssessmentSerializer(serializers.ModelSerializer):
    class Meta:
        model = SelfAssessment
        fields = (
            "interview",
            "qualification_fit",
            "preparation",
            "communication",
            "technical_answers",
            "rapport",
            "confidence",
            "went_well",
            "tripped_questions",
            "change_next_time",
            "skills_to_build",
            "created_at",
            "updated_at",
        )
        read_only_fields = fields


class ReminderSerializer(serializers.ModelSerializer):
    label = serializers.SerializerMethodField()
    local_time = _text("The local time it is due, HH:MM:SS, in the reminder's time zone.")
    subject_type = serializers.SerializerMethodField()

    class Meta:
        model = Reminder
        fields = (
            "id",
            "kind",
            "label",
            "subject_type",
            "subject_id",
            "local_date",
            "local_time",
            "timezone",
            "due_at",
            "status",
            "sent_at",
            "ended_reason",
        )
        read_only_fields = fields

    def get_label(self, obj: Reminder) -> str:
        return kind_of(obj.kind).label

    def get_subject_type(self, obj: Reminder) -> str:
        return kind_of(obj.kind).subject_model


class SnoozeSerializer(Input):
    days = Integer(min_value=1, max_value=90, default=14)


class PlanStepSerializer(serializers.ModelSerializer):
    class Meta:
        model = PlanStep
        fields = ("step", "state", "updated_at")
        read_only_fields = fields


class PlanSerializer(serializers.ModelSerializer):
    steps = PlanStepSerializer(many=True, read_only=True)

    class Meta:
        model = CopingPlan
        fields = ("id", "application", "reason", "opened_on", "closed_at", "steps", "created_at")
        read_only_fields = fields


class JournalEntrySerializer(serializers.ModelSerializer):
    class Meta:
        model = JournalEntry
        fields = ("id", "plan", "written_on", "mood", "text", "created_at")
        read_only_fields = fields


class IncidentSerializer(serializers.ModelSerializer):
    class Meta:
        model = Incident
        fields = ("id", "plan", "kind", "happened_on", "jurisdiction", "facts", "created_at")
        read_only_fields = fields


class FeedbackRequestSerializer(serializers.ModelSerializer):
    class Meta:
        model = FeedbackRequest
        fields = (
            "id",
            "plan",
            "contact",
            "subject",
            "body",
            "status",
            "sent_on",
            "received_on",
            "feedback",
        )
        read_only_fields = fields


def form_data(serializer_data: dict[str, Any], **renames: str) -> dict[str, Any]:
    """A validated serializer's data as a Django form reads it (lists stay lists)."""
    data = {}
    for key, value in serializer_data.items():
        data[renames.get(key, key)] = "" if value is None else value
    return data
