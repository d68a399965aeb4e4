"""What the API reads and writes. Reads are plain serializers; writes are validated by the
same forms as the pages (api.views.validated), so a rule holds however the data comes in."""

from typing import Any

from rest_framework import serializers

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


class CompanyWriteSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    website = serializers.URLField(max_length=200, required=False, allow_blank=True)
    notes = serializers.CharField(required=False, allow_blank=True, max_length=20_000)


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


class ContactWriteSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    kind = serializers.ChoiceField(choices=Contact.Kind.choices, required=False)
    company = serializers.IntegerField(
        min_value=1, max_value=MAX_ID, required=False, allow_null=True
    )
    new_company = serializers.CharField(max_length=200, required=False, allow_blank=True)
    title = serializers.CharField(max_length=200, required=False, allow_blank=True)
    email = serializers.EmailField(max_length=254, required=False, allow_blank=True)
    phone = serializers.CharField(max_length=40, required=False, allow_blank=True)
    linkedin_url = serializers.URLField(max_length=200, required=False, allow_blank=True)
    notes = serializers.CharField(required=False, allow_blank=True, max_length=20_000)


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


class ApplicationWriteSerializer(serializers.Serializer):
    """A new application, or the fields to change (PATCH: any of them)."""

    company = serializers.IntegerField(
        min_value=1,
        max_value=MAX_ID,
        required=False,
        allow_null=True,
        help_text="The id of one of your companies; or give new_company.",
    )
    new_company = serializers.CharField(
        max_length=200,
        required=False,
        allow_blank=True,
        help_text="The name of a company: found among yours, or added.",
    )
    role = serializers.CharField(max_length=200)
    posting_url = serializers.URLField(max_length=1000, required=False, allow_blank=True)
    source = serializers.ChoiceField(choices=[("", "—"), *Source.choices], required=False)
    location = serializers.CharField(max_length=200, required=False, allow_blank=True)
    remote_mode = serializers.ChoiceField(choices=[("", "—"), *RemoteMode.choices], required=False)
    salary_min = serializers.IntegerField(
        min_value=0, max_value=10_000_000, required=False, allow_null=True
    )
    salary_max = serializers.IntegerField(
        min_value=0, max_value=10_000_000, required=False, allow_null=True
    )
    currency = serializers.CharField(max_length=3, required=False, allow_blank=True)
    date_applied = serializers.DateField(
        required=False,
        allow_null=True,
        help_text="Set on creation: the application starts as applied on that day "
        "(else on the wishlist). On update it corrects the timeline's entry into Applied.",
    )
    excitement = serializers.IntegerField(min_value=1, max_value=5, required=False)
    contacts = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=MAX_ID),
        required=False,
        max_length=50,
        help_text="Ids of your contacts.",
    )
    tags = serializers.ListField(
        child=serializers.CharField(max_length=40), required=False, max_length=20
    )
    notes = serializers.CharField(required=False, allow_blank=True, max_length=20_000)


class StatusChangeSerializer(serializers.ModelSerializer):
    class Meta:
        model = StatusChange
        fields = ("id", "from_status", "to_status", "changed_on", "note", "created_at")
        read_only_fields = fields


class NextStepSerializer(serializers.Serializer):
    label = serializers.CharField()
    message = serializers.CharField()
    url = serializers.CharField()


class StatusChangeRequestSerializer(serializers.Serializer):
    to_status = serializers.ChoiceField(choices=Status.choices)
    on = serializers.DateField(required=False, help_text="The day it happened; today if left out.")
    note = serializers.CharField(max_length=500, required=False, allow_blank=True)


class StatusChangeResultSerializer(serializers.Serializer):
    change = StatusChangeSerializer(allow_null=True, help_text="Null: it already had that status.")
    next_steps = NextStepSerializer(many=True)
    application = ApplicationSerializer()


class ApplicationFilterSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=Status.choices, required=False)
    tag = serializers.CharField(max_length=40, required=False)
    company = serializers.IntegerField(min_value=1, max_value=MAX_ID, required=False)
    q = serializers.CharField(
        max_length=200, required=False, help_text="Words in role, company, place or notes."
    )
    applied_after = serializers.DateField(required=False)
    applied_before = serializers.DateField(required=False)
    created_after = serializers.DateField(required=False)
    created_before = serializers.DateField(required=False)


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


class SnoozeSerializer(serializers.Serializer):
    days = serializers.IntegerField(min_value=1, max_value=90, default=14)


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
