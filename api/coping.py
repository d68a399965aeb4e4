"""The plans after a rejection, and the private notes (journal, incidents, feedback): read-only
through the API; the private notes only with their scope."""

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from rest_framework import mixins, serializers

from coping.models import CopingPlan, FeedbackRequest, Incident, JournalEntry, PlanStep

from .base import Owned, reads
from .permissions import PrivateNotesScope

PRIVATE = _("Needs a token with the “private notes” scope.")


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
        # For Germany (jurisdiction "de"): the day the rejection arrived, a later day of
        # learning of the discrimination, the Land whose holidays count, the written claim.
        fields = (
            "id", "plan", "kind", "happened_on", "jurisdiction", "facts", "received_on",
            "learned_on", "land", "claimed_on", "created_at",
        )  # fmt: skip
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


@reads(_("Your plans after a rejection, with their steps"), PlanSerializer)
class PlanViewSet(Owned, mixins.ListModelMixin, mixins.RetrieveModelMixin):
    serializer_class = PlanSerializer

    def get_queryset(self) -> QuerySet[CopingPlan]:
        return CopingPlan.objects.filter(owner=self.request.user).prefetch_related("steps")


class Private(Owned, mixins.ListModelMixin, mixins.RetrieveModelMixin):
    """The private notes: only for the site's session or a token with that scope."""

    def get_permissions(self) -> list[Any]:
        return [*super().get_permissions(), PrivateNotesScope()]


@reads(_("Your journal"), JournalEntrySerializer, PRIVATE)
class JournalViewSet(Private):
    serializer_class = JournalEntrySerializer

    def get_queryset(self) -> QuerySet[JournalEntry]:
        return JournalEntry.objects.filter(owner=self.request.user)


@reads(_("Your incident notes"), IncidentSerializer, PRIVATE)
class IncidentViewSet(Private):
    serializer_class = IncidentSerializer

    def get_queryset(self) -> QuerySet[Incident]:
        return Incident.objects.filter(plan__owner=self.request.user)


@reads(_("Your feedback requests and the feedback received"), FeedbackRequestSerializer, PRIVATE)
class FeedbackViewSet(Private):
    serializer_class = FeedbackRequestSerializer

    def get_queryset(self) -> QuerySet[FeedbackRequest]:
        return FeedbackRequest.objects.filter(plan__owner=self.request.user)
