"""What the feed's digests read, off the statement they run (feeds.digests): the tables and
columns that decide the feed, for the tests that hold them watched and stamped."""

import re

from feeds import calendar
from feeds.digests import statement

from .test_feed_sections import LATER


def columns_read() -> dict[str, set[str]]:
    """{table: its columns} as the digests' statement names them (`"table"."column"`, or
    through a subquery's alias, `V0."column"`)."""
    since = calendar.window_start(LATER)
    sql, _params = statement(calendar._sources(1, since, since.date()))
    aliases = {alias: table for table, alias in re.findall(r'"(\w+)" ([A-Z]\d+)\b', sql)}
    read: dict[str, set[str]] = {}
    for table, column in re.findall(r'"(\w+)"\."(\w+)"', sql):
        read.setdefault(table, set()).add(column)
    for alias, column in re.findall(r'\b([A-Z]\d+)\."(\w+)"', sql):
        read.setdefault(aliases[alias], set()).add(column)
    assert set(read) == set(re.findall(r'(?:FROM|JOIN) "(\w+)"', sql))  # every table read
    return read
