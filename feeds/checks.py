"""A system check for the feed's own version's triggers (feeds.stamps): without them a
calendar's copy of the feed would not see the rows it shows change, silently."""

from typing import Any

from django.core.checks import Error, Tags, register
from django.db import DatabaseError, connections

from rebound import triggers

from . import stamps


@register(Tags.database)
def check_stamp_triggers(databases: Any = None, **kwargs: Any) -> list[Error]:
    """Runs with `migrate` and `check --database default`, as rebound.E002 does for the data
    version's triggers: for the tables the applied migrations stamp."""
    errors: list[Error] = []
    for alias in databases or []:
        connection = connections[alias]
        try:
            stamped = stamps.stamped_columns(triggers.applied_migrations(connection))
            lacking = triggers.lacking(
                connection, [name for table in stamped for name in stamps.trigger_names(table)]
            )
        except DatabaseError:
            continue  # not migrated yet: nothing is stamped
        if lacking:
            errors.append(
                Error(
                    f"Database triggers missing: {', '.join(lacking)}; calendars would keep "
                    "their copy of the feed when what it shows changes.",
                    hint="Make them again: `manage.py migrate --skip-checks feeds "
                    "0003_watch_line_subjects`, then `manage.py migrate`.",
                    id="feeds.E001",
                )
            )
    return errors
