"""Reminders through the API: read them, cancel or snooze one, through the engine's services."""

from django.db.models import QuerySet
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from reminders import services as reminders
from reminders.kinds import get as kind_of
from reminders.models import Reminder

from .base import CONFLICT, ERRORS, WRITE_ERRORS, Conflict, Owned, body, reads
from .serializers import Input, Integer, read_text

# Written on the reminder in its owner's language (reminders.services._finish).
CANCELLED_HERE = _("cancelled through the API")


class ReminderSerializer(serializers.ModelSerializer):
    label = serializers.SerializerMethodField()
    local_time = read_text(_("The local time it is due, HH:MM:SS, in the reminder's time zone."))
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
        return str(kind_of(obj.kind).label)

    def get_subject_type(self, obj: Reminder) -> str:
        return kind_of(obj.kind).subject_model


class SnoozeSerializer(Input):
    days = Integer(min_value=1, max_value=90, default=14)


@reads(_("Your reminders, soonest first"), ReminderSerializer)
class ReminderViewSet(Owned, mixins.ListModelMixin, mixins.RetrieveModelMixin):
    serializer_class = ReminderSerializer

    def get_queryset(self) -> QuerySet[Reminder]:
        return Reminder.objects.filter(owner=self.request.user)

    @extend_schema(
        summary=_("Cancel it (it won’t be sent)"),
        request=None,
        responses={200: ReminderSerializer, **ERRORS, **CONFLICT},
    )
    @action(detail=True, methods=["post"])
    def cancel(self, request: Request, pk: int) -> Response:
        reminder = self.get_object()
        if not reminders.reminder_cancel(reminder=reminder, reason=CANCELLED_HERE):
            raise Conflict(gettext("Only a reminder still to come can be cancelled."))
        reminder.refresh_from_db()
        return Response(ReminderSerializer(reminder).data)

    @extend_schema(
        summary=_("Snooze it by some days"),
        request=SnoozeSerializer,
        responses={200: ReminderSerializer, **WRITE_ERRORS, **CONFLICT},
    )
    @action(detail=True, methods=["post"])
    def snooze(self, request: Request, pk: int) -> Response:
        reminder = self.get_object()
        data = body(SnoozeSerializer, request)
        if reminder.status not in Reminder.OPEN:
            raise Conflict(gettext("Only a reminder still to come can be snoozed."))
        reminder = reminders.reminder_snooze(reminder=reminder, days=data["days"])
        return Response(ReminderSerializer(reminder).data)
