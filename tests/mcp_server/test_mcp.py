"""Rebound's MCP server, driven by the official SDK's own client over both transports: stdio
(`manage.py mcp` as a subprocess, as an agent on the machine starts it) and streamable HTTP
(`manage.py mcp --http`, as an agent elsewhere reaches it). The server is a real process
reading this test's database; nothing is mocked."""

import asyncio
import datetime as dt
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx2
import pytest
from django.conf import settings
from django.db import connection
from django.urls import reverse
from mcp import Client
from mcp.client.stdio import StdioServerParameters
from mcp.client.streamable_http import streamable_http_client

from api.services import token_create, token_revoke
from applications.models import Application
from coping.models import CopingPlan
from reminders.models import Reminder
from tests.conftest import _free_port
from tests.factories import UserFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
TOOLS = {
    "applications_list",
    "applications_search",
    "application_get",
    "application_create",
    "application_move",
    "interviews_list",
    "reminders_list",
    "journal_list",
}


def _env(**extra: str) -> dict[str, str]:
    db = connection.settings_dict
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_ALLOW")},
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "DATABASE_URL": f"postgres://{db['USER'] or 'postgres'}@{db['HOST'] or '127.0.0.1'}:"
        f"{db['PORT'] or 5432}/{db['NAME']}",
        "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
        "PYTHONUNBUFFERED": "1",
        **extra,
    }


def _stdio(token: str) -> Client:
    return Client(
        StdioServerParameters(
            command=sys.executable,
            args=["manage.py", "mcp"],
            env=_env(REBOUND_API_TOKEN=token),
            cwd=str(ROOT),
        ),
        read_timeout_seconds=30,
    )


@pytest.fixture
def http_server(tmp_path: Path) -> Iterator[str]:
    port = _free_port()
    log = open(tmp_path / "mcp.log", "w")  # noqa: SIM115 - closed below
    proc = subprocess.Popen(
        [sys.executable, "manage.py", "mcp", "--http", "--port", str(port)],
        cwd=ROOT,
        env=_env(),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 30
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                log.close()
                raise AssertionError((tmp_path / "mcp.log").read_text()) from None
            time.sleep(0.1)
    yield f"http://127.0.0.1:{port}/mcp"
    proc.terminate()
    proc.wait(10)
    log.close()


def _http(url: str, token: str) -> Client:
    headers = {"Authorization": f"Bearer {token}"}
    return Client(
        streamable_http_client(url, http_client=httpx2.AsyncClient(headers=headers, timeout=30)),
        read_timeout_seconds=30,
    )


def _run(coroutine: Any) -> Any:
    """The client's work, on an event loop of its own in a thread of its own: a browser test
    earlier in the same process may have left a loop running in this one."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def _data(result: Any) -> Any:
    data = result.structured_content
    if isinstance(data, dict) and set(data) == {"result"}:
        return data["result"]
    return data


def _text(result: Any) -> str:
    return " ".join(getattr(block, "text", "") for block in result.content)


async def _walk(client: Client, other_users_id: int) -> dict[str, Any]:
    """List, create, search and move, as an agent would; what it saw, for the test to check."""
    seen: dict[str, Any] = {}
    async with client:
        seen["tools"] = {tool.name for tool in (await client.list_tools()).tools}
        applied_on = (dt.date.today() - dt.timedelta(days=3)).isoformat()
        created = await client.call_tool(
            "application_create",
            {"role": "Data analyst", "new_company": "Northwind", "date_applied": applied_on},
        )
        assert not created.is_error, _text(created)
        seen["created"] = _data(created)["application"]
        found = await client.call_tool("applications_search", {"query": "analyst"})
        seen["found"] = [a["id"] for a in _data(found)["items"]]
        app_id = seen["created"]["id"]
        for status in ("interviewing", "rejected"):
            moved = await client.call_tool(
                "application_move", {"application_id": app_id, "to_status": status}
            )
            assert not moved.is_error, _text(moved)
            seen[status] = _data(moved)
        again = await client.call_tool("application_get", {"application_id": app_id})
        seen["got"] = _data(again)
        bad_move = await client.call_tool(
            "application_move", {"application_id": app_id, "to_status": "wishlist"}
        )
        seen["bad_move"] = (bad_move.is_error, _text(bad_move))
        foreign = await client.call_tool("application_get", {"application_id": other_users_id})
        seen["foreign"] = (foreign.is_error, _text(foreign))
        bad = await client.call_tool("application_create", {"role": "", "new_company": "X"})
        seen["bad_create"] = (bad.is_error, _text(bad))
        journal = await client.call_tool("journal_list", {})
        seen["journal"] = (journal.is_error, _text(journal))
    return seen


def _reminder_kinds(application: Application) -> list[str]:
    return sorted(
        Reminder.objects.filter(owner=application.owner, status="scheduled").values_list(
            "kind", flat=True
        )
    )


def _the_same_through_the_pages(client: Any, user: Any) -> Application:
    """The same journey by the pages: add, then "Move along" twice."""
    applied_on = dt.date.today() - dt.timedelta(days=3)
    response = client.post(
        reverse("applications:application_create"),
        {"role": "Data analyst", "new_company": "Northwind", "date_applied": applied_on,
         "excitement": 3},
    )  # fmt: skip
    assert response.status_code == 302, response.content[:2000]
    application = Application.objects.get(owner=user)
    for status in ("interviewing", "rejected"):
        response = client.post(
            reverse("applications:application_change_status", args=[application.pk]),
            {"to_status": status},
        )
        assert response.status_code == 302
    return application


@pytest.mark.parametrize("transport", ["stdio", "http"])
def test_an_agent_lists_creates_searches_and_moves_with_the_pages_effects(
    transport: str, request: pytest.FixtureRequest, client: Any
) -> None:
    agent_user = UserFactory(email="agent@example.com")
    page_user = UserFactory(email="pages@example.com")
    _token, text = token_create(owner=agent_user, name="agent", can_write=True)
    stranger = UserFactory(email="stranger@example.com")
    foreign = _the_same_through_the_pages_for(stranger, client)

    mcp_client = (
        _stdio(text)
        if transport == "stdio"
        else _http(request.getfixturevalue("http_server"), text)
    )
    seen = _run(_walk(mcp_client, foreign.pk))

    assert seen["tools"] >= TOOLS
    created = Application.objects.get(owner=agent_user)
    assert seen["created"]["id"] == created.pk
    assert seen["created"]["company"]["name"] == "Northwind"
    assert seen["found"] == [created.pk]
    assert created.status == "rejected"
    assert seen["rejected"]["change"]["to_status"] == "rejected"
    assert seen["rejected"]["next_steps"], "a rejection offers its plan as the next step"
    assert [c["to_status"] for c in seen["got"]["timeline"]] == [
        "applied",
        "interviewing",
        "rejected",
    ]
    assert seen["got"]["plan"]["application"] == created.pk

    # The same effects as the pages: a plan opened, the same reminders scheduled.
    client.force_login(page_user)
    by_pages = _the_same_through_the_pages(client, page_user)
    assert CopingPlan.objects.filter(application=created).count() == 1
    assert CopingPlan.objects.filter(application=by_pages).count() == 1
    assert _reminder_kinds(created) == _reminder_kinds(by_pages)
    assert _reminder_kinds(created), "a rejection schedules reminders"

    # What the pipeline forbids, another person's application and a bad body: clear refusals.
    assert seen["bad_move"][0] and "can’t go from" in seen["bad_move"][1]
    assert seen["foreign"][0] and seen["foreign"][1].endswith(
        f"No application {foreign.pk} among yours."
    )
    assert seen["bad_create"][0] and "role" in seen["bad_create"][1]
    assert Application.objects.filter(owner=agent_user).count() == 1
    # The journal is private: this token lacks the scope.
    assert seen["journal"][0] and "private notes" in seen["journal"][1]


def _the_same_through_the_pages_for(user: Any, client: Any) -> Application:
    client.force_login(user)
    application = _the_same_through_the_pages(client, user)
    client.logout()
    return application


async def _try_to_write(client: Client) -> tuple[Any, Any, Any]:
    async with client:
        listed = await client.call_tool("applications_list", {})
        created = await client.call_tool(
            "application_create", {"role": "Analyst", "new_company": "Contoso"}
        )
        moved = await client.call_tool(
            "application_move", {"application_id": 1, "to_status": "applied"}
        )
    return listed, created, moved


@pytest.mark.parametrize("transport", ["stdio", "http"])
def test_a_read_only_token_reads_but_cannot_write(
    transport: str, request: pytest.FixtureRequest
) -> None:
    user = UserFactory()
    _token, text = token_create(owner=user, name="reader", can_write=False)
    mcp_client = (
        _stdio(text)
        if transport == "stdio"
        else _http(request.getfixturevalue("http_server"), text)
    )
    listed, created, moved = _run(_try_to_write(mcp_client))
    assert not listed.is_error and _data(listed) == {"items": [], "next_before_id": None}
    assert created.is_error and "read-only" in _text(created)
    assert moved.is_error and "read-only" in _text(moved)
    assert not Application.objects.filter(owner=user).exists()


async def _journal(client: Client) -> Any:
    async with client:
        return await client.call_tool("journal_list", {})


def test_the_private_notes_scope_opens_the_journal() -> None:
    user = UserFactory()
    _token, text = token_create(owner=user, name="diary", can_write=False, private_notes=True)
    result = _run(_journal(_stdio(text)))
    assert not result.is_error, _text(result)
    assert _data(result) == {"items": [], "next_before_id": None}


def test_http_without_a_usable_token_is_refused_before_any_tool(http_server: str) -> None:
    user = UserFactory()
    token, text = token_create(owner=user, name="soon revoked", can_write=True)
    body = {"jsonrpc": "2.0", "id": 1, "method": "tools/list", "params": {}}
    headers = {"Accept": "application/json, text/event-stream"}
    assert httpx2.post(http_server, json=body, headers=headers).status_code == 401
    wrong = {**headers, "Authorization": "Bearer rbd_nope_nope"}
    assert httpx2.post(http_server, json=body, headers=wrong).status_code == 401
    token_revoke(token=token)
    revoked = {**headers, "Authorization": f"Bearer {text}"}
    assert httpx2.post(http_server, json=body, headers=revoked).status_code == 401


def test_stdio_refuses_to_start_without_a_usable_token() -> None:
    done = subprocess.run(
        [sys.executable, "manage.py", "mcp"],
        cwd=ROOT,
        env=_env(REBOUND_API_TOKEN="rbd_unknown_token"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode != 0
    assert "REBOUND_API_TOKEN" in done.stderr


async def _refused(client: Client) -> Any:
    async with client:
        return await client.call_tool("application_create", {"role": "Analyst"})


@pytest.mark.parametrize(
    ("language", "said"),
    [("de", "Dieses Token darf nur lesen"), ("en", "This token is read-only")],
)
def test_refusals_are_in_the_token_owners_language(language: str, said: str) -> None:
    from mcp_server.server import build_server

    user = UserFactory(language=language)
    _token, text = token_create(owner=user, name="reader", can_write=False)
    result = _run(_refused(Client(build_server(stdio_token=text))))
    assert result.is_error and said in _text(result)
