"""The import's writer beside the fair raw insert, in one run (issue 24).

The fair raw comparison writes what the import writes for the same 5,000 records, with plain
`bulk_create` in one transaction and no checks: the companies and tags (new ones), the
contacts, the applications, their timelines (one StatusChange per step), the résumé versions
and the tag and contact links. The records are built once, through the import's own code (a
generated CSV → reading.read_table → mapping.parse → records.check_all), and both sides get
the same list. Each side runs three times on an empty user; the best of three is kept.

Run with `python bench/import_bench.py [--profile]`. It uses the benches' database
(rebound_bench by default; `make bench` runs it after load.py), which it migrates and empties.
"""

import cProfile
import csv
import io
import os
import pstats
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/rebound_bench")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

import django

django.setup()

import datetime as dt  # noqa: E402

from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402

from applications.imports import mapping, reading  # noqa: E402
from applications.imports.records import (  # noqa: E402
    Record,
    check_all,
    import_timeline,
    to_json,
)
from applications.imports.services.work import import_run  # noqa: E402
from applications.imports.services.writing import applications_import  # noqa: E402
from applications.models import (  # noqa: E402
    Application,
    Attachment,
    Company,
    Contact,
    ImportJob,
    StatusChange,
    Tag,
)
from rebound.models import User  # noqa: E402

ROWS = 5000
COMPANIES = 400
TODAY = dt.date(2026, 11, 25)
STATUSES = ["Applied", "Rejected", "Interviewing", "Ghosted", "Offer", "Wishlist"]
TAGS = ["remote", "fintech", "python", "dream job", "hybrid", "startup", "senior", "contract"]


def generated_csv(rows: int = ROWS, seed: int = 24) -> bytes:
    """A tracker's export: 400 companies, dates, statuses, salaries, tags, a contact on a
    third of the rows and a résumé version on half."""
    rng = random.Random(seed)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["Company", "Job Title", "Status", "Date Applied", "Location", "URL",
                     "Salary", "Source", "Tags", "Contact", "Contact Email", "Resume",
                     "Notes"])  # fmt: skip
    for i in range(rows):
        applied = TODAY - dt.timedelta(days=rng.randrange(1, 700))
        writer.writerow([
            f"Company {i % COMPANIES}",
            f"Engineer {i}",
            rng.choice(STATUSES),
            applied.isoformat(),
            rng.choice(["Berlin", "Remote", "London", ""]),
            f"https://jobs.example.com/{i}",
            rng.choice(["$80k-100k", "55,000 €", ""]),
            rng.choice(["LinkedIn", "Referral", "Hacker News", ""]),
            ", ".join(rng.sample(TAGS, rng.randrange(0, 4))),
            f"Person {i % 700}" if i % 3 == 0 else "",
            f"person{i % 700}@example.com" if i % 3 == 0 else "",
            f"CV v{i % 5}" if i % 2 == 0 else "",
            "Found it through a friend." if i % 7 == 0 else "",
        ])  # fmt: skip
    return out.getvalue().encode()


def built_records(raw: bytes) -> list[Record]:
    """The records as the import builds them, the good ones only (as import_run passes)."""
    table = reading.read_table(raw, "bench.csv")
    columns = mapping.auto_mapping(table.header)
    statuses = {word.lower(): word.lower() for word in STATUSES}
    records = check_all(mapping.parse(table.header, table.rows, columns, statuses), TODAY, [])
    good = [r for r in records if not r.errors and not r.warnings]
    assert len(good) == len(records) == ROWS, "every generated row imports"
    return good


def raw_insert(*, owner: User, records: list[Record]) -> None:
    """The fair raw comparison: the same rows the import writes, plain bulk_create, one
    transaction, no checks (nothing is looked up: the user starts empty)."""
    with transaction.atomic():
        companies = Company.objects.bulk_create(
            [Company(owner=owner, name=name) for name in {r.company: 1 for r in records}]
        )
        company_of = {c.name: c for c in companies}
        tags = Tag.objects.bulk_create(
            [Tag(owner=owner, name=t) for t in {t: 1 for r in records for t in r.tags}]
        )
        tag_of = {t.name: t.pk for t in tags}
        contact_rows = {(r.company, r.contact_name): r for r in records if r.contact_name}.values()
        contacts = Contact.objects.bulk_create(
            [
                Contact(owner=owner, company=company_of[r.company], name=r.contact_name,
                        email=r.contact_email, phone=r.contact_phone, kind=Contact.Kind.OTHER)
                for r in contact_rows
            ]
        )  # fmt: skip
        contact_of = {
            (r.company, r.contact_name): c.pk for r, c in zip(contact_rows, contacts, strict=True)
        }
        timelines = [import_timeline(r, TODAY) for r in records]
        applications = Application.objects.bulk_create(
            [
                Application(owner=owner, company=company_of[r.company], role=r.role,
                            status=steps[-1][0], status_changed_on=steps[-1][1],
                            date_applied=r.applied, posting_url=r.url, location=r.location,
                            salary_min=r.salary_min, salary_max=r.salary_max,
                            currency=r.currency, source=r.source, notes=r.notes)
                for r, steps in zip(records, timelines, strict=True)
            ]
        )  # fmt: skip
        StatusChange.objects.bulk_create(
            [
                StatusChange(application=a, from_status=previous, to_status=status,
                             changed_on=on)
                for a, steps in zip(applications, timelines, strict=True)
                for previous, (status, on) in zip(["", *(s for s, _ in steps)], steps, strict=False)
            ]
        )  # fmt: skip
        Attachment.objects.bulk_create(
            [
                Attachment(owner=owner, application=a, kind=Attachment.Kind.RESUME,
                           version=r.resume)
                for a, r in zip(applications, records, strict=True)
                if r.resume
            ]
        )  # fmt: skip
        Application.tags.through.objects.bulk_create(
            [
                Application.tags.through(application_id=a.pk, tag_id=tag_of[t])
                for a, r in zip(applications, records, strict=True)
                for t in r.tags
            ]
        )
        Application.contacts.through.objects.bulk_create(
            [
                Application.contacts.through(
                    application_id=a.pk, contact_id=contact_of[(r.company, r.contact_name)]
                )
                for a, r in zip(applications, records, strict=True)
                if r.contact_name
            ]
        )


def the_import(*, owner: User, records: list[Record]) -> None:
    """The import's writer, in the transaction import_run gives it."""
    with transaction.atomic():
        applications_import(owner=owner, records=records)


def the_task(*, owner: User, records: list[Record]) -> None:
    """The whole background task (work.import_run), as the worker runs it: the kept records
    read back and checked, the writer, progress saved beside on its own connection, the job
    marked done. The job is made before the clock starts (see timed)."""
    import_run(job_id=ImportJob.objects.get(owner=owner).pk)


def _written(owner: User) -> tuple[int, ...]:
    """What a side wrote, to check both write the same rows."""
    return (
        Company.objects.filter(owner=owner).count(),
        Tag.objects.filter(owner=owner).count(),
        Contact.objects.filter(owner=owner).count(),
        Application.objects.filter(owner=owner).count(),
        StatusChange.objects.filter(application__owner=owner).count(),
        Attachment.objects.filter(owner=owner).count(),
        Application.tags.through.objects.filter(application__owner=owner).count(),
        Application.contacts.through.objects.filter(application__owner=owner).count(),
    )


def _fresh_user(n: int) -> User:
    User.objects.filter(email__startswith="import-bench").delete()
    return User.objects.create_user(email=f"import-bench-{n}@example.com", timezone="UTC")


def timed(write: Callable[..., None], records: list[Record], n: int) -> tuple[float, User]:
    owner = _fresh_user(n)
    if write is the_task:
        ImportJob.objects.create(
            owner=owner, filename="bench.csv", header=["Company"],
            rows=[[r.company] for r in records], records=[to_json(r) for r in records],
            state=ImportJob.State.QUEUED,
        )  # fmt: skip
    start = time.perf_counter()
    write(owner=owner, records=records)
    return time.perf_counter() - start, owner


def main() -> None:
    call_command("migrate", verbosity=0)
    call_command("flush", interactive=False, verbosity=0)
    records = built_records(generated_csv())
    if "--profile" in sys.argv:
        owner = _fresh_user(0)
        profiler = cProfile.Profile()
        profiler.runcall(the_import, owner=owner, records=records)
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
        pstats.Stats(profiler).sort_stats("tottime").print_stats(15)
        return
    raws, imports, tasks = [], [], []
    written: dict[str, tuple[int, ...]] = {}
    for n in range(3):  # interleaved, so a busy moment hits every side
        seconds, owner = timed(raw_insert, records, 3 * n)
        raws.append(seconds)
        written["raw"] = _written(owner)
        seconds, owner = timed(the_import, records, 3 * n + 1)
        imports.append(seconds)
        written["import"] = _written(owner)
        seconds, owner = timed(the_task, records, 3 * n + 2)
        tasks.append(seconds)
        written["task"] = _written(owner)
        assert ImportJob.objects.get(owner=owner).state == ImportJob.State.DONE
    assert written["raw"] == written["import"] == written["task"], written
    raw, imported, task = min(raws), min(imports), min(tasks)
    print(f"{ROWS:,} records; rows written (companies, tags, contacts, applications, "
          f"status changes, résumés, tag links, contact links): {written['import']}")  # fmt: skip
    print(f"fair raw insert: {ROWS / raw:,.0f} records/s (best of "
          f"{', '.join(f'{s * 1000:.0f}' for s in raws)} ms)")  # fmt: skip
    print(f"applications_import: {ROWS / imported:,.0f} records/s (best of "
          f"{', '.join(f'{s * 1000:.0f}' for s in imports)} ms)")  # fmt: skip
    print(f"import_run, the whole task: {ROWS / task:,.0f} records/s (best of "
          f"{', '.join(f'{s * 1000:.0f}' for s in tasks)} ms)")  # fmt: skip
    print(f"ratio applications_import/raw (throughput): {raw / imported:.2f}  (target ≥ 0.7)")
    print(f"ratio import_run/raw (throughput): {raw / task:.2f}")


if __name__ == "__main__":
    main()
