"""Companies and the people at them: every write to them goes through a function here."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import QuerySet, Value
from django.db.models.deletion import RestrictedError
from django.db.models.functions import Lower
from django.utils.translation import gettext as _

from rebound.models import User

from .models import Company, Contact


def named(queryset: QuerySet[Any], name: str) -> QuerySet[Any]:
    """Rows whose name matches as the unique constraints compare them (the database's
    lower()), so the look before an insert and the re-read after a lost race agree. Tags
    are named the same way (tag_services)."""
    return queryset.alias(name_key=Lower("name")).filter(name_key=Lower(Value(name)))


def company_get_or_create(*, owner: User, name: str) -> Company:
    """The owner's company of that name, made if new. Safe when two requests name the same
    new company at once: the loser of the insert reads the winner's row."""
    name = " ".join(name.split())
    company = named(Company.objects.filter(owner=owner), name).first()
    if company is not None:
        return company
    try:
        # A savepoint: a lost race must not break the caller's transaction.
        with transaction.atomic():
            return Company.objects.create(owner=owner, name=name)
    except IntegrityError:
        return named(Company.objects.filter(owner=owner), name).get()


# What a form or the API may write on a company and on a contact.
COMPANY_FIELDS = ("name", "website", "address", "notes")
CONTACT_FIELDS = ("name", "kind", "company", "title", "email", "phone", "linkedin_url", "notes")


def _fill(row: Company | Contact, fields: dict[str, Any], allowed: tuple[str, ...]) -> None:
    unknown = set(fields) - set(allowed)
    if unknown:
        raise TypeError(f"can't write {sorted(unknown)} on a {type(row).__name__}")
    for name, value in fields.items():
        setattr(row, name, value)


def company_save(*, company: Company, **fields: Any) -> Company:
    """Save a company, new (`Company(owner=user)`) or edited, with a form's or the API's
    cleaned data whole: `company_save(company=form.instance, **form.cleaned_data)`. The form
    checks the name is free; two requests naming the same new company at once both pass that
    check, and the loser of the insert gets the form's own message instead of a 500."""
    _fill(company, fields, COMPANY_FIELDS)
    try:
        with transaction.atomic():
            company.save()
    except IntegrityError as exc:
        raise ValidationError(
            {"name": ValidationError(_("You already have a company with this name."), "invalid")}
        ) from exc
    return company


def company_delete(*, company: Company) -> None:
    """Delete a company no application uses; its contacts stay, without a company."""
    try:
        # A savepoint: the refusal must leave the caller's transaction usable.
        with transaction.atomic():
            company.delete()
    except RestrictedError as exc:
        raise ValidationError(
            _("This company still has applications. Delete or move them first."),
            code="company_in_use",
        ) from exc


@transaction.atomic
def contact_save(*, contact: Contact, new_company: str = "", **fields: Any) -> Contact:
    """Save a contact, new (`Contact(owner=user)`) or edited, with a form's or the API's
    cleaned data whole: `contact_save(contact=form.instance, **form.cleaned_data)`. A company
    typed by name (`new_company`) is found or made, as on the application form."""
    _fill(contact, fields, CONTACT_FIELDS)
    if new_company.strip():
        contact.company = company_get_or_create(owner=contact.owner, name=new_company)
    contact.save()
    return contact


def contact_delete(*, contact: Contact) -> None:
    """Delete a contact: the applications and interviews they were on stay, without them."""
    contact.delete()
