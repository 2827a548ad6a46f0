"""A Redis cache that degrades instead of failing (issue 16 §3).

Django's own `RedisCache`, except that a Redis that cannot be reached is a cache that
holds nothing: reads miss, writes are dropped, `add` adds nothing, `incr` finds no key.
Every page then renders from the database (slower, never a 500), and whatever counts
in the cache refuses rather than allows: allauth's rate limits take a lock with `add`
before they count, so while Redis is down a rate-limited action (sign-up, password
reset, applications, the newsletter) is refused with a clear page, never let through
unlimited (`home.views.rate_limited`).

After one failure the process stops asking Redis for `RETRY_AFTER_SECONDS`, so a Redis
that is down (or a host that drops packets, bounded by the socket timeouts in
settings) costs each process one attempt every few seconds, not one per cache call.
`/healthz` asks Redis itself every time (`probe`), so it sees Redis return at once, and
its success lets the process use Redis again.
"""

from __future__ import annotations

import logging
import time

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 5.0
UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)

# Per process and Redis location: until when Redis is taken to be down. Shared by the
# threads and the cache aliases of a process that point at the same server.
_down_until: dict[str, float] = {}


def _guarded(name: str, fallback):
    """`RedisCache.<name>`, answering `fallback` when Redis cannot be reached."""
    parent = getattr(RedisCache, name)

    def method(self, *args, **kwargs):
        return self._attempt(lambda: parent(self, *args, **kwargs), fallback)

    method.__name__ = name
    method.__doc__ = parent.__doc__
    return method


class ResilientRedisCache(RedisCache):
    """`django.core.cache.backends.redis.RedisCache` where a Redis that does not answer
    is an empty cache. Only connection failures are absorbed; any other error (a bad
    value, a Redis that refuses a command) still raises."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._location = ",".join(self._servers)

    @property
    def is_failing(self) -> bool:
        """True while this process takes Redis to be down (it failed within the last
        `RETRY_AFTER_SECONDS`)."""
        return _down_until.get(self._location, 0.0) > time.monotonic()

    def probe(self) -> bool:
        """Whether Redis answers now, asked even while taken to be down; an answer ends
        the pause at once, a failure starts one."""
        _down_until.pop(self._location, None)
        key = "healthz:probe"
        self.set(key, "1", timeout=10)
        return self.get(key) == "1"

    def _attempt(self, operation, fallback):
        if self.is_failing:
            return fallback
        try:
            return operation()
        except UNREACHABLE:
            if not self.is_failing:
                logger.warning("Redis does not answer; serving without the cache", exc_info=True)
            _down_until[self._location] = time.monotonic() + RETRY_AFTER_SECONDS
            return fallback

    add = _guarded("add", False)
    set = _guarded("set", None)
    touch = _guarded("touch", False)
    delete = _guarded("delete", False)
    has_key = _guarded("has_key", False)
    delete_many = _guarded("delete_many", None)
    clear = _guarded("clear", False)

    def get(self, key, default=None, version=None):  # a miss answers `default`
        return self._attempt(lambda: RedisCache.get(self, key, default, version), default)

    def get_many(self, keys, version=None):
        return self._attempt(lambda: RedisCache.get_many(self, keys, version), None) or {}

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        # Django's contract: the keys that could not be stored.
        return self._attempt(lambda: RedisCache.set_many(self, data, timeout, version), list(data))

    def incr(self, key, delta=1, version=None):
        missing = object()
        value = self._attempt(lambda: RedisCache.incr(self, key, delta, version), missing)
        if value is missing:
            # What Django raises for a key that is not there: nothing is counted.
            raise ValueError(f"Key '{key}' not found (the cache does not answer)")
        return value


def cache_is_failing(alias: str = "default") -> bool:
    """Whether this process currently takes the cache `alias` to be unreachable (only a
    `ResilientRedisCache` can be; memory and file caches always answer)."""
    if alias not in settings.CACHES:
        return False
    return bool(getattr(caches[alias], "is_failing", False))
