"""The rollup's triggers are checked like the data version's (rebound.E002): a dropped one is
named, and `check` fails."""

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.db import connection

from insights import checks

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the triggers are PostgreSQL's"),
]


def test_it_passes_with_every_trigger():
    assert checks.check_rollup_triggers(databases=["default"]) == []


def test_it_names_a_trigger_that_was_dropped():
    # The test's transaction rolls the DROP back (PostgreSQL's DDL is transactional).
    with connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER insights_rollup_app_update ON applications_application")
    errors = checks.check_rollup_triggers(databases=["default"])
    assert [error.id for error in errors] == ["insights.E001"]
    assert "insights_rollup_app_update" in errors[0].msg
    with pytest.raises(SystemCheckError, match="insights_rollup_app_update"):
        call_command("check", databases=["default"])


def test_it_names_a_dropped_trigger_of_the_assessments_rollup_too():
    with connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER insights_assessed_iv_update ON interviews_interview")
    errors = checks.check_rollup_triggers(databases=["default"])
    assert [error.id for error in errors] == ["insights.E001"]
    assert "insights_assessed_iv_update" in errors[0].msg
    assert "insights_rollup" not in errors[0].msg  # the timelines' are all there
