"""An application's to-dos: add, edit, mark done (or not), delete. Each view calls one service;
from htmx the add and the toggle answer with the section itself."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from applications.models import Application
from rebound.lib.types import AuthedRequest

from . import selectors, services
from .forms import TodoForm
from .models import Todo

SECTION = "todos/_application_todos.html"


def _todo(request: AuthedRequest, todo_id: int) -> Todo:
    return get_object_or_404(
        Todo.objects.select_related("application__company", "owner"),
        pk=todo_id,
        owner=request.user,
    )


def _section(
    request: AuthedRequest,
    application: Application,
    form: TodoForm | None = None,
    *,
    said: str = "",
    show_done: bool = False,
) -> HttpResponse:
    """The section alone, for htmx to put in place of the old one; `said` is announced to
    screen readers (the page's messages are not shown until the next page)."""
    context = selectors.section(application, user=request.user, form=form)
    context.update(todo_said=said, show_done=show_done)
    return render(request, SECTION, context)


def _back(application: Application) -> str:
    return application.get_absolute_url() + "#todos"


@login_required
@require_http_methods(["GET", "POST"])
def todo_add(request: AuthedRequest, application_id: int) -> HttpResponse:
    application = get_object_or_404(
        Application.objects.select_related("company", "owner"),
        pk=application_id,
        owner=request.user,
    )
    form = TodoForm(request.POST or None, owner=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.todo_add(application=application, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            if request.htmx:
                return _section(request, application, said=_("To-do added."))
            messages.success(request, _("To-do added."))
            return redirect(_back(application))
    if request.htmx:
        return _section(request, application, form)
    return render(
        request,
        "form_page.html",
        {
            "form": form,
            "title": _("Add a to-do for %(application)s") % {"application": application},
            "submit": _("Add the to-do"),
            "cancel_url": _back(application),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def todo_edit(request: AuthedRequest, todo_id: int) -> HttpResponse:
    todo = _todo(request, todo_id)
    form = TodoForm(request.POST or None, owner=request.user, instance=todo)
    if request.method == "POST" and form.is_valid():
        try:
            services.todo_update(todo=todo, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("To-do saved."))
            return redirect(_back(todo.application))
    return render(
        request,
        "form_page.html",
        {
            "form": form,
            "title": _("Edit the to-do"),
            "intro": str(todo.application),
            "cancel_url": _back(todo.application),
            "delete_url": reverse("todos:delete", args=[todo.pk]),
        },
    )


@login_required
@require_POST
def todo_toggle(request: AuthedRequest, todo_id: int) -> HttpResponse:
    todo = services.todo_toggle(todo=_todo(request, todo_id))
    if todo.is_done:
        said = _("“%(title)s” is done.") % {"title": todo.title}
    else:
        said = _("“%(title)s” is open again.") % {"title": todo.title}
    if request.htmx:
        # Open, so the button just pressed is still there to hold the keyboard's focus.
        return _section(request, todo.application, said=said, show_done=todo.is_done)
    messages.success(request, said)
    after = request.POST.get("next", "")
    if after and url_has_allowed_host_and_scheme(
        after, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(after)
    return redirect(_back(todo.application))


@login_required
@require_http_methods(["GET", "POST"])
def todo_delete(request: AuthedRequest, todo_id: int) -> HttpResponse:
    todo = _todo(request, todo_id)
    if request.method == "POST":
        application = services.todo_delete(todo=todo)
        messages.success(request, _("To-do deleted."))
        return redirect(_back(application))
    return render(
        request,
        "confirm_delete.html",
        {
            "object": todo,
            "what": _("to-do"),
            "question": _("Delete this to-do?"),
            "consequences": _("Its reminder, if it has one, is cancelled."),
            "cancel_url": _back(todo.application),
        },
    )
