"""Settings for the load test and the drill: production-like (DEBUG off, page cache on,
real password hashing is not the point so a fast hasher) over plain HTTP on loopback.
production.py is left as it is: it insists on HTTPS, which a loopback run cannot give."""

from network_site.settings.dev import *  # noqa: F403

DEBUG = False
ALLOWED_HOSTS = ["localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = False
STAFF_REQUIRE_MFA = False
# Errors (with their trace) go to gunicorn's log, never to the client.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "ERROR"},
}
