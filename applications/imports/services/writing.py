"""Records into applications: each with its timeline dated as the file says, companies,
contacts, tags and résumé versions found or made, in batches."""

import datetime as dt
from collections.abc import Callable

from rebound.lib.localtime import local_today
from rebound.models import User

from ...models import Application, Attachment, Company, Contact, StatusChange, Tag
from ...no_reply_services import no_reply_reminder_sync
from ...pipeline import TRANSITIONS, Status
from ...posting_services import postings_import
from ...services import application_change_status
from ...tag_services import tags_get_or_create
from ..columns import fold
from ..records import Record, import_timeline

IMPORT_BATCH = 500


def applications_import(
    *,
    owner: User,
    records: list[Record],
    as_new: bool = False,
    progress: Callable[[int], None] | None = None,
) -> list[Application]:
    """Applications from another tracker, with their past: each timeline dated as the file
    says, companies, contacts and tags found or made. In batches (a 10,000-row file is a
    few hundred statements, not 80,000), inside the caller's transaction.

    No reminders and no plan: those belong to the present. With `as_new`, each last step is
    taken through application_change_status instead, so a rejection opens its plan and its
    reminders as if just logged, and an open application gets its "no reply yet" nudge."""
    today = local_today(owner)
    companies = {fold(c.name): c for c in Company.objects.filter(owner=owner)}
    names: dict[str, str] = {}
    for r in records:
        names.setdefault(fold(r.company), r.company)
    missing = [
        Company(owner=owner, name=name) for key, name in names.items() if key not in companies
    ]
    if missing:
        # A company made meanwhile (quick add in another tab) is read back, not an error.
        Company.objects.bulk_create(missing, ignore_conflicts=True)
        companies = {fold(c.name): c for c in Company.objects.filter(owner=owner)}
    tag_ids = _tag_ids(owner, {t.lower(): t for r in records for t in r.tags})
    contacts = {
        (c.company_id, c.name.lower()): c
        for c in Contact.objects.filter(owner=owner, company__isnull=False)
    }
    wanted: dict[tuple[int, str], Contact] = {}
    for r in records:
        company = companies[fold(r.company)]
        if r.contact_name and (company.pk, r.contact_name.lower()) not in contacts:
            wanted.setdefault(
                (company.pk, r.contact_name.lower()),
                Contact(owner=owner, company=company, name=r.contact_name,
                        email=r.contact_email, phone=r.contact_phone, kind=Contact.Kind.OTHER),
            )  # fmt: skip
    for contact in Contact.objects.bulk_create(wanted.values()):
        contacts[(contact.company_id, contact.name.lower())] = contact
    created: list[Application] = []
    deferred: list[tuple[Application, str, dt.date]] = []  # as_new: the last steps
    for start in range(0, len(records), IMPORT_BATCH):
        batch = records[start : start + IMPORT_BATCH]
        timelines = []
        applications = []
        for r in batch:
            steps = import_timeline(r, today)
            if as_new and len(steps) > 1:
                *steps, last = steps
            else:
                last = None
            applied = [on for status, on in steps if status == Status.APPLIED]
            status, on = steps[-1]
            applications.append(
                Application(
                    owner=owner,
                    company=companies[fold(r.company)],
                    role=r.role,
                    status=status,
                    status_changed_on=on,
                    date_applied=max(applied) if applied else None,
                    posting_url=r.url,
                    location=r.location,
                    salary_min=r.salary_min,
                    salary_max=r.salary_max,
                    currency=r.currency,
                    source=r.source,
                    applied_via=r.applied_via,
                    notes=r.notes,
                    **({"excitement": r.excitement} if r.excitement else {}),
                )
            )
            timelines.append((steps, last))
        Application.objects.bulk_create(applications)
        changes = []
        tag_links = []
        contact_links = []
        resumes = []
        for application, r, (steps, last) in zip(applications, batch, timelines, strict=True):
            previous = ""
            for status, on in steps:
                changes.append(
                    StatusChange(
                        application=application,
                        from_status=previous,
                        to_status=status,
                        changed_on=on,
                    )
                )
                previous = status
            tag_links += [
                Application.tags.through(application_id=application.pk, tag_id=tag_ids[t.lower()])
                for t in {t.lower(): t for t in r.tags}.values()
            ]
            if r.contact_name:
                contact = contacts[(application.company_id, r.contact_name.lower())]
                contact_links.append(
                    Application.contacts.through(
                        application_id=application.pk, contact_id=contact.pk
                    )
                )
            if last is not None:
                deferred.append((application, *last))
            if r.resume:
                resumes.append(
                    Attachment(
                        owner=owner,
                        application=application,
                        kind=Attachment.Kind.RESUME,
                        version=r.resume,
                    )
                )
        StatusChange.objects.bulk_create(changes)
        Attachment.objects.bulk_create(resumes)
        Application.tags.through.objects.bulk_create(tag_links)
        Application.contacts.through.objects.bulk_create(contact_links)
        postings_import(
            texts=[(a, r.description) for a, r in zip(applications, batch, strict=True)]
        )
        created += applications
        if progress:
            progress(len(created))
    for application, status, on in deferred:
        _take_last_step(application, status, on)
    if as_new:
        for application in created:
            if application.status == Status.APPLIED:
                no_reply_reminder_sync(application=application)
    return created


def _tag_ids(owner: User, names: dict[str, str]) -> dict[str, int]:
    """The ids of the owner's tags of these names (keyed by name.lower()), the new ones made:
    one read and one insert for the whole file, not three statements per new tag."""
    tag_ids = {t.name.lower(): t.pk for t in Tag.objects.filter(owner=owner)}
    missing = [Tag(owner=owner, name=name) for key, name in names.items() if key not in tag_ids]
    if missing:
        # A tag made meanwhile (another tab) is read back, not an error.
        Tag.objects.bulk_create(missing, ignore_conflicts=True)
        tag_ids = {t.name.lower(): t.pk for t in Tag.objects.filter(owner=owner)}
    # A name the database's lower() matches to a tag and Python's lower() doesn't (a rare
    # letter, "İ"): found by the database's rule, as tag_services does.
    unmatched = [name for key, name in names.items() if key not in tag_ids]
    for name, tag in zip(unmatched, tags_get_or_create(owner=owner, names=unmatched), strict=True):
        tag_ids[name.lower()] = tag.pk
    return tag_ids


def _take_last_step(application: Application, status: str, on: dt.date) -> None:
    """An imported application's last step, as if logged now (its plan, its reminders)."""
    if status == application.status:
        return
    if status in TRANSITIONS[application.status]:
        application_change_status(application=application, to_status=status, on=on)
        return
    # A jump the pipeline doesn't offer ("applied" straight to "accepted"): as recorded.
    StatusChange.objects.create(
        application=application, from_status=application.status, to_status=status, changed_on=on
    )
    Application.objects.filter(pk=application.pk).update(status=status, status_changed_on=on)
    application.status = status
