"""Applications: the table, the board, quick add, one application, and its status."""

import functools
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from rebound.fragments import fragment_keys
from rebound.lib import batch
from rebound.lib.localtime import local_today
from rebound.lib.paging import CountedPaginator
from rebound.lib.redirects import safe_next
from rebound.lib.types import AuthedRequest
from rebound.lib.urlcache import object_url

from . import archive_services, pipeline, selectors, services
from .bookmarklet import bookmarklet
from .filters import few_found
from .forms import (
    ApplicationFilterForm,
    ApplicationForm,
    BulkForm,
    CorrectDateForm,
    QuickAddForm,
    StatusChangeForm,
)
from .models import Application, StatusChange, Tag
from .pipeline import EXITS, Status
from .saved_view_forms import query_of
from .saved_view_services import saved_views_of
from .selectors import BOARD_COLUMN_MAX, BoardColumn, board_columns

PAGE_SIZE = 25
# A search finding at most this many sorts its matches rather than reading the applications in
# the sort's order until a page is found (filters.few_found): a thousand matches sort in about
# the time a heavy user's 5,000 take to read.
FEW_FOUND = 500
# What a row of the applications table shows.
TABLE_COLUMNS = (
    "pk",
    "role",
    "archived_at",
    "company_id",
    "company__name",
    "status",
    "date_applied",
    "source",
    "excitement",
    "updated_at",
)


# --- owner-scoped getters: another user's object is a 404 --------------------------------


def _application(request: AuthedRequest, application_id: int) -> Application:
    return get_object_or_404(
        Application.objects.select_related("company", "owner"),
        pk=application_id,
        owner=request.user,
    )


# --- applications -------------------------------------------------------------------------


@login_required
def application_list(request: AuthedRequest) -> HttpResponse:
    def table() -> dict[str, Any]:
        # Built only when a cached fragment is missing (rebound.fragments).
        form = ApplicationFilterForm(request.GET or None, owner=request.user)
        # A filter the form refuses (another user's company) shows the unfiltered table.
        valid = form.is_valid()
        filters = form.cleaned_data if valid else {}
        found = selectors.application_list(owner=request.user, filters=filters)
        sort = filters.get("sort") or ApplicationFilterForm.DEFAULT_SORT
        # Counted before the rows are read, without their join to the companies (a third of
        # the count's time), to choose how a search reads them.
        count = found.count()
        if filters.get("q") and count <= FEW_FOUND:
            found = few_found(found, sort)
        # Plain values for the rows (templatetags/table_tags.py builds them), not models.
        rows = found.values(*TABLE_COLUMNS)
        query = request.GET.copy()
        query.pop("page", None)
        unsorted = query.copy()
        unsorted.pop("sort", None)
        return {
            "form": form,
            "page": CountedPaginator(rows, PAGE_SIZE, count=count).get_page(
                request.GET.get("page")
            ),
            "query": query.urlencode(),
            # What the header's links keep: the filters, neither the page nor the sort.
            "unsorted": unsorted.urlencode(),
            "sort": sort,
            "filtered": any(v for k, v in request.GET.items() if k not in {"page", "sort"}),
            # As a saved view keeps it: the view these filters are, if one is saved.
            "view_query": query_of(form) if valid else "",
        }

    key = fragment_keys(request.user)
    return render(
        request,
        "applications/application_list.html",
        {
            "table": SimpleLazyObject(table),
            # The page's two cached parts, the head (with the saved views) and the table; the
            # form that saves a view goes between them, its CSRF token being per request.
            "head_key": key("table-head", request.GET.urlencode()),
            "table_key": key("table", request.GET.urlencode()),
            "saved_views": SimpleLazyObject(lambda: list(saved_views_of(request.user))),
            "can_save": _can_save(request),
            "bulk_actions": [("", _("Choose an action…")), *archive_services.BULK_ACTIONS.items()],
            "statuses": Status.choices,
            "bookmarklet": bookmarklet(request),
        },
    )


def _can_save(request: AuthedRequest) -> bool:
    """Whether the table shows anything a view could keep (a filter, a sort other than the
    default): read off the query string, without a query of the database."""
    known = ApplicationFilterForm.base_fields
    return any(
        value and not (name == "sort" and value == ApplicationFilterForm.DEFAULT_SORT)
        for name, value in request.GET.items()
        if name in known
    )


def _board_context(request: AuthedRequest, *, exit_open: bool | None = None) -> dict[str, Any]:
    wanted = request.GET.get("tag", "")
    tag = Tag.objects.filter(owner=request.user, name__iexact=wanted).first() if wanted else None
    shown = request.GET.get("show", "")
    exit_open = shown in EXITS if exit_open is None else exit_open

    def columns() -> dict[str, list[BoardColumn]]:
        # Built only when the cached fragment is missing (rebound.fragments).
        return board_columns(owner=request.user, tag=tag, shown=shown)

    key = fragment_keys(request.user)
    # The owner's today: each card's time in stage counts to it, and it is part of the key, so
    # the ages move at midnight, data or not.
    today = local_today(request.user)
    return {
        "columns": SimpleLazyObject(columns),
        "board_key": key("board", tag.pk if tag else "", shown, exit_open, today),
        "board_today": today,
        "tag": tag,
        "tags": Tag.objects.filter(owner=request.user).order_by("name"),
        "tags_key": key("board-tags", tag.pk if tag else ""),
        "shown": shown,
        "column_max": BOARD_COLUMN_MAX,
        "exit_open": exit_open,
    }


@functools.cache
def _move_choices(language: str) -> dict[str, dict[str, Any]]:
    """Per status, the moves the pipeline allows (grouped) and the natural next one: what the
    board's one shared move dialog offers for the card it was opened from, in `language` (the
    active one: its labels are made once per language)."""
    return {
        status: {
            "next": pipeline.next_status(status),
            "groups": [
                (group, [(value, str(label)) for value, label in moves])
                for group, moves in pipeline.move_groups(status)
            ],
        }
        for status in Status.values
    }


@login_required
def board(request: AuthedRequest) -> HttpResponse:
    context = _board_context(request)
    context.update(
        move_choices=_move_choices(get_language()),
        move_url=object_url("applications:application_change_status", "{pk}"),
    )
    return render(request, "applications/board.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def application_create(request: AuthedRequest) -> HttpResponse:
    initial = {"company": request.GET.get("company")}
    form = ApplicationForm(request.POST or None, owner=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        application = services.application_create(owner=request.user, **form.cleaned_data)
        messages.success(request, _("Added %(application)s.") % {"application": application})
        return redirect(application)
    history = _company_history(request, form["company"].value())
    return render(
        request,
        "applications/application_form.html",
        {"form": form, "history": history, "title": _("New application")},
    )


def _company_history(request: AuthedRequest, company_id: Any) -> QuerySet | None:
    try:
        company_id = int(company_id)
    except (TypeError, ValueError):
        return None
    return (
        Application.objects.filter(owner=request.user, company_id=company_id)
        .select_related("company")
        .order_by("-created_at")
    )


@login_required
def company_history(request: AuthedRequest) -> HttpResponse:
    """An htmx fragment: what happened the last times you applied to this company."""
    history = _company_history(request, request.GET.get("company"))
    return render(request, "applications/_company_history.html", {"history": history})


@login_required
@require_http_methods(["GET", "POST"])
def quick_add(request: AuthedRequest) -> HttpResponse:
    form = QuickAddForm(request.POST or None, initial=QuickAddForm.initial_from(request.GET))
    if request.method == "POST" and form.is_valid():
        application = services.application_create(owner=request.user, **form.cleaned_data)
        messages.success(
            request,
            _("Added %(application)s. Fill in the rest whenever you like.")
            % {"application": application},
        )
        return redirect(application)
    response = render(request, "applications/quick_add.html", {"form": form})
    # The bookmarklet's page opens this one and hands it the posting's text by postMessage
    # (too long for a URL): that needs the opener kept, which the site's same-origin policy
    # would cut. Nothing here is secret to the page that opened it: it sent it all.
    response["Cross-Origin-Opener-Policy"] = "unsafe-none"
    return response


@login_required
def application_detail(request: AuthedRequest, application_id: int) -> HttpResponse:
    """The application; interviews (interviews/) and the coping plan (coping/) add their own
    sections through template tags they own, so this view imports neither."""
    application = get_object_or_404(
        selectors.application_page(owner=request.user), pk=application_id
    )
    application.owner = request.user  # its owner, not read again (application_page)
    with batch.together(selectors.page_statements(application)):  # one round trip
        return render(
            request,
            "applications/application_detail.html",
            {
                "application": application,
                "timeline": selectors.timeline(application),
                **selectors.application_neighbours(application=application),
                "tag_names": selectors.tag_names(application),
                "posting": selectors.posting_of(application),
                "attachments": selectors.attachments(application),
                # The move form's date: StatusChangeForm's initial, without the form.
                "move_on": local_today(request.user),
                "reminders": selectors.reminders_of(application),
            },
        )


@login_required
@require_http_methods(["GET", "POST"])
def application_update(request: AuthedRequest, application_id: int) -> HttpResponse:
    application = _application(request, application_id)
    form = ApplicationForm(request.POST or None, instance=application, owner=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.application_update(
                application=application, fields=form.changed_data, **form.cleaned_data
            )
        except ValidationError as exc:
            form.add_error("date_applied", exc)
        else:
            messages.success(request, _("Saved."))
            return redirect(application)
    return render(
        request,
        "applications/application_form.html",
        {
            "form": form,
            "application": application,
            "title": _("Edit %(application)s") % {"application": application},
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def application_delete(request: AuthedRequest, application_id: int) -> HttpResponse:
    application = _application(request, application_id)
    if request.method == "POST":
        services.application_delete(application=application)
        messages.success(request, _("Deleted %(application)s.") % {"application": application})
        return redirect("applications:application_list")
    return render(
        request,
        "confirm_delete.html",
        {
            "object": application,
            "what": _("application"),
            # The whole question, for a language whose "this" follows the noun's gender.
            "question": _("Delete this application?"),
            "consequences": _(
                "Its timeline, interviews and self-assessments go with it, "
                "and any reminders about it are cancelled."
            ),
            "cancel_url": application.get_absolute_url(),
        },
    )


@login_required
@require_POST
def application_change_status(request: AuthedRequest, application_id: int) -> HttpResponse:
    application = _application(request, application_id)
    form = StatusChangeForm(request.POST, owner=request.user)
    error = None
    moved = None
    if form.is_valid():
        try:
            moved = services.application_change_status(application=application, **form.cleaned_data)
        except ValidationError as exc:
            error = " ".join(exc.messages)
    else:
        error = " ".join(str(message) for errors in form.errors.values() for message in errors)
    change = moved.change if moved else None
    next_step = moved.next_steps[0] if moved and moved.next_steps else None
    if request.htmx:
        # Keep the closed lane open when the card moved out of it or into it.
        exit_open = change is not None and (
            change.from_status in EXITS or change.to_status in EXITS
        )
        context = _board_context(request, exit_open=exit_open)
        context.update(error=error, moved=application if change else None, next_step=next_step)
        return render(request, "applications/_board.html", context)
    if error:
        messages.error(request, error)
    elif change is None:
        # A double submit or the back button: nothing new happened, and the user should know.
        messages.info(
            request,
            _("It was already %(status)s.") % {"status": pipeline.in_sentence(application.status)},
        )
    else:
        messages.success(
            request, _("Moved to %(status)s.") % {"status": change.get_to_status_display()}
        )
        if next_step:
            messages.info(request, next_step.message)
            return redirect(next_step.url)
    return redirect(safe_next(request, application.get_absolute_url()))


@login_required
@require_http_methods(["GET", "POST"])
def status_change_correct(request: AuthedRequest, change_id: int) -> HttpResponse:
    change = get_object_or_404(
        StatusChange.objects.select_related("application__owner", "application__company"),
        pk=change_id,
        application__owner=request.user,
    )
    form = CorrectDateForm(
        request.POST or None, owner=request.user, initial={"on": change.changed_on}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.status_change_correct_date(change=change, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error("on", exc)
        else:
            messages.success(request, _("Date corrected."))
            return redirect(change.application)
    return render(request, "applications/status_change_form.html", {"form": form, "change": change})


@login_required
@require_POST
def application_archive(request: AuthedRequest, application_id: int) -> HttpResponse:
    application = _application(request, application_id)
    if request.POST.get("unarchive"):
        archive_services.application_unarchive(application=application)
        messages.success(request, _("Back on the board and in the table."))
    elif archive_services.application_archive(application=application):
        messages.success(
            request, _("Archived: off the board and the table, still found by search.")
        )
    else:
        messages.error(request, _("Only a closed application can be archived."))
    return redirect(application)


@login_required
@require_POST
def applications_bulk(request: AuthedRequest) -> HttpResponse:
    """Review, then do: the first POST (from the table) shows what will happen; the second,
    with `confirm`, does it, each application through its own service."""
    form = BulkForm(request.POST, owner=request.user)
    back = safe_next(request, reverse("applications:application_list"))
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
        return redirect(back)
    data = form.cleaned_data
    chosen = list(
        Application.objects.filter(owner=request.user, pk__in=data["ids"])
        .select_related("company", "owner")
        .order_by("company__name", "role")
    )
    value = data["to_status"] if data["action"] == "move" else data["tag"]
    if not request.POST.get("confirm"):
        return render(
            request,
            "applications/bulk_confirm.html",
            {
                "applications": chosen,
                "action": data["action"],
                "label": archive_services.BULK_ACTIONS[data["action"]],
                "value": value,
                "status_label": Status(value).label if data["action"] == "move" else "",
                "next": back,
            },
        )
    done, skipped = archive_services.applications_bulk(
        owner=request.user, applications=chosen, action=data["action"], value=value
    )
    messages.success(
        request, _("Done for %(done)d of %(total)d.") % {"done": done, "total": len(chosen)}
    )
    for reason in skipped[:10]:
        messages.info(request, reason)
    return redirect(back)
