import pytest

from rebound.models import User
from tests.people.histories import History, make_history


@pytest.fixture
def history(alice: User) -> History:
    """Hana's history with Alice (tests/people/histories.py)."""
    return make_history(alice)
