"""Rebound's tools for AI agents, over the Model Context Protocol (the official `mcp` SDK).

Each tool is a thin door onto what the REST API already does: the same owner-scoped queries,
the same input checks (the API's serializers, which hand the body to the page's own form), the
same services (so moving an application to "rejected" opens its plan and schedules its
reminders, exactly as the page's "Move along" does), the same answers' shapes (the API's
serializers) and the same token scopes: reading needs any token, writing a read-and-write
token, the private notes the "private notes" scope.

Tools are async for the SDK's event loop; the Django work of each runs in one thread
(`sync_to_async`), where the ORM belongs, in the token owner's language.
"""

import json
from collections.abc import Callable
from typing import Any, TypeVar

from asgiref.sync import sync_to_async
from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from mcp.server import MCPServer
from mcp.server.auth.settings import AuthSettings
from mcp.server.mcpserver.exceptions import ToolError
from pydantic import AnyHttpUrl
from rest_framework import serializers
from rest_framework.utils.encoders import JSONEncoder

from api.applications import (
    ApplicationFilterSerializer,
    ApplicationSerializer,
    ApplicationWriteSerializer,
    StatusChangeRequestSerializer,
    StatusChangeSerializer,
)
from api.coping import JournalEntrySerializer, PlanSerializer
from api.interviews import InterviewSerializer
from api.models import ApiToken
from api.reminders import ReminderSerializer
from applications import selectors
from applications import services as applications
from applications.models import Application
from coping.models import CopingPlan, JournalEntry
from interviews.models import Interview
from rebound.lib.language import in_language_of
from reminders.models import Reminder

from .auth import PRIVATE, WRITE, BearerTokens, presented, scopes_of, token_for

INSTRUCTIONS = (
    "Rebound tracks one person's job applications, interviews, reminders and the plan it opens "
    "after a rejection. List and search applications, read one with its timeline, add one, and "
    "move one along its pipeline (wishlist → applied → screening → interviewing → offer → "
    "accepted, or out: rejected, withdrawn, ghosted); a move does what the site does (a "
    "rejection opens a plan and schedules keep-in-touch reminders). Writing needs a "
    "read-and-write token; the journal needs the private-notes scope."
)
# Said to the agent, and through it to the person: in the token owner's language.
READ_ONLY = _("This token is read-only: make a read-and-write token in Preferences → API tokens.")
NO_PRIVATE = _(
    "This token can’t read private notes: make one with the “private notes” scope in "
    "Preferences → API tokens."
)
NOT_FOUND = _("No application %(id)s among yours.")
MAX_LIMIT = 100

T = TypeVar("T")


def _plain(data: Any) -> Any:
    """DRF's output (dates, decimals, ordered dicts) as plain JSON values for the agent."""
    return json.loads(json.dumps(data, cls=JSONEncoder))


def _errors(error: serializers.ValidationError) -> ToolError:
    """The API's field errors as one sentence an agent can act on."""
    detail = error.detail
    parts: list[str] = []
    if isinstance(detail, dict):
        for field, messages in detail.items():
            said = messages if isinstance(messages, list) else [messages]
            parts.extend(f"{field}: {m}" for m in said)
    else:
        parts.extend(str(m) for m in (detail if isinstance(detail, list) else [detail]))
    return ToolError("; ".join(parts) or str(_("That input was refused.")))


def _limit(limit: int) -> int:
    if not 1 <= limit <= MAX_LIMIT:
        raise ToolError(_("limit is a whole number from 1 to %(max)s.") % {"max": MAX_LIMIT})
    return limit


def _owned_application(token: ApiToken, application_id: int) -> Application:
    found = (
        Application.objects.filter(owner=token.owner, pk=application_id)
        .select_related("company")
        .prefetch_related("tags", "contacts")
        .first()
    )
    if found is None:  # another person's, or none: the same answer (no probing)
        raise ToolError(NOT_FOUND % {"id": application_id})
    return found


def _page(
    rows: QuerySet[Any], limit: int, serializer: type[serializers.BaseSerializer]
) -> dict[str, Any]:
    """Newest first by id, `limit` at a time: `next_before_id` continues, null at the end."""
    found = list(rows[: limit + 1])
    more = len(found) > limit
    found = found[:limit]
    return {
        "items": _plain(serializer(found, many=True).data),
        "next_before_id": found[-1].pk if more else None,
    }


# --- the tools' work, in Django's thread -------------------------------------------------


def list_applications(
    token: ApiToken,
    *,
    status: str | None = None,
    query: str | None = None,
    tag: str | None = None,
    limit: int = 20,
    before_id: int | None = None,
) -> dict[str, Any]:
    given = {"status": status, "q": query, "tag": tag}
    checked = ApplicationFilterSerializer(data={k: v for k, v in given.items() if v is not None})
    if not checked.is_valid():
        raise _errors(serializers.ValidationError(checked.errors))
    rows = (
        selectors.application_list(
            owner=token.owner, filters={**checked.validated_data, "archived": True}
        )
        .select_related("company")
        .prefetch_related("tags", "contacts")
        .order_by("-id")
    )
    if before_id is not None:
        rows = rows.filter(pk__lt=before_id)
    return _page(rows, _limit(limit), ApplicationSerializer)


def get_application(token: ApiToken, *, application_id: int) -> dict[str, Any]:
    application = _owned_application(token, application_id)
    interviews = (
        Interview.objects.filter(owner=token.owner, application=application)
        .select_related("assessment")
        .prefetch_related("interviewers")
        .order_by("starts_at")
    )
    plan = (  # at most one per application (a unique constraint)
        CopingPlan.objects.filter(owner=token.owner, application=application)
        .prefetch_related("steps")
        .first()
    )
    return {
        "application": _plain(ApplicationSerializer(application).data),
        "timeline": _plain(
            StatusChangeSerializer(
                application.status_changes.order_by("changed_on", "id"), many=True
            ).data
        ),
        "interviews": _plain(InterviewSerializer(interviews, many=True).data),
        "plan": _plain(PlanSerializer(plan).data) if plan else None,
    }


def create_application(token: ApiToken, **body: Any) -> dict[str, Any]:
    _may_write(token)
    data = {k: v for k, v in body.items() if v is not None}
    checked = ApplicationWriteSerializer(
        Application(owner=token.owner), data=data, owner=token.owner
    )
    try:
        checked.is_valid(raise_exception=True)
    except serializers.ValidationError as error:
        raise _errors(error) from None
    created = applications.application_create(owner=token.owner, **checked.validated_data)
    return {
        "application": _plain(ApplicationSerializer(_owned_application(token, created.pk)).data)
    }


def move_application(
    token: ApiToken, *, application_id: int, to_status: str, on: str | None, note: str | None
) -> dict[str, Any]:
    _may_write(token)
    application = _owned_application(token, application_id)
    given = {"to_status": to_status, "on": on, "note": note}
    checked = StatusChangeRequestSerializer(
        data={k: v for k, v in given.items() if v is not None}, owner=token.owner
    )
    try:
        checked.is_valid(raise_exception=True)
    except serializers.ValidationError as error:
        raise _errors(error) from None
    try:
        move = applications.application_change_status(
            application=application, **checked.validated_data
        )
    except DjangoValidationError as error:  # a move the pipeline forbids, in the page's words
        raise ToolError(" ".join(error.messages)) from None
    site = settings.SITE_URL.rstrip("/")
    return {
        "change": _plain(StatusChangeSerializer(move.change).data) if move else None,
        "next_steps": [
            {"label": str(step.label), "message": str(step.message), "url": site + step.url}
            for step in (move.next_steps if move else ())
        ],
        "application": _plain(
            ApplicationSerializer(_owned_application(token, application_id)).data
        ),
    }


def list_interviews(
    token: ApiToken, *, upcoming_only: bool = True, limit: int = 20
) -> dict[str, Any]:
    rows = (
        Interview.objects.filter(owner=token.owner)
        .select_related("assessment")
        .prefetch_related("interviewers")
    )
    if upcoming_only:
        rows = rows.filter(starts_at__gte=timezone.now()).order_by("starts_at", "id")
        found = list(rows[: _limit(limit)])
        return {"items": _plain(InterviewSerializer(found, many=True).data), "next_before_id": None}
    return _page(rows.order_by("-id"), _limit(limit), InterviewSerializer)


def list_reminders(token: ApiToken, *, limit: int = 20) -> dict[str, Any]:
    rows = Reminder.objects.filter(owner=token.owner, status="scheduled").order_by("due_at", "id")
    found = list(rows[: _limit(limit)])
    return {"items": _plain(ReminderSerializer(found, many=True).data), "next_before_id": None}


def list_journal_entries(
    token: ApiToken, *, limit: int = 20, before_id: int | None = None
) -> dict[str, Any]:
    if PRIVATE not in scopes_of(token):
        raise ToolError(str(NO_PRIVATE))
    rows = JournalEntry.objects.filter(owner=token.owner).order_by("-id")
    if before_id is not None:
        rows = rows.filter(pk__lt=before_id)
    return _page(rows, _limit(limit), JournalEntrySerializer)


def _may_write(token: ApiToken) -> None:
    if WRITE not in scopes_of(token):
        raise ToolError(str(READ_ONLY))


# --- the server ------------------------------------------------------------------------------


def build_server(*, stdio_token: str = "", public_url: str | None = None) -> MCPServer:
    """The MCP server: over stdio with `stdio_token`, or, with `public_url` (where agents reach
    its /mcp endpoint), over streamable HTTP with each request's bearer token."""
    http = public_url is not None
    server: MCPServer = MCPServer(
        "Rebound",
        instructions=INSTRUCTIONS,
        token_verifier=BearerTokens() if http else None,
        auth=AuthSettings(
            issuer_url=AnyHttpUrl(settings.SITE_URL),
            resource_server_url=AnyHttpUrl(public_url or ""),
            validate_token_resource=False,  # our own tokens, not an OAuth server's
        )
        if http
        else None,
    )

    async def run(work: Callable[..., T], **kwargs: Any) -> T:
        text = presented(stdio_token)

        def in_django() -> T:
            token = token_for(text)
            with in_language_of(token.owner):
                return work(token, **kwargs)

        return await sync_to_async(in_django, thread_sensitive=True)()

    @server.tool()
    async def applications_list(
        status: str | None = None,
        query: str | None = None,
        tag: str | None = None,
        limit: int = 20,
        before_id: int | None = None,
    ) -> dict[str, Any]:
        """Your applications, newest first, `limit` (1–100) at a time. Filter by status
        (wishlist, applied, screening, interviewing, offer, accepted, rejected, withdrawn,
        ghosted), by words in role, company, place or notes (`query`), or by tag. Pass the
        answer's `next_before_id` as `before_id` for the next page."""
        return await run(
            list_applications, status=status, query=query, tag=tag, limit=limit,
            before_id=before_id,
        )  # fmt: skip

    @server.tool()
    async def applications_search(query: str, limit: int = 20) -> dict[str, Any]:
        """Applications whose role, company, place or notes hold these words, newest first."""
        return await run(list_applications, query=query, limit=limit)

    @server.tool()
    async def application_get(application_id: int) -> dict[str, Any]:
        """One application with its timeline (oldest first), its interviews and the plan
        opened after a rejection, if any."""
        return await run(get_application, application_id=application_id)

    @server.tool()
    async def application_create(
        role: str,
        company_id: int | None = None,
        new_company: str | None = None,
        date_applied: str | None = None,
        posting_url: str | None = None,
        location: str | None = None,
        source: str | None = None,
        remote_mode: str | None = None,
        excitement: int | None = None,
        notes: str | None = None,
        tags: list[str] | None = None,
    ) -> dict[str, Any]:
        """Add an application (needs a read-and-write token). Give `company_id` (one of yours)
        or `new_company` (a name: found among yours, or added). With `date_applied`
        (YYYY-MM-DD) it starts as applied that day and a "no reply yet" reminder is scheduled;
        without, it goes on the wishlist."""
        return await run(
            create_application, role=role, company=company_id, new_company=new_company,
            date_applied=date_applied, posting_url=posting_url, location=location,
            source=source, remote_mode=remote_mode, excitement=excitement, notes=notes,
            tags=tags,
        )  # fmt: skip

    @server.tool()
    async def application_move(
        application_id: int, to_status: str, on: str | None = None, note: str | None = None
    ) -> dict[str, Any]:
        """Move an application along its pipeline, as the site's "Move along" does (needs a
        read-and-write token): recorded on its timeline on `on` (YYYY-MM-DD, today if left
        out), and what follows follows — a rejection opens the plan and schedules its
        reminders. Answers the change (null if it already had that status) and next steps."""
        return await run(
            move_application, application_id=application_id, to_status=to_status, on=on,
            note=note,
        )  # fmt: skip

    @server.tool()
    async def interviews_list(upcoming_only: bool = True, limit: int = 20) -> dict[str, Any]:
        """Your interviews: the coming ones, soonest first (or all, newest first)."""
        return await run(list_interviews, upcoming_only=upcoming_only, limit=limit)

    @server.tool()
    async def reminders_list(limit: int = 20) -> dict[str, Any]:
        """The reminders still to come, soonest first."""
        return await run(list_reminders, limit=limit)

    @server.tool()
    async def journal_list(limit: int = 20, before_id: int | None = None) -> dict[str, Any]:
        """Your journal entries, newest first (needs the private-notes scope)."""
        return await run(list_journal_entries, limit=limit, before_id=before_id)

    return server
