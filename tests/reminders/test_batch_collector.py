"""A worker sends a batch with Python's cyclic garbage collector off (its passes over a
batch's short-lived objects were 4% of a worker's CPU per email), and on again after it,
whatever happens in it; a collector something else turned off stays off."""

import datetime as dt
import gc
from collections.abc import Iterator
from typing import Any, cast

import pytest
from django.utils import timezone

from demo.bulk import due_check_ins
from rebound.models import User
from reminders import dispatch_services
from reminders.dispatch_services import reminders_claim_due
from reminders.models import Reminder
from reminders.tasks import send_reminders
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def collector_state() -> Iterator[None]:
    was = gc.isenabled()
    yield
    if was:
        gc.enable()
    else:
        gc.disable()


def _claimed(n: int) -> tuple[list[int], str]:
    users = cast("list[User]", [UserFactory(email=f"g{i}@example.com") for i in range(2)])
    due_check_ins(users, n, timezone.now() - dt.timedelta(minutes=1))
    ids, token = reminders_claim_due()
    return ids, str(token)


def _watch(monkeypatch: pytest.MonkeyPatch, *, fail: bool = False) -> list[bool]:
    seen: list[bool] = []
    prepare = dispatch_services._prepare

    def watched(*args: Any) -> Any:
        seen.append(gc.isenabled())
        if fail:
            raise RuntimeError("broken")
        return prepare(*args)

    monkeypatch.setattr(dispatch_services, "_prepare", watched)
    return seen


def test_the_collector_is_off_while_a_batch_is_sent_and_on_after(
    smtp_sink: Any, monkeypatch: pytest.MonkeyPatch, collector_state: None
) -> None:
    gc.enable()
    ids, token = _claimed(3)
    seen = _watch(monkeypatch)
    assert send_reminders(ids, token) == {"sent": 3}
    assert seen == [False] * 3
    assert gc.isenabled()
    assert Reminder.objects.filter(pk__in=ids, status="sent").count() == 3
    assert len(smtp_sink.messages) == 3


def test_it_is_on_again_when_a_batch_fails(
    smtp_sink: Any, monkeypatch: pytest.MonkeyPatch, collector_state: None
) -> None:
    gc.enable()
    ids, token = _claimed(2)
    seen = _watch(monkeypatch, fail=True)
    with pytest.raises(RuntimeError):
        send_reminders(ids, token)
    assert seen == [False]
    assert gc.isenabled()


def test_a_collector_turned_off_elsewhere_stays_off(
    smtp_sink: Any, monkeypatch: pytest.MonkeyPatch, collector_state: None
) -> None:
    gc.disable()
    ids, token = _claimed(2)
    seen = _watch(monkeypatch)
    assert send_reminders(ids, token) == {"sent": 2}
    assert seen == [False, False]
    assert not gc.isenabled()
