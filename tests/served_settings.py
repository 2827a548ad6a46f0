"""Settings for tests that serve the site from real gunicorn workers: the defaults as
deployed on one machine (no REDIS_URL, page cache on, DEBUG off), over plain HTTP on
loopback, with the database and VAR_DIR given in the environment. Only what a loopback
run needs differs from `base`; the caches, the page cache and the content version are
exactly as deployed."""

from network_site.settings.base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = False
STAFF_REQUIRE_MFA = False
# Outermost, so that cached pages say which worker served them too.
MIDDLEWARE = ["tests.worker_header.worker_header", *MIDDLEWARE]  # noqa: F405
# Errors (with their trace) go to gunicorn's log, which the test shows when it fails.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "ERROR"},
}
