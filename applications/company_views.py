"""Companies and the people at them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from rebound.lib.redirects import safe_next
from rebound.lib.types import AuthedRequest

from . import company_services
from .forms import CompanyForm, ContactForm
from .models import Application, Company, Contact

PAGE_SIZE = 25


@login_required
def company_list(request: AuthedRequest) -> HttpResponse:
    companies = Company.objects.filter(owner=request.user)
    q = request.GET.get("q", "").strip()
    if q:
        companies = companies.filter(name__icontains=q)
    page = Paginator(companies.order_by("name"), PAGE_SIZE).get_page(request.GET.get("page"))
    # Counted for this page's companies only, each in its own subquery: two COUNT(DISTINCT)
    # over a join of applications and contacts grew with the product of the two.
    ids = [company.pk for company in page]
    apps = dict(
        Application.objects.filter(company_id__in=ids)
        .values_list("company_id")
        .annotate(n=Count("pk"))
        .values_list("company_id", "n")
    )
    people = dict(
        Contact.objects.filter(company_id__in=ids)
        .values_list("company_id")
        .annotate(n=Count("pk"))
        .values_list("company_id", "n")
    )
    for company in page:
        company.application_count = apps.get(company.pk, 0)
        company.contact_count = people.get(company.pk, 0)
    return render(request, "applications/company_list.html", {"page": page, "q": q})


@login_required
def company_detail(request: AuthedRequest, company_id: int) -> HttpResponse:
    company = get_object_or_404(Company, pk=company_id, owner=request.user)
    return render(
        request,
        "applications/company_detail.html",
        {
            "company": company,
            "applications": Paginator(
                company.applications.order_by("-created_at", "-pk"), PAGE_SIZE
            ).get_page(request.GET.get("page")),
            "contacts": Paginator(company.contacts.order_by("name", "pk"), PAGE_SIZE).get_page(
                request.GET.get("people")
            ),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def company_create(request: AuthedRequest) -> HttpResponse:
    form = CompanyForm(request.POST or None, owner=request.user)
    if request.method == "POST" and form.is_valid():
        form.instance.owner = request.user
        try:
            company = company_services.company_save(company=form.instance, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Added %(company)s.") % {"company": company})
            return redirect(company)
    return render(
        request,
        "form_page.html",
        {
            "form": form,
            "title": _("New company"),
            "cancel_url": reverse("applications:company_list"),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def company_update(request: AuthedRequest, company_id: int) -> HttpResponse:
    company = get_object_or_404(Company, pk=company_id, owner=request.user)
    form = CompanyForm(request.POST or None, instance=company, owner=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            company_services.company_save(company=form.instance, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect(company)
    return render(
        request,
        "form_page.html",
        {
            "form": form,
            "title": _("Edit %(company)s") % {"company": company},
            "cancel_url": company.get_absolute_url(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def company_delete(request: AuthedRequest, company_id: int) -> HttpResponse:
    company = get_object_or_404(Company, pk=company_id, owner=request.user)
    if request.method == "POST":
        try:
            company_services.company_delete(company=company)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect(company)
        messages.success(request, _("Deleted %(company)s.") % {"company": company})
        return redirect("applications:company_list")
    return render(
        request,
        "confirm_delete.html",
        {
            "object": company,
            "what": _("company"),
            "question": _("Delete this company?"),
            "consequences": _("Its contacts stay in your contacts, without a company."),
            "cancel_url": company.get_absolute_url(),
        },
    )


@login_required
def contact_list(request: AuthedRequest) -> HttpResponse:
    contacts = Contact.objects.filter(owner=request.user).select_related("company")
    kind = request.GET.get("kind", "")
    if kind in Contact.Kind.values:
        contacts = contacts.filter(kind=kind)
    page = Paginator(contacts.order_by("name"), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "applications/contact_list.html",
        {"page": page, "kind": kind, "kinds": Contact.Kind.choices},
    )


@login_required
@require_http_methods(["GET", "POST"])
def contact_create(request: AuthedRequest) -> HttpResponse:
    initial = {"company": request.GET.get("company"), "kind": request.GET.get("kind")}
    form = ContactForm(request.POST or None, owner=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        form.instance.owner = request.user
        contact = company_services.contact_save(contact=form.instance, **form.cleaned_data)
        messages.success(request, _("Added %(name)s.") % {"name": contact.name})
        return redirect(safe_next(request, reverse("applications:contact_list")))
    return render(
        request,
        "form_page.html",
        {
            "form": form,
            "title": _("New contact"),
            "cancel_url": safe_next(request, reverse("applications:contact_list")),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def contact_update(request: AuthedRequest, contact_id: int) -> HttpResponse:
    contact = get_object_or_404(Contact, pk=contact_id, owner=request.user)
    form = ContactForm(request.POST or None, instance=contact, owner=request.user)
    if request.method == "POST" and form.is_valid():
        company_services.contact_save(contact=form.instance, **form.cleaned_data)
        messages.success(request, _("Saved."))
        return redirect("applications:contact_list")
    return render(
        request,
        "form_page.html",
        {
            "form": form,
            "title": _("Edit %(name)s") % {"name": contact.name},
            "cancel_url": reverse("applications:contact_list"),
            "delete_url": reverse("applications:contact_delete", args=[contact.pk]),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def contact_delete(request: AuthedRequest, contact_id: int) -> HttpResponse:
    contact = get_object_or_404(Contact, pk=contact_id, owner=request.user)
    if request.method == "POST":
        company_services.contact_delete(contact=contact)
        messages.success(request, _("Deleted %(name)s.") % {"name": contact.name})
        return redirect("applications:contact_list")
    return render(
        request,
        "confirm_delete.html",
        {
            "object": contact,
            "what": _("contact"),
            "question": _("Delete this contact?"),
            "consequences": _("Interviews they took part in stay, without their name."),
            "cancel_url": reverse("applications:contact_list"),
        },
    )
