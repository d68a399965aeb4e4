"""Removing a logged outreach or a written-down incident."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rebound.lib.types import AuthedRequest

from .. import services
from ..models import Incident, Outreach, Step


@login_required
@require_POST
def outreach_delete(request: AuthedRequest, outreach_id: int) -> HttpResponse:
    outreach = get_object_or_404(Outreach, pk=outreach_id, owner=request.user)
    services.outreach_delete(outreach=outreach)
    messages.success(request, _("Outreach removed."))
    if outreach.plan_id:
        return redirect(reverse("coping:plan_step", args=[outreach.plan_id, Step.NEVER_SETTLE]))
    return redirect("coping:plan_list")


@login_required
@require_POST
def incident_delete(request: AuthedRequest, incident_id: int) -> HttpResponse:
    incident = get_object_or_404(Incident, pk=incident_id, plan__owner=request.user)
    services.incident_delete(incident=incident)
    messages.success(request, _("Note removed."))
    return redirect(reverse("coping:plan_step", args=[incident.plan_id, Step.LEGAL]))
