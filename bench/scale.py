"""Many users in one database (issue 24): one user's pages alone and among thousands, a 09:00
burst of reminders across them, and what the tables weigh.

1. User X (a 500-application search: demo.bulk.load_heavy at SCALE_APPS/5,000 of its heavy
   shape) alone in the database, which is then copied (SCALE_ALONE_DATABASE,
   rebound_scale_alone by default): X alone, kept as it is.
2. SCALE_USERS - 1 more users exactly like X, cloned from X's rows in SQL (INSERT … SELECT,
   a hundred users per statement: load_heavy per user would take hours at this size), until
   SCALE_USERS or SCALE_BUDGET seconds; then one VACUUM ANALYZE. SCALE_REUSE=1 skips steps 1
   and 2 when an earlier run left both databases seeded.
3. Home, table, board, application, interviews, reminders and Insights (re-read) for X in
   both databases side by side in ONE loop (two threads, one connection each, taking turns):
   "among/alone" is the ratio of the two medians measured under the same conditions (target
   ≤ 1.2); each side's trivial view is timed in the loop too. Every table's size.
4. `scale.py burst` (a subprocess under production settings, as bench/delivery.py): 50,000
   coping check-ins due in the same minute spread over every user; EXPLAIN ANALYZE of the
   claim; the raw one-connection smtplib loop (best of three over 5,000 of them) and the Celery
   path (2 workers) draining all of them, timed as bench/delivery.py does; then the claim's
   EXPLAIN ANALYZE again with 1,000,000 open reminders (950,000 of them later), rolled back.

Uses its own database (SCALE_DATABASE_URL, rebound_scale by default, emptied first) and Redis
(SCALE_CACHE_URL, SCALE_BROKER_URL). Run with `make bench-scale`; the numbers and the capacity
plan made from them are in docs/scaling.md. Takes about fifteen minutes on two cores.
"""

import os
import queue
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # Django is set up below, after the settings are chosen
    from django.test import Client

    from rebound.models import User

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATABASE_URL = os.environ.get(
    "SCALE_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/rebound_scale"
)
BURST = sys.argv[1:] == ["burst"]
# One key for both halves: the burst's workers read what the seeding wrote.
os.environ.setdefault("FIELD_ENCRYPTION_KEYS", "dGVzdHMtb25seS1ub3QtYS1zZWNyZXQta2V5LTMyYnk=")
os.environ.update(
    DATABASE_URL=DATABASE_URL,
    CACHE_URL=os.environ.get("SCALE_CACHE_URL", "redis://127.0.0.1:6379/12"),
    CONN_MAX_AGE="60",  # as in production
)
if BURST:
    # bench/delivery.py sets up Django under production settings on import.
    os.environ.update(
        BENCH_DATABASE_URL=DATABASE_URL,
        BENCH_BROKER_URL=os.environ.get("SCALE_BROKER_URL", "redis://127.0.0.1:6379/11"),
    )
    import bench.delivery as delivery
else:
    os.environ["DJANGO_SETTINGS_MODULE"] = "tests.settings"
    import django

    django.setup()


from django.conf import settings  # noqa: E402
from django.db import connection, transaction  # noqa: E402

USERS = int(os.environ.get("SCALE_USERS", "2000"))
APPS = int(os.environ.get("SCALE_APPS", "500"))
BUDGET = float(os.environ.get("SCALE_BUDGET", "1e9"))
# SCALE_REUSE=1: measure again on the databases an earlier run seeded, if they hold SCALE_USERS.
REUSE = os.environ.get("SCALE_REUSE") == "1"
RUNS = int(os.environ.get("BENCH_RUNS", "30"))
BURST_SIZE = int(os.environ.get("SCALE_BURST", "50000"))
PENDING = int(os.environ.get("SCALE_PENDING", "1000000"))
RAW_SAMPLE = 5000
BATCH = 100  # users cloned per transaction
PAGES = [
    "home",
    "table",
    "board",
    "application",
    "interviews",
    "reminders",
    "insights",
    "insights, first render",
]
# Timed as the re-read of its cached fragment, as bench/pages.py; "insights, first render" is
# the same page computed afresh (as after any change), its timeline rollup read among
# everyone's.
CACHED = {"insights"}
FIRST_RENDER = {"insights, first render": "insights"}
AMONG_TARGET = 1.2
# X alone: a copy of the database taken before the others are cloned in.
ALONE_DATABASE = os.environ.get("SCALE_ALONE_DATABASE", "rebound_scale_alone")


def _time(client: "Client", url: str) -> float:
    start = time.perf_counter()
    response = client.get(url)
    elapsed = (time.perf_counter() - start) * 1000
    assert response.status_code == 200, (url, response.status_code)
    return elapsed


class Side(threading.Thread):
    """One database, served to one signed-in client, in a thread of its own: Django keeps a
    connection (and a cache client) per thread, so two sides answer from two databases in one
    process, each on its own warm connection. The loop hands a URL to each side in turn and
    waits for it: only one side works at a time, and both meet the machine as it is then."""

    def __init__(self, name: str, database: str, email: str) -> None:
        super().__init__(name=name, daemon=True)
        self.database, self.email = database, email
        self.asks: queue.Queue[str | None] = queue.Queue()
        self.answers: queue.Queue[float | BaseException] = queue.Queue()

    def run(self) -> None:
        from django.core.cache import caches
        from django.db import connections
        from django.test import Client

        from rebound.models import User

        try:
            db = connections["default"]
            db.close()
            # This thread's connection only: the settings dict is shared with the other side.
            db.settings_dict = {**db.settings_dict, "NAME": self.database}
            # The same user id in both databases: each side caches under its own prefix.
            caches["default"].key_prefix = self.name
            client = Client()
            client.force_login(User.objects.get(email=self.email))
        except BaseException as error:  # the first get() raises it
            self.answers.put(error)
            return
        # No answer for the setup itself: each answer is the time of the URL just asked.
        while (url := self.asks.get()) is not None:
            try:
                self.answers.put(_time(client, url))
            except BaseException as error:  # reported to the loop, which raises it
                self.answers.put(error)

    def get(self, url: str) -> float:
        self.asks.put(url)
        answer = self.answers.get()
        if isinstance(answer, BaseException):
            raise answer
        return answer


def measure_side_by_side(email: str, urls: dict[str, str]) -> dict[str, tuple[float, ...]]:
    """Per page, X alone and X among the others in ONE interleaved loop (which side goes
    first alternates): (alone median ms, among median ms, among p95 ms, among/alone,
    alone × trivial, among × trivial)."""
    crowd = Side("among", settings.DATABASES["default"]["NAME"], email)
    alone = Side("alone", ALONE_DATABASE, email)
    for side in (crowd, alone):
        side.start()
        side.get("/bench/trivial/")
    out = {}
    for name in PAGES:
        settings.FRAGMENT_CACHE = name in CACHED
        for side in (crowd, alone):
            side.get(urls[name])  # warm up (and fill the cached fragment)
        times: dict[str, list[float]] = {"alone": [], "among": [], "t-alone": [], "t-among": []}
        for run in range(RUNS):
            order = (crowd, alone) if run % 2 else (alone, crowd)
            for side in order:
                times[f"t-{side.name}"].append(side.get("/bench/trivial/"))
                times[side.name].append(side.get(urls[name]))
        med = {k: statistics.median(v) for k, v in times.items()}
        p95 = sorted(times["among"])[int(0.95 * (RUNS - 1))]
        out[name] = (
            med["alone"],
            med["among"],
            p95,
            med["among"] / med["alone"],
            med["alone"] / med["t-alone"],
            med["among"] / med["t-among"],
        )
    for side in (crowd, alone):
        side.asks.put(None)
        side.join(timeout=10)
    return out


def copy_database(source: str, target: str) -> None:
    """`target` as a copy of `source` now (PostgreSQL's CREATE DATABASE … TEMPLATE): X's
    database before anyone else moves in. No connection to `source` may stay open."""
    import psycopg

    connection.close()
    db = settings.DATABASES["default"]
    with psycopg.connect(
        host=db["HOST"] or "127.0.0.1",
        port=db["PORT"] or 5432,
        user=db["USER"] or "postgres",
        dbname="postgres",
        autocommit=True,
    ) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{target}"')
        admin.execute(f'CREATE DATABASE "{target}" TEMPLATE "{source}"')


_SIZES = (
    "SELECT relname, pg_total_relation_size(oid) FROM pg_class"
    " WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace"
    " ORDER BY 2 DESC"
)


def table_sizes(database: str = "") -> list[tuple[str, int]]:
    """Every table's size with its indexes, in this database or the one named."""
    if not database:
        with connection.cursor() as cursor:
            cursor.execute(_SIZES)
            return list(cursor.fetchall())
    import psycopg

    db = settings.DATABASES["default"]
    with psycopg.connect(
        host=db["HOST"] or "127.0.0.1",
        port=db["PORT"] or 5432,
        user=db["USER"] or "postgres",
        dbname=database,
    ) as other:
        return list(other.execute(_SIZES).fetchall())


def row_counts() -> dict[str, int]:
    from applications.models import Application, StatusChange
    from interviews.models import Interview
    from rebound.models import User
    from reminders.models import Reminder

    models = [User, Application, StatusChange, Interview, Reminder]
    return {m._meta.db_table: m._default_manager.count() for m in models}


# What load_heavy writes for a user, parents first, with the lookup to the template's rows.
# rebound_dataversion is left out: the tables' triggers write it for every new owner.
CLONED = [
    ("rebound.User", "pk"),
    ("account.EmailAddress", "user"),
    ("applications.Company", "owner"),
    ("applications.Contact", "owner"),
    ("applications.Application", "owner"),
    ("applications.StatusChange", "application__owner"),
    ("interviews.Interview", "owner"),
    ("interviews.SelfAssessment", "interview__owner"),
    ("coping.CopingPlan", "owner"),
    ("coping.PlanStep", "plan__owner"),
    ("coping.FollowUp", "plan__owner"),
    ("coping.JournalEntry", "owner"),
    ("reminders.Reminder", "owner"),
]


def clone_users(template: "User", copies: int, first: int) -> None:
    """`copies` users exactly like `template` (a load_heavy user seeded into an empty
    database), numbered from `first`, in one INSERT … SELECT per table. Clone c's row for
    template row id is id - lo + base + c × span, lo..hi being the template's ids in that
    table (nothing else may lie in between) and base the table's next free id; foreign keys
    move the same way, so every clone is consistent with every constraint, as its template.
    Rows go in clone by clone, so each user's rows lie together as load_heavy leaves them."""
    from django.apps import apps
    from django.db.models import Max, Min

    from coping.models import CopingPlan
    from interviews.models import Interview
    from interviews.reminder_kinds import THANK_YOU  # about an interview; the rest, a plan
    from reminders.models import Reminder

    plan: dict[type, tuple[int, int, int]] = {}  # model -> (lo, base, span)
    for label, lookup in CLONED:
        model = apps.get_model(label)
        rows = model.objects.filter(**{lookup: template.pk})
        bounds = rows.aggregate(lo=Min("pk"), hi=Max("pk"))
        lo, hi = bounds["lo"], bounds["hi"]
        if lo is None:
            continue
        assert model.objects.filter(pk__range=(lo, hi)).count() == rows.count(), label
        base = model.objects.aggregate(top=Max("pk"))["top"] + 1
        plan[model] = (lo, base, hi - lo + 1)

    def moved(column: str, model: type) -> str:
        lo, base, span = plan[model]
        return f"{column} - {lo} + {base} + c * {span}"

    with connection.cursor() as cursor:
        for model, (lo, _base, span) in plan.items():
            table, columns, values = model._meta.db_table, [], []
            pk = model._meta.pk.column
            for field in model._meta.concrete_fields:
                column = connection.ops.quote_name(field.column)  # "primary" is a keyword
                columns.append(column)
                if field.primary_key:
                    values.append(moved(column, model))
                elif field.is_relation and field.related_model in plan:
                    values.append(moved(column, field.related_model))
                elif field.column == "email":
                    values.append(f"'u' || (c + {first}) || '-' || email")
                elif model is Reminder and field.column == "subject_id":
                    values.append(
                        f"CASE WHEN kind = '{THANK_YOU}' THEN {moved(column, Interview)} "
                        f"ELSE {moved(column, CopingPlan)} END"
                    )
                else:
                    values.append(column)
            cursor.execute(
                f"INSERT INTO {table} ({', '.join(columns)}) "
                f"SELECT {', '.join(values)} FROM {table}, generate_series(0, %s) AS c "
                f"WHERE {pk} BETWEEN %s AND %s ORDER BY c, {pk}",
                [copies - 1, lo, lo + span - 1],
            )
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', '{pk}'), max({pk})) FROM {table}"
            )


def seed_others(template: "User", until: int) -> int:
    """Clones of `template` until the database holds `until` users (or SCALE_BUDGET seconds
    have passed); returns how many users it then holds."""
    from demo.bulk import _analyze

    start = time.perf_counter()
    n = 1
    while n < until and time.perf_counter() - start < BUDGET:
        copies = min(BATCH, until - n)
        with transaction.atomic():
            clone_users(template, copies, n)
        n += copies
        rate = (n - 1) / (time.perf_counter() - start)
        print(f"  {n:,} users, {rate:.1f} users/s", flush=True)
    _analyze()
    print(f"seeded {n - 1:,} users in {time.perf_counter() - start:.0f} s", flush=True)
    return n


def main() -> int:
    from django.core.management import call_command

    from demo.bulk import load_heavy

    settings.ROOT_URLCONF = "bench.urls"
    settings.ALLOWED_HOSTS = ["*"]
    call_command("migrate", verbosity=0)
    from django.core.cache import cache

    from demo.bulk import _analyze, main_pages
    from rebound.models import User

    cache.clear()
    if REUSE and User.objects.count() >= USERS:
        # Seeded by an earlier run (the seeding is most of the time): measure again.
        x = User.objects.get(email="x@scale.example")
        users = User.objects.count()
        # X alone gets the migrations made since it was copied, as the crowd just did.
        alone_url = DATABASE_URL.rsplit("/", 1)[0] + "/" + ALONE_DATABASE
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "-v0"],
            env={**os.environ, "DATABASE_URL": alone_url},
            cwd=ROOT,
            check=True,
        )
        alone_size = sum(size for _, size in table_sizes(ALONE_DATABASE))
        print(f"reusing the {users:,} users seeded earlier", flush=True)
    else:
        call_command("flush", interactive=False, verbosity=0)
        x = load_heavy(email="x@scale.example", password="x", scale=APPS / 5000)
        _analyze()
        alone_size = sum(size for _, size in table_sizes())
        copy_database(settings.DATABASES["default"]["NAME"], ALONE_DATABASE)
        users = seed_others(x, USERS)
    urls = dict(main_pages(x))
    urls.update({name: urls[page] for name, page in FIRST_RENDER.items()})
    pages = measure_side_by_side(x.email, urls)
    counts = row_counts()
    sizes = table_sizes()
    total = sum(size for _, size in sizes)
    ok = True
    print(
        f"\nuser X ({APPS} applications) alone and among {users:,} users, side by side in one "
        f"loop; {RUNS} runs per page"
    )
    print(
        f"{'page':<24}{'alone ms':>10}{'among ms':>10}{'among p95':>11}{'among/alone':>13}"
        f"{'alone×t':>9}{'among×t':>9}"
    )
    for name in PAGES:
        a_ms, b_ms, b_p95, ratio, a_x, b_x = pages[name]
        met = ratio <= AMONG_TARGET
        ok &= met
        print(
            f"{name:<24}{a_ms:>10.1f}{b_ms:>10.1f}{b_p95:>11.1f}{ratio:>13.2f}{a_x:>9.1f}"
            f"{b_x:>9.1f}  {'ok' if met else 'MISSED'}"
        )
    print("\nrows: " + ", ".join(f"{t} {c:,}" for t, c in counts.items()))
    print(
        f"database tables with indexes: {total / 2**20:,.0f} MB ({alone_size / 2**20:.1f} MB "
        f"with X alone); per user: {(total - alone_size) / max(users - 1, 1) / 2**10:,.0f} KB"
    )
    for name, size in sizes[:15]:
        print(f"  {name:<40}{size / 2**20:>10.1f} MB")
    sys.stdout.flush()
    burst = subprocess.run([sys.executable, __file__, "burst"], cwd=ROOT)
    print("all scale targets met" if ok and burst.returncode == 0 else "SOME SCALE TARGETS MISSED")
    return 0 if ok and burst.returncode == 0 else 1


def explain_claim() -> str:
    """EXPLAIN ANALYZE of the dispatch's claim (reminders.dispatch_services), as it runs."""
    from django.utils import timezone

    from reminders.models import Reminder

    with transaction.atomic():
        query = (
            Reminder.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(
                status__in=Reminder.OPEN, run_at__lte=timezone.now(), owner__email_verified=True
            )
            .order_by("run_at")
            .values_list("pk", flat=True)[:100]
        )
        sql, params = query.query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", params)
            return "\n".join(f"    {row[0]}" for row in cursor.fetchall())


def open_reminders() -> int:
    from reminders.models import Reminder

    return Reminder.objects.filter(status__in=Reminder.OPEN).count()


def burst() -> int:
    import redis
    from django.db.models import Max
    from django.utils import timezone

    from demo.bulk import _analyze, due_check_ins
    from rebound.models import User
    from reminders.models import Reminder

    users = list(User.objects.order_by("pk"))
    redis.Redis.from_url(delivery.BROKER_URL).flushdb()
    start = time.perf_counter()
    ids = due_check_ins(users, BURST_SIZE, timezone.now().replace(second=0, microsecond=0))
    _analyze()
    print(
        f"\n{BURST_SIZE:,} check-ins due in one minute over {len(users):,} users "
        f"(made in {time.perf_counter() - start:.0f} s)"
    )
    print(f"claim with {open_reminders():,} open reminders:\n{explain_claim()}", flush=True)
    port = delivery.free_port()
    sink = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "aiosmtpd",
            "-n",
            "-c",
            "aiosmtpd.handlers.Sink",
            "-l",
            f"127.0.0.1:{port}",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    workers: list[subprocess.Popen] = []
    tmp = ROOT / "var" / "bench"
    tmp.mkdir(parents=True, exist_ok=True)
    try:
        delivery.wait_for_port(port)
        messages = delivery._rendered(ids[:RAW_SAMPLE])
        raws = [delivery.bench_raw(port, messages) for _ in range(3)]
        raw = max(raws)
        workers = delivery._workers(port, tmp)
        delivery._ready()
        began = timezone.now()
        delivery.dispatch_reminders()
        # Bulk-created ids are consecutive: a range, not 50,000 parameters on every poll.
        mine = Reminder.objects.filter(pk__gte=min(ids), pk__lte=max(ids))
        while mine.exclude(status="sent").exists():
            time.sleep(1)
            if (timezone.now() - began).total_seconds() > 1800:
                raise RuntimeError("the burst did not drain in 30 minutes")
        last = mine.aggregate(last=Max("sent_at"))["last"]
        celery = len(ids) / (last - began).total_seconds()
    finally:
        for proc in [*workers, sink]:
            proc.terminate()
        for proc in [*workers, sink]:
            proc.wait(timeout=30)
        redis.Redis.from_url(delivery.BROKER_URL).flushdb()
    ratio = celery / raw
    print(
        f"raw smtplib loop, one connection ({RAW_SAMPLE:,}): {raw:,.0f} messages/s "
        f"(best of {', '.join(f'{r:.0f}' for r in raws)})"
    )
    print(
        f"Celery path, {delivery.WORKERS} workers, all {len(ids):,}: {celery:,.0f} messages/s "
        f"in {(last - began).total_seconds():.0f} s; ratio {ratio:.2f} "
        f"(target >= {delivery.TARGET}, as bench/delivery.py)"
    )
    claim_at_scale()
    return 0 if ratio >= delivery.TARGET else 1


def claim_at_scale() -> None:
    """The claim with PENDING open reminders, BURST_SIZE of them due now: inserted in SQL
    about made-up subjects (no foreign key points at a reminder's subject), then rolled back."""
    from django.utils import timezone

    from coping.reminder_kinds import COPING_CHECK_IN
    from rebound.models import User
    from reminders.models import Reminder

    users, reminders = User._meta.db_table, Reminder._meta.db_table
    now = timezone.now()
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(
                f"""
                WITH owners AS (SELECT array_agg(id ORDER BY id) AS ids FROM {users})
                INSERT INTO {reminders} (owner_id, kind, subject_id, scope, local_date,
                  local_time, timezone, due_at, status, run_at, attempts, version, last_error,
                  ended_reason, created_at, updated_at)
                SELECT ids[1 + g %% cardinality(ids)], %(kind)s, 1000000000 + g, '',
                  %(now)s::date, '09:00', 'UTC', t, 'scheduled', t, 0, 1, '', '', %(now)s,
                  %(now)s
                FROM owners, generate_series(1, %(n)s) AS g,
                  LATERAL (SELECT CASE WHEN g <= %(due)s THEN %(now)s - interval '1 minute'
                    ELSE %(now)s + (g %% 365 + 1) * interval '1 day' END AS t) AS times
                """,
                {"now": now, "n": PENDING, "due": BURST_SIZE, "kind": COPING_CHECK_IN},
            )
            cursor.execute(f"ANALYZE {reminders}")
        print(
            f"claim with {open_reminders():,} open reminders ({BURST_SIZE:,} due):\n"
            f"{explain_claim()}",
            flush=True,
        )
        transaction.set_rollback(True)


if __name__ == "__main__":
    sys.exit(burst() if BURST else main())
