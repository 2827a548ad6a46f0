"""Settings for the load test and the drill: production-like (DEBUG off, page cache on,
real password hashing is not the point so a fast hasher) over plain HTTP on loopback.
production.py is left as it is: it insists on HTTPS, which a loopback run cannot give."""

import os

from network_site.settings.dev import *  # noqa: F403

DEBUG = False
ALLOWED_HOSTS = ["localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Preparing the data (migrate, load_demo) runs its tasks (Wagtail's index updates) at
# once, so the drill's worker starts on an empty queue rather than behind thousands.
if os.environ.get("LOADTEST_IMMEDIATE_TASKS"):
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# The fault drill (loadtest/faults.py) sends to its own SMTP server on loopback.
if os.environ.get("DRILL_SMTP_PORT"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = "127.0.0.1"
    EMAIL_PORT = int(os.environ["DRILL_SMTP_PORT"])
    EMAIL_HOST_USER = EMAIL_HOST_PASSWORD = ""
    EMAIL_USE_TLS = EMAIL_USE_SSL = False
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
