"""Personas, the shared fixtures (a stopped clock, Alice's and Ada's applications), real services
and a real browser for the whole suite."""

import asyncio
import datetime as dt
import os
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import message_from_bytes
from email.message import Message
from pathlib import Path
from typing import Any

import pytest
import time_machine
from aiosmtpd.controller import Controller
from django.test import Client

from applications.models import Application
from applications.pipeline import Status
from rebound.models import User

from .factories import PASSWORD, ApplicationFactory, CompanyFactory, UserFactory

# Playwright's sync API runs an event loop in this thread; Django's ORM must still be usable.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ROOT = Path(__file__).resolve().parent.parent
AXE_JS = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
SCREENSHOTS = ROOT / "docs" / "screenshots"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path_factory):
    """Uploaded files go to a directory of the test's own, never the checkout's var/."""
    settings.MEDIA_ROOT = str(tmp_path_factory.mktemp("media"))


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counters live in Redis: every test starts from none."""
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture(autouse=True)
def _site_language() -> Iterator[None]:
    """Every test starts, and leaves, in the site's language: a German request activates German
    for its thread (as each request does in production, where the next request sets its own),
    and a test after it would otherwise render German without asking."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _frozen_clock(request: pytest.FixtureRequest) -> Iterator[None]:
    """A test marked `frozen(when)`, or in a module so marked, runs with the clock stopped at
    `when`: the days its assertions name are the same whenever the suite runs."""
    marker = request.node.get_closest_marker("frozen")
    if marker is None:
        yield
        return
    with time_machine.travel(marker.args[0], tick=False):
        yield


@pytest.fixture
def eager_tasks():
    """Tasks the web process enqueues (a password-reset email) run inline, for tests that
    follow them to the mailbox; the reminder workers are real processes elsewhere."""
    from rebound.celery import app

    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = False


# --- personas -----------------------------------------------------------------------------


@pytest.fixture
def alice(db):
    return UserFactory(email="alice@example.com", first_name="Alice")


@pytest.fixture
def bob(db):
    return UserFactory(email="bob@example.com", first_name="Bob")


@pytest.fixture
def ada(db) -> User:
    """The mail-in tests' user: the sample emails are written to ada@example.org."""
    return UserFactory(email="ada@example.org", timezone="Europe/Berlin")


@pytest.fixture
def alice_client(alice) -> Client:
    client = Client()
    client.force_login(alice)
    return client


@pytest.fixture
def bob_client(bob) -> Client:
    client = Client()
    client.force_login(bob)
    return client


@pytest.fixture
def password() -> str:
    return PASSWORD


@pytest.fixture
def application(request: pytest.FixtureRequest, alice: User) -> Application:
    """Alice's application for Analyst at Acme, applied today, made through the service as
    the factory makes every one. A module (or test) that needs another says how in its marks,
    `pytest.mark.application(company="Northwind", status=Status.INTERVIEWING)`: `company` is
    the company's name, every other keyword goes to ApplicationFactory."""
    marker = request.node.get_closest_marker("application")
    fields = {"company": "Acme", "role": "Analyst", "status": Status.APPLIED}
    fields |= marker.kwargs if marker else {}
    company = CompanyFactory(owner=alice, name=fields.pop("company"))
    return ApplicationFactory(company=company, **fields)


@pytest.fixture
def northwind(ada: User) -> Application:
    """Ada's application for Data Analyst at Northwind Labs, applied on 2 Nov 2026: the one the
    sample emails from northwindlabs.com are about."""
    company = CompanyFactory(owner=ada, name="Northwind Labs", website="https://northwindlabs.com")
    return ApplicationFactory(
        owner=ada, company=company, role="Data Analyst", status_changed_on=dt.date(2026, 11, 2)
    )


@pytest.fixture
def sqlite_env(tmp_path: Path) -> dict[str, str]:
    """The environment of `make run` (SQLite, no Redis, an in-memory broker) for a subprocess,
    with its database and var/ in the test's own folder."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "rebound.settings",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "REBOUND_VAR_DIR": str(tmp_path / "var"),
        "DEBUG": "1",
        "SECRET_KEY": "test-only-" + "x" * 40,
        "CACHE_URL": "",
        "CELERY_BROKER_URL": "memory://",
    }


# --- SMTP sink ----------------------------------------------------------------------------


@dataclass
class SmtpSink:
    host: str
    port: int
    messages: list[Message] = field(default_factory=list)
    lock: threading.Condition = field(default_factory=threading.Condition)
    refuse: int = 0  # when set, answer with this SMTP code instead of accepting
    delay: float = 0.0  # seconds to wait before answering DATA: a busy server

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.delay:
            await asyncio.sleep(self.delay)
        if self.refuse:
            return f"{self.refuse} Mailbox unavailable (test sink refusing)"
        msg = message_from_bytes(envelope.original_content or envelope.content)
        with self.lock:
            self.messages.append(msg)
            self.lock.notify_all()
        return "250 OK"

    def wait_for(self, count: int, timeout: float = 10.0) -> list[Message]:
        with self.lock:
            self.lock.wait_for(lambda: len(self.messages) >= count, timeout=timeout)
            return list(self.messages)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp_sink(settings) -> Iterator[SmtpSink]:
    """A real SMTP server on 127.0.0.1; Django sends to it over the network."""
    sink = SmtpSink(host="127.0.0.1", port=_free_port())
    controller = Controller(sink, hostname=sink.host, port=sink.port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = sink.host
    settings.EMAIL_PORT = sink.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    try:
        yield sink
    finally:
        controller.stop()


# --- browser ------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {
        **browser_type_launch_args,
        "executable_path": "/usr/bin/chromium",
        "args": [
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    # The suite injects axe-core into pages; the site's CSP would rightly block that.
    # tests/browser/test_csp.py drives the site in a context that keeps the CSP.
    # Reduced motion: no transitions, so axe never measures a colour halfway through one.
    return {**browser_context_args, "bypass_csp": True, "reduced_motion": "reduce"}


@pytest.fixture
def site(live_server, transactional_db, settings) -> str:
    """The live server's root URL; the browser tests talk to it."""
    settings.SITE_URL = live_server.url
    return live_server.url


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """WCAG 2.0/2.1 A and AA violations axe-core finds on the current page."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate(
        """async () => await axe.run(document, {
            runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}
        })"""
    )
    return result["violations"]


def assert_accessible(page: Any) -> None:
    violations = axe_violations(page)
    report = "\n".join(
        f"- {v['id']} ({v['impact']}): {v['help']} -> "
        + "; ".join(
            (n["target"][0] if n["target"] else "?") + f" [{n.get('failureSummary', '')}]"
            for n in v["nodes"][:5]
        )
        for v in violations
    )
    assert not violations, f"axe found violations on {page.url}:\n{report}"


def screenshot(page: Any, name: str) -> None:
    """Refresh the README's screenshots when asked (UPDATE_SCREENSHOTS=1)."""
    if os.environ.get("UPDATE_SCREENSHOTS") == "1":
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def log_in(page: Any, site: str, user: Any) -> None:
    """Start the browser signed in as user (the log-in form has its own test)."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies["sessionid"]
    page.context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": site}])
