"""The API's throttles count atomically, and bad tokens are throttled per client (issue 21).

Real concurrency: many threads against the live server (a threaded WSGI server), one token.
Time stands still (time-machine stops the clock process-wide, server threads included), so
every request falls in one window of the limit and the admitted count has one right answer.
"""

import datetime as dt
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
import time_machine
from django.test import Client

from api.services import token_create
from api.throttling import PerTokenThrottle
from tests.factories import UserFactory

NOW = dt.datetime(2026, 11, 25, 12, 0, 0, tzinfo=dt.UTC)


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def _status(url: str, headers: dict[str, str]) -> int:
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=30) as r:
            return int(r.status)
    except urllib.error.HTTPError as error:
        return error.code


def _fire(url: str, headers: dict[str, str], count: int, threads: int) -> list[int]:
    """`count` requests from `threads` threads at once, each on its own connection."""
    with ThreadPoolExecutor(max_workers=threads) as pool:
        return list(pool.map(lambda _: _status(url, headers), range(count)))


@pytest.mark.django_db(transaction=True)
def test_concurrent_requests_never_pass_the_per_token_limit(live_server, frozen, monkeypatch):
    monkeypatch.setattr(PerTokenThrottle, "THROTTLE_RATES", {"token": "40/hour"})
    owner = UserFactory()
    secret = token_create(owner=owner, name="script", can_write=False)[1]
    codes = _fire(
        f"{live_server.url}/api/v1/companies/",
        {"Authorization": f"Bearer {secret}"},
        count=240,
        threads=16,
    )
    assert set(codes) == {200, 429}, set(codes)
    assert codes.count(200) == 40  # exactly the limit: none lost, none over
    # Another token of the same owner counts on its own.
    other = token_create(owner=owner, name="other", can_write=False)[1]
    assert (
        Client(headers={"Authorization": f"Bearer {other}"}).get("/api/v1/companies/").status_code
        == 200
    )


@pytest.mark.django_db(transaction=True)
def test_concurrent_bad_tokens_from_one_client_are_throttled(live_server, frozen, settings):
    settings.API_BAD_TOKEN_RATE = "10/hour"
    codes = _fire(
        f"{live_server.url}/api/v1/companies/",
        {"Authorization": "Bearer rbd_0123456789_not-a-real-secret"},
        count=120,
        threads=16,
    )
    assert set(codes) == {401, 429}, set(codes)
    assert codes.count(401) <= 10  # no more tokens checked than the limit allows


@pytest.mark.django_db
def test_repeated_bad_tokens_get_429_in_the_apis_error_shape(frozen, settings):
    settings.API_BAD_TOKEN_RATE = "5/hour"
    owner = UserFactory()
    good = token_create(owner=owner, name="script", can_write=False)[1]
    guesser = {"REMOTE_ADDR": "10.3.0.1"}
    for i in range(5):
        r = Client(headers={"Authorization": f"Bearer rbd_guess{i:05d}_wrong"}).get(
            "/api/v1/companies/", **guesser
        )
        assert r.status_code == 401, i
        assert r.json()["errors"][0]["code"] == "authentication_failed"
    r = Client(headers={"Authorization": "Bearer rbd_guess99999_wrong"}).get(
        "/api/v1/companies/", **guesser
    )
    assert r.status_code == 429
    (error,) = r.json()["errors"]
    assert error["field"] is None and error["code"] == "throttled"
    wait = int(r["Retry-After"])
    assert 0 < wait <= 3600
    assert error["message"] == (
        "Too many unknown tokens from here. Wait a little, then check the token in "
        f"Preferences → API tokens. Expected available in {wait} seconds."
    )
    # While it lasts even a right token from there is refused unchecked: a right guess can't
    # be told from a wrong one.
    r = Client(headers={"Authorization": f"Bearer {good}"}).get("/api/v1/companies/", **guesser)
    assert r.status_code == 429
    # Anyone else is not affected.
    r = Client(headers={"Authorization": f"Bearer {good}"}).get(
        "/api/v1/companies/", REMOTE_ADDR="10.3.0.2"
    )
    assert r.status_code == 200
    # An hour on, the guesser's window is over.
    with time_machine.travel(NOW + dt.timedelta(hours=1, minutes=1), tick=False):
        r = Client(headers={"Authorization": f"Bearer {good}"}).get("/api/v1/companies/", **guesser)
        assert r.status_code == 200
