"""System checks for a deployment, shown by `manage.py check` and every other command."""

from django.conf import settings
from django.core.checks import Tags, Warning, register

PROCESS_LOCAL_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
}


@register(Tags.caches)
def workers_share_a_cache(app_configs, **kwargs):
    """Several gunicorn workers with a per-process cache each keep their own page cache,
    site frame and rate-limit counts: a change retires the cached pages of one worker
    only, and a visitor gets a worker's limit, not the site's."""
    backend = settings.CACHES["default"]["BACKEND"]
    workers = getattr(settings, "WEB_CONCURRENCY", 1)
    if workers > 1 and backend in PROCESS_LOCAL_CACHES:
        return [
            Warning(
                f"WEB_CONCURRENCY is {workers}, but the cache is local to each process: "
                "the workers share no page cache and no rate limits.",
                hint="Set REDIS_URL (redis://127.0.0.1:6379/0 with Debian's redis-server), "
                "or WEB_CONCURRENCY=1.",
                id="home.W001",
            )
        ]
    return []
