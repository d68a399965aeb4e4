"""The Inbox through the API: the questions Rebound asks about the user's mail, and the same
three decisions as the page (apply, dismiss, undo), through mailin's services."""

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, serializers
from rest_framework.decorators import action
from rest_framework.exceptions import ErrorDetail, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from applications.models import Application
from mailin.classify.labels import LABEL_NAMES
from mailin.models import Suggestion
from mailin.parse.message import parse_message
from mailin.services.suggestions import suggestion_apply, suggestion_dismiss, suggestion_undo

from . import serializers as s
from .base import CONFLICT, ERRORS, WRITE_ERRORS, Conflict, Owned, body
from .models import ApiToken

Action = Suggestion.Action
# Decisions the person records themselves: the API never makes them in one call.
NOT_APPLIED_HERE = {
    Action.MARK_OFFER_REVIEW: _(
        "An offer is never applied automatically: it is yours to record. Move the application "
        'with POST /api/v1/applications/{id}/status/ {"to_status": "offer"} when you\'re '
        "ready, then dismiss this."
    ),
    Action.ADD_INTERVIEW: _(
        "An interview needs its details checked by you: add it from the Inbox page's "
        "pre-filled form, which applies this suggestion when saved."
    ),
    Action.IGNORE: _("There is nothing to apply: dismiss it instead."),
}


def _may_read_body(request: Request) -> bool:
    """The email's text is as private as the journal: the site's session or the scope."""
    token = request.auth
    return not isinstance(token, ApiToken) or token.private_notes


class EmailSerializer(serializers.Serializer):
    date = serializers.DateTimeField(allow_null=True, help_text=_("When it was sent, if it said."))
    sender = serializers.CharField(help_text=_("The sender's address (may be empty)."))
    sender_name = serializers.CharField(help_text=_("The sender's name (may be empty)."))
    subject = serializers.CharField()
    body = serializers.CharField(
        allow_null=True,
        help_text=_(
            "The email's text. Null without the “private notes” scope, or once Rebound "
            "no longer keeps the email (your keeping time in the Inbox's preferences)."
        ),
    )


class InboxSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    question = serializers.CharField(help_text=_("What Rebound asks, in words."))
    label = serializers.ChoiceField(
        choices=list(LABEL_NAMES.items()), help_text=_("What kind of email Rebound read it as.")
    )
    action = serializers.ChoiceField(choices=Action.choices)
    confidence = serializers.FloatField(min_value=0, max_value=1)
    company = serializers.CharField(help_text=_("The company, as read or matched (may be empty)."))
    role = serializers.CharField(help_text=_("The role, as read or matched (may be empty)."))
    application = serializers.IntegerField(
        allow_null=True, help_text=_("The application it is about, or null when it can't tell.")
    )
    on = serializers.DateField(allow_null=True, help_text=_("The day applying dates things by."))
    state = serializers.ChoiceField(choices=Suggestion.State.choices)
    auto_applied = serializers.BooleanField(help_text=_("Applied by Rebound, as you chose."))
    applied_at = serializers.DateTimeField(allow_null=True)
    can_apply = serializers.BooleanField(
        help_text=_("POST …/apply/ would do it (pending, and not an offer, interview or nothing).")
    )
    can_undo = serializers.BooleanField(help_text=_("POST …/undo/ would reverse it (applied)."))
    email = EmailSerializer()
    created_at = serializers.DateTimeField()

    def to_representation(self, instance: Suggestion) -> dict[str, Any]:
        message = instance.message
        pending = instance.state == Suggestion.State.PENDING
        body = None
        if self.context.get("body") and message.raw:
            body = parse_message(message.raw, default_tz=instance.owner.timezone).text
        return {
            "id": instance.pk,
            "question": instance.text,
            "label": message.label,
            "action": instance.action,
            "confidence": message.confidence,
            "company": message.company,
            "role": message.role,
            "application": instance.application_id,
            "on": instance.on.isoformat() if instance.on else None,
            "state": instance.state,
            "auto_applied": instance.auto_applied,
            "applied_at": serializers.DateTimeField().to_representation(instance.applied_at)
            if instance.applied_at
            else None,
            "can_apply": pending and instance.action not in NOT_APPLIED_HERE,
            "can_undo": instance.state == Suggestion.State.APPLIED,
            "email": {
                "date": serializers.DateTimeField().to_representation(message.sent_at)
                if message.sent_at
                else None,
                "sender": message.sender,
                "sender_name": message.sender_name,
                "subject": message.subject,
                "body": body,
            },
            "created_at": serializers.DateTimeField().to_representation(instance.created_at),
        }


class InboxFilterSerializer(serializers.Serializer):
    state = s.Choice(
        choices=Suggestion.State.choices,
        required=False,
        help_text=_("pending (the default: the questions waiting for you), applied or dismissed."),
    )


class ApplyRequestSerializer(s.Input):
    application = s.Integer(
        min_value=1,
        max_value=s.MAX_ID,
        required=False,
        help_text=_(
            "Which of your applications it is about, when Rebound couldn't tell (or guessed wrong)."
        ),
    )


class DecisionSerializer(serializers.Serializer):
    message = serializers.CharField(help_text=_("What it did, in words."))
    url = serializers.CharField(
        allow_null=True, help_text=_("The page to go to next (the plan it opened), or null.")
    )
    suggestion = InboxSerializer()


@extend_schema_view(
    list=extend_schema(
        summary=_("The questions Rebound asks about your mail, newest first"),
        parameters=[InboxFilterSerializer],
        responses={200: InboxSerializer, **ERRORS},
    ),
    retrieve=extend_schema(summary=_("One question"), responses={200: InboxSerializer, **ERRORS}),
)
class InboxViewSet(Owned, mixins.ListModelMixin, mixins.RetrieveModelMixin):
    serializer_class = InboxSerializer

    def get_queryset(self) -> QuerySet[Suggestion]:
        qs = Suggestion.objects.filter(owner=self.request.user).select_related("message", "owner")
        if self.action != "list":
            return qs
        filters = InboxFilterSerializer(data=self.request.query_params.dict())
        filters.is_valid(raise_exception=True)
        return qs.filter(state=filters.validated_data.get("state", Suggestion.State.PENDING))

    def get_serializer_context(self) -> dict[str, Any]:
        return {**super().get_serializer_context(), "body": _may_read_body(self.request)}

    def _decided(self, request: Request, pk: int, message: str, url: str = "") -> Response:
        suggestion = self.get_queryset().get(pk=pk)
        return Response(
            {
                "message": message,
                "url": request.build_absolute_uri(url) if url else None,
                "suggestion": InboxSerializer(
                    suggestion, context=self.get_serializer_context()
                ).data,
            }
        )

    @extend_schema(
        summary=_("Apply it, as the Inbox's button does"),
        description=_(
            "Through the same service as the page, dated by the email: a rejection "
            "marks the application rejected and opens its plan; a confirmation marks it applied; "
            "an unknown company's confirmation adds the application. An offer (never applied "
            "automatically), an interview invitation (its details are yours to check on the page) "
            "and an email with nothing to do are refused with 409, as is one already decided."
        ),
        request=ApplyRequestSerializer,
        responses={200: DecisionSerializer, **WRITE_ERRORS, **CONFLICT},
    )
    @action(detail=True, methods=["post"])
    def apply(self, request: Request, pk: int) -> Response:
        suggestion = self.get_object()
        data = body(ApplyRequestSerializer, request)
        chosen = None
        if "application" in data:
            chosen = Application.objects.filter(pk=data["application"], owner=request.user).first()
            if chosen is None:
                raise ValidationError(
                    {
                        "application": [
                            ErrorDetail(_g("That isn't one of your applications."), code="invalid")
                        ]
                    }
                )
        if suggestion.state != Suggestion.State.PENDING:
            raise Conflict(_g("That one was already decided: undo it first to decide again."))
        refused = NOT_APPLIED_HERE.get(Action(suggestion.action))
        if refused:
            raise Conflict(str(refused))
        outcome = suggestion_apply(suggestion=suggestion, application=chosen)
        return self._decided(request, suggestion.pk, outcome.message, outcome.url)

    @extend_schema(
        summary=_("Dismiss it: nothing changes, the email stays listed"),
        request=None,
        responses={200: DecisionSerializer, **ERRORS, **CONFLICT},
    )
    @action(detail=True, methods=["post"])
    def dismiss(self, request: Request, pk: int) -> Response:
        suggestion = self.get_object()
        if suggestion.state == Suggestion.State.APPLIED:
            raise Conflict(_g("It was applied: undo it instead."))
        suggestion_dismiss(suggestion=suggestion)
        return self._decided(
            request, suggestion.pk, _g("Dismissed. The email stays listed, with nothing changed.")
        )

    @extend_schema(
        summary=_("Undo what applying it did; it is back among your questions"),
        request=None,
        responses={200: DecisionSerializer, **ERRORS, **CONFLICT},
    )
    @action(detail=True, methods=["post"])
    def undo(self, request: Request, pk: int) -> Response:
        suggestion = self.get_object()
        if suggestion.state != Suggestion.State.APPLIED:
            raise Conflict(_g("There is nothing to undo: it wasn't applied."))
        outcome = suggestion_undo(suggestion=suggestion)
        return self._decided(request, suggestion.pk, outcome.message, outcome.url)
