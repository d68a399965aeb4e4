"""The calendar feed's parts, kept chunk by chunk under the digests of their rows
(feeds.digests), so that the first fetch after a change builds only what the change touched.

A part (the interviews, the to-dos, the scheduled and the cancelled reminders) is a read, in
order, and each of its rows makes one or more events; its chunks are runs of CHUNK rows in
that order. A chunk whose digest is in the cache is read whole; one that isn't is built, its
events' bytes still read one by one from their own cache (feeds.calendar._serialised). Rows are
read in at most two queries a part whatever its size: the missing chunks' rows when one or two
chunks are missing, else the whole part's, cut here."""

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from django.core.cache.backends.base import BaseCache

from .digests import CHUNK

# A chunk's key holds the day (its rows decide it within a day): a day bounds it.
CHUNK_SECONDS = 24 * 3600


class Event(Protocol):
    modified: dt.datetime


@dataclass(frozen=True)
class Part:
    """A part's name and its rows' events: `rows(start, stop)` gives, for each of the read's
    rows from `start` to `stop` (None: to its end), the events it makes."""

    name: str
    rows: Callable[[int, int | None], list[list[Any]]]


@dataclass
class Built:
    chunks: list[bytes]
    keys: list[str]  # each chunk's, in order ("" for one of a part no digest can stand for)
    modified: dt.datetime | None


def build(
    parts: Sequence[Part],
    digests: Sequence[list[str] | None],
    *,
    prefix: str,
    cache: BaseCache,
    serialised: Callable[[list[Any]], list[bytes]],
) -> Built:
    """The parts' bytes, chunk by chunk, from the cache where each chunk's digest is kept, made
    where it isn't (and kept); `digests` as feeds.digests.Digests answers, a part's None when
    no digest can stand for it (it is made whole every time, and not kept)."""
    keys = [
        None if found is None else [f"{prefix}:{part.name}:{digest}" for digest in found]
        for part, found in zip(parts, digests, strict=True)
    ]
    wanted = [key for part_keys in keys if part_keys for key in part_keys]
    kept = cache.get_many(wanted) if wanted else {}
    # Per part, the rows of each chunk to make: (part, its chunk's index or None, its rows).
    to_make: list[tuple[int, int | None, list[list[Any]]]] = []
    for index, (part, part_keys) in enumerate(zip(parts, keys, strict=True)):
        if part_keys is None:
            to_make.append((index, None, part.rows(0, None)))
            continue
        missing = [n for n, key in enumerate(part_keys) if key not in kept]
        if missing and len(missing) <= 2 and len(missing) < len(part_keys):
            for chunk in missing:
                to_make.append((index, chunk, part.rows(chunk * CHUNK, (chunk + 1) * CHUNK)))
        elif missing:
            rows = part.rows(0, None)
            for chunk in missing:
                to_make.append((index, chunk, rows[chunk * CHUNK : (chunk + 1) * CHUNK]))
    # Every missing chunk's events made and serialised together (one cache read, one write).
    events = [event for _i, _n, rows in to_make for row in rows for event in row]
    made_bytes = iter(serialised(events) if events else [])
    made: dict[tuple[int, int | None], tuple[bytes, dt.datetime | None]] = {}
    for index, n, rows in to_make:
        shown = [event for row in rows for event in row]
        made[(index, n)] = (
            b"".join(next(made_bytes) for _event in shown),
            max((event.modified for event in shown), default=None),
        )
    chunks: list[bytes] = []
    chunk_keys: list[str] = []
    latest: list[dt.datetime] = []
    to_keep = {}
    for index, part_keys in enumerate(keys):
        for n, key in enumerate(part_keys if part_keys is not None else [None]):
            stored = kept.get(key) if key else None
            if stored is None:
                stored = made[(index, n if key else None)]
                if key:
                    to_keep[key] = stored
            chunks.append(stored[0])
            chunk_keys.append(key or "")
            if stored[1] is not None:
                latest.append(stored[1])
    if to_keep:
        cache.set_many(to_keep, CHUNK_SECONDS)
    return Built(chunks, chunk_keys, max(latest, default=None))


def kept(keys: Sequence[str], cache: BaseCache) -> list[bytes] | None:
    """The chunks of a feed built before, by their keys, or None if the cache lost one."""
    found = cache.get_many(keys) if keys else {}
    if len(found) < len(keys):
        return None
    return [found[key][0] for key in keys]
