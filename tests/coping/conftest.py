"""Fixtures the coping tests share."""

import pytest

from applications.pipeline import Status
from coping.models import CopingPlan
from rebound.models import User
from tests.factories import ApplicationFactory, CompanyFactory, ContactFactory, reject


@pytest.fixture
def plan(alice: User) -> CopingPlan:
    """The plan Acme's rejection opens: Alice was interviewing there; Hana Ito is their HR.
    A module whose plan needs other dates defines its own."""
    application = ApplicationFactory(
        company=CompanyFactory(owner=alice, name="Acme"), status=Status.INTERVIEWING
    )
    ContactFactory(
        company=application.company, kind="hr", name="Hana Ito", email="hana@acme.example"
    )
    return reject(application)
