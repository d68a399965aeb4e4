"""Interviews and their self-assessments, read-only through the API."""

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from interviews.models import Interview, SelfAssessment

from .base import ERRORS, Owned, reads


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


@reads(_("Your interviews"), InterviewSerializer)
class InterviewViewSet(Owned, mixins.ListModelMixin, mixins.RetrieveModelMixin):
    serializer_class = InterviewSerializer

    def get_queryset(self) -> QuerySet[Interview]:
        return (
            Interview.objects.filter(owner=self.request.user)
            .select_related("assessment")
            .prefetch_related("interviewers")
        )

    @extend_schema(
        summary=_("Its self-assessment"), responses={200: SelfAssessmentSerializer, **ERRORS}
    )
    @action(detail=True, methods=["get"], pagination_class=None)
    def assessment(self, request: Request, pk: int) -> Response:
        interview = self.get_object()
        found = SelfAssessment.objects.filter(interview=interview).first()
        if found is None:
            raise Http404("No self-assessment yet.")
        return Response(SelfAssessmentSerializer(found).data)
