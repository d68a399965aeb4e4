"""The shared cache, as an optimisation: when its Redis can't be reached, Rebound goes on
without it (issue 21).

Django's own RedisCache raises on a connection error, so one unreachable Redis turned the
table, the API and the calendar feed into 500s. This subclass answers every operation as a
cache that has nothing in it and keeps nothing: a miss for reads, False for `add`, nothing
stored for writes, ValueError for `incr` (what Django's caches raise for a missing key). What
relies on it degrades as it should:

- cached fragments (rebound.fragments) are rendered every time;
- rate limits that count in the cache (django-ratelimit's sign-up, password-reset and
  calendar-feed limits with RATELIMIT_FAIL_OPEN, the API's throttles in api.throttling) let
  requests through: they protect capacity and inboxes, not accounts;
- the log-in lock-out counts in the database (django-axes' database handler), so it holds.

One warning is logged when the cache becomes unreachable, one line when it is back. After a
failure the cache is left alone for RETRY_SECONDS, so an unreachable host costs one connect
timeout per process now and then, not one per cache call.
"""

import logging
import time
from collections.abc import Callable
from typing import Any, TypeVar

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

log = logging.getLogger(__name__)

# How long to go on without the cache after it failed, before trying it again.
RETRY_SECONDS = 5.0
UNREACHABLE = (RedisConnectionError, RedisTimeoutError)

T = TypeVar("T")


class ForgivingRedisCache(RedisCache):
    """Django's RedisCache that treats an unreachable Redis as an empty cache."""

    def __init__(self, server: str, params: dict[str, Any]) -> None:
        super().__init__(server, params)
        self._failed_at = 0.0
        self._down = False

    def _guarded(self, operation: str, call: Callable[[], T], fallback: Callable[[], T]) -> T:
        if self._down and time.monotonic() - self._failed_at < RETRY_SECONDS:
            return fallback()
        try:
            result = call()
        except UNREACHABLE as error:
            if not self._down:
                log.warning(
                    "The cache is unreachable (%s on %s); going on without it: pages are "
                    "rendered uncached and rate limits let requests through until it is back.",
                    type(error).__name__,
                    operation,
                )
            self._down = True
            self._failed_at = time.monotonic()
            return fallback()
        if self._down:
            self._down = False
            log.info("The cache is reachable again.")
        return result

    def add(self, key: Any, value: Any, timeout: Any = None, version: Any = None) -> bool:
        return self._guarded(
            "add",
            lambda: super(ForgivingRedisCache, self).add(key, value, timeout, version),
            # "Added" while the cache is down: every caller is a rate limit counting from a
            # new key (django-ratelimit, allauth's lock around its counters), so each lets the
            # request through, as RATELIMIT_FAIL_OPEN asks, instead of refusing everyone.
            _true,
        )

    def get(self, key: Any, default: Any = None, version: Any = None) -> Any:
        return self._guarded(
            "get",
            lambda: super(ForgivingRedisCache, self).get(key, default, version),
            lambda: default,
        )

    def set(self, key: Any, value: Any, timeout: Any = None, version: Any = None) -> None:
        self._guarded(
            "set", lambda: super(ForgivingRedisCache, self).set(key, value, timeout, version), _none
        )

    def touch(self, key: Any, timeout: Any = None, version: Any = None) -> bool:
        return self._guarded(
            "touch", lambda: super(ForgivingRedisCache, self).touch(key, timeout, version), _false
        )

    def delete(self, key: Any, version: Any = None) -> bool:
        return self._guarded(
            "delete", lambda: super(ForgivingRedisCache, self).delete(key, version), _false
        )

    def get_many(self, keys: Any, version: Any = None) -> dict[Any, Any]:
        return self._guarded(
            "get_many", lambda: super(ForgivingRedisCache, self).get_many(keys, version), dict
        )

    def has_key(self, key: Any, version: Any = None) -> bool:
        return self._guarded(
            "has_key", lambda: super(ForgivingRedisCache, self).has_key(key, version), _false
        )

    def incr(self, key: Any, delta: int = 1, version: Any = None) -> int:
        def missing() -> int:
            raise ValueError(f"Key '{key}' not found (the cache is unreachable).")

        return self._guarded(
            "incr", lambda: super(ForgivingRedisCache, self).incr(key, delta, version), missing
        )

    def set_many(self, data: Any, timeout: Any = None, version: Any = None) -> list[Any]:
        return self._guarded(
            "set_many",
            lambda: super(ForgivingRedisCache, self).set_many(data, timeout, version),
            lambda: list(data),
        )

    def delete_many(self, keys: Any, version: Any = None) -> None:
        self._guarded(
            "delete_many",
            lambda: super(ForgivingRedisCache, self).delete_many(keys, version),
            _none,
        )

    def clear(self) -> None:
        self._guarded("clear", lambda: super(ForgivingRedisCache, self).clear(), _none)


def _false() -> bool:
    return False


def _true() -> bool:
    return True


def _none() -> None:
    return None
