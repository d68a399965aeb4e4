from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from applications.models import Application
from applications.pipeline import Status
from rebound.lib.localtime import local_today
from rebound.lib.paging import Window
from rebound.lib.redirects import safe_next
from rebound.lib.types import AuthedRequest

from . import selectors, services
from .forms import SUGGESTED_CURRENCIES, OfferForm
from .models import CURRENCIES, Offer
from .reminder_kinds import days_left

# Side by side, twenty is already more than anyone compares at once; the rest are a page on.
PAGE_SIZE = 20


@dataclass(frozen=True)
class Row:
    offer: Offer
    total: int
    # The highest yearly total among the open offers in its currency (when there are two or
    # more in it: one offer is not "the best" of anything).
    best: bool
    days: int | None
    days_left: str


@login_required
def compare(request: AuthedRequest) -> HttpResponse:
    today = local_today(request.user)
    page = Window(selectors.open_offers(owner=request.user), request.GET.get("page"), PAGE_SIZE)
    summaries = selectors.by_currency(owner=request.user)
    best = {s.currency: s.best_total for s in summaries if s.offers > 1}
    rows = []
    for offer in page:
        total = offer.yearly_total
        days = (offer.deadline - today).days if offer.deadline else None
        rows.append(
            Row(
                offer=offer,
                total=total,
                best=best.get(offer.currency) == total,
                days=days,
                days_left=days_left(offer.deadline, today) if offer.deadline else "",
            )
        )
    return render(
        request,
        "offers/compare.html",
        {
            "page": page,
            "rows": rows,
            "currencies": [s.currency for s in summaries],
            "any_best": bool(best),
        },
    )


def _application(request: AuthedRequest, application_id: int) -> Application:
    return get_object_or_404(
        Application.objects.select_related("company", "owner"),
        pk=application_id,
        owner=request.user,
    )


def _default_currency(request: AuthedRequest, application: Application) -> str:
    """The application's currency, else the one of the owner's last offer, else the euro."""
    if application.currency.upper() in CURRENCIES:
        return application.currency.upper()
    last = (
        Offer.objects.filter(owner=request.user)
        .order_by("-updated_at")
        .values_list("currency", flat=True)
        .first()
    )
    return last or "EUR"


def _add_errors(form: OfferForm, exc: ValidationError) -> None:
    """The service's errors on their fields; one about no field of the form (another offer on
    the application, saved a moment before) at the top."""
    errors = exc.message_dict if hasattr(exc, "error_dict") else {None: exc.messages}
    for name, messages_ in errors.items():
        form.add_error(name if name in form.fields else None, messages_)


@login_required
@require_http_methods(["GET", "POST"])
def offer_edit(request: AuthedRequest, application_id: int) -> HttpResponse:
    application = _application(request, application_id)
    offer = Offer.objects.filter(application=application).first()
    creating = offer is None
    if offer is None:
        offer = Offer(application=application, currency=_default_currency(request, application))
    moves = creating and services.moves_to_offer(application)
    form = OfferForm(request.POST or None, instance=offer, owner=request.user)
    back = safe_next(request, application.get_absolute_url())
    if request.method == "POST" and form.is_valid():
        try:
            services.offer_save(offer=form.instance)
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            if moves:
                messages.success(request, _("Offer saved, and the application moved to Offer."))
            else:
                messages.success(request, _("Offer saved."))
            return redirect(back)
    return render(
        request,
        "offers/offer_form.html",
        {
            "form": form,
            "application": application,
            "creating": creating,
            "moves": moves,
            "in_offer": application.status == Status.OFFER,
            "back": back,
            "suggested_currencies": SUGGESTED_CURRENCIES,
            "title": _("Record the offer") if creating else _("Edit the offer"),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def offer_delete(request: AuthedRequest, application_id: int) -> HttpResponse:
    application = _application(request, application_id)
    offer = get_object_or_404(Offer, application=application)
    offer.application = application
    if request.method == "POST":
        services.offer_delete(offer=offer)
        messages.success(request, _("Offer deleted, and its reminder cancelled."))
        return redirect(application)
    return render(
        request,
        "confirm_delete.html",
        {
            "object": offer,
            "what": _("offer"),
            "question": _("Delete this offer?"),
            "consequences": _(
                "Its figures, dates and notes are deleted, and the reminder before its deadline "
                "is cancelled. The application stays as it is, in its status."
            ),
            "cancel_url": reverse("offers:edit", args=[application.pk]),
        },
    )
