"""A contact's page: who they are, when you were last in touch, their whole history, and the
keep-warm nudge. Every view is the owner's: another user's contact is a 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from applications.models import Contact
from rebound.lib.localtime import local_today
from rebound.lib.paging import Window
from rebound.lib.types import AuthedRequest
from reminders.models import Reminder

from . import services
from .forms import KeepWarmForm
from .history import last_contact, timeline, timeline_page, with_last_contact
from .models import KeepWarm

PER_PAGE = 20


def _owned(request: AuthedRequest, contact_id: int) -> Contact:
    return get_object_or_404(
        Contact.objects.select_related("company"), pk=contact_id, owner=request.user
    )


def _page(
    request: AuthedRequest, contact_id: int, form: KeepWarmForm | None = None
) -> HttpResponse:
    user = request.user
    contact = get_object_or_404(
        with_last_contact(Contact.objects.select_related("company", "keep_warm"), user=user),
        pk=contact_id,
        owner=user,
    )
    contact.owner = user
    try:
        keep_warm: KeepWarm | None = contact.keep_warm
    except KeepWarm.DoesNotExist:
        keep_warm = None
    next_nudge = None
    if keep_warm is not None:
        next_nudge = Reminder.objects.filter(
            owner=user,
            kind=services.KEEP_WARM,
            subject_id=keep_warm.pk,
            status__in=Reminder.OPEN,
        ).first()
    page = Window(timeline(contact), request.GET.get("page"), PER_PAGE)
    if form is None:
        form = KeepWarmForm(initial={"weeks": keep_warm.weeks} if keep_warm else None)
    return render(
        request,
        "people/contact_detail.html",
        {
            "contact": contact,
            "last": last_contact(contact, user),
            "page": page,
            "events": timeline_page(page.object_list, now=timezone.now(), today=local_today(user)),
            "keep_warm": keep_warm,
            "next_nudge": next_nudge,
            "form": form,
            "suggest_keep_warm": contact.kind == Contact.Kind.NETWORK,
        },
    )


@login_required
@require_GET
def contact_detail(request: AuthedRequest, contact_id: int) -> HttpResponse:
    return _page(request, contact_id)


@login_required
@require_POST
def keep_warm_set(request: AuthedRequest, contact_id: int) -> HttpResponse:
    contact = _owned(request, contact_id)
    form = KeepWarmForm(request.POST)
    if form.is_valid():
        try:
            services.keep_warm_set(contact=contact, **form.cleaned_data)
        except ValidationError as error:
            form.add_error("weeks", error)
        else:
            messages.success(
                request,
                _("Keep warm is on for %(name)s: the next nudge is planned.")
                % {"name": contact.name},
            )
            return redirect("people:contact_detail", contact.pk)
    return _page(request, contact_id, form=form)


@login_required
@require_POST
def keep_warm_off(request: AuthedRequest, contact_id: int) -> HttpResponse:
    contact = _owned(request, contact_id)
    keep_warm = get_object_or_404(
        KeepWarm.objects.select_related("contact__owner"), contact=contact
    )
    services.keep_warm_off(keep_warm=keep_warm)
    messages.success(request, _("Keep warm is off for %(name)s.") % {"name": contact.name})
    return redirect("people:contact_detail", contact.pk)


@login_required
@require_POST
def contact_touched(request: AuthedRequest, contact_id: int) -> HttpResponse:
    contact = _owned(request, contact_id)
    contact.owner = request.user
    services.contact_touched(contact=contact)
    messages.success(
        request, _("Noted: you were in touch with %(name)s today.") % {"name": contact.name}
    )
    return redirect("people:contact_detail", contact.pk)
