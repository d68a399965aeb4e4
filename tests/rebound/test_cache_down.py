"""The cache is an optimisation: with its Redis gone, every page, the API and the feed still
answer, and the lock-out still holds (issue 21).

The test starts a Redis of its own on a free port (never the machine's, which other tests
and workers share), points the cache at it, walks the pages, stops it and walks them again.
"""

import logging
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator

import pytest
import redis
import time_machine
from django.test import Client

from api.services import token_create
from demo.bulk import load_heavy, main_pages
from feeds import tokens as feed_tokens
from feeds.services import feed_enable
from tests.factories import PASSWORD, UserFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(shutil.which("redis-server") is None, reason="needs redis-server"),
]

API_LISTS = [
    "companies",
    "contacts",
    "applications",
    "interviews",
    "reminders",
    "plans",
    "journal",
    "incidents",
    "feedback",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class OwnRedis:
    def __init__(self) -> None:
        self.port = _free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                *("redis-server", "--port", str(self.port), "--bind", "127.0.0.1"),
                *("--save", "", "--appendonly", "no"),
            ],
            stdout=subprocess.DEVNULL,
        )
        client = redis.Redis(port=self.port)
        for _ in range(100):
            try:
                client.ping()
                return
            except redis.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)

    def keys(self) -> int:
        return int(redis.Redis(port=self.port).dbsize())


@pytest.fixture
def own_redis(settings) -> Iterator[OwnRedis]:
    server = OwnRedis()
    server.start()
    # The project's own cache settings, only aimed at this server.
    settings.CACHES = {"default": {**settings.CACHES["default"], "LOCATION": server.url}}
    try:
        yield server
    finally:
        server.stop()


def _walk(client: Client, api: Client, user, feed_url: str) -> dict[str, int]:
    codes = {name: client.get(url).status_code for name, url in main_pages(user)}
    codes["preferences"] = client.get("/accounts/preferences/").status_code
    for name in API_LISTS:
        codes[f"api {name}"] = api.get(f"/api/v1/{name}/").status_code
    codes["api, one application"] = api.get(
        f"/api/v1/applications/{user.application_set.first().pk}/"
    ).status_code
    codes["feed"] = client.get(feed_url).status_code
    return codes


@time_machine.travel("2026-11-25 10:00Z", tick=False)
def test_every_page_the_api_and_the_feed_answer_with_the_cache_down(own_redis, caplog, monkeypatch):
    user = load_heavy(email="busy@example.com", password=PASSWORD, scale=0.01)
    client = Client()
    client.force_login(user)
    secret = token_create(owner=user, name="script", can_write=True, private_notes=True)[1]
    api = Client(headers={"Authorization": f"Bearer {secret}"})
    feed = feed_enable(user=user)
    feed_url = f"/calendar/{feed_tokens.make(user.pk, feed.version)}.ics"

    up = _walk(client, api, user, feed_url)
    assert set(up.values()) == {200}, up
    assert own_redis.keys() > 0  # fragments and counters really were in this Redis
    table_up = client.get("/applications/").content.decode()

    own_redis.stop()
    with caplog.at_level(logging.WARNING, logger="rebound.cache"):
        down = _walk(client, api, user, feed_url)
    assert down == {name: 200 for name in up}, down
    assert "The cache is unreachable" in caplog.text
    # The table is rendered afresh, and shows what it showed from the cache.
    assert client.get("/applications/").content.decode().count("<tr") == table_up.count("<tr")

    # Back on its feet (after the pause the backend leaves it), the cache is used again.
    own_redis.start()
    monkeypatch.setattr("rebound.cache.RETRY_SECONDS", 0.0)
    with caplog.at_level(logging.INFO, logger="rebound.cache"):
        assert client.get("/applications/").status_code == 200
    assert "The cache is reachable again" in caplog.text
    assert own_redis.keys() > 0


def test_sign_up_and_reset_work_and_the_lock_out_holds_with_the_cache_down(own_redis):
    UserFactory(email="victim@x.test")
    own_redis.stop()
    newcomer = Client()
    r = newcomer.post(
        "/accounts/signup/",
        {"email": "new@x.test", "password1": "a-Long-pass-1", "password2": "a-Long-pass-1"},
    )
    assert r.status_code == 302  # the sign-up limit lets it through rather than fail
    assert Client().post("/accounts/password/reset/", {"email": "victim@x.test"}).status_code == 302
    attacker = Client(REMOTE_ADDR="10.0.0.66")
    for _ in range(5):
        attacker.post("/accounts/login/", {"login": "victim@x.test", "password": "guess"})
    r = attacker.post("/accounts/login/", {"login": "VICTIM@x.test", "password": PASSWORD})
    assert r.status_code == 429 and "Log-in paused for a while" in r.content.decode()
