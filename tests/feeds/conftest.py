"""Fixtures the feed's tests share."""

import icalendar
import pytest


@pytest.fixture
def made(monkeypatch) -> list[str]:
    """The UIDs of the events icalendar serialises, in order (a spy on the library)."""
    calls: list[str] = []
    to_ical = icalendar.Event.to_ical

    def counting(self, *args, **kwargs):
        calls.append(str(self["uid"]))
        return to_ical(self, *args, **kwargs)

    monkeypatch.setattr(icalendar.Event, "to_ical", counting)
    return calls
