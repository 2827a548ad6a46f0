"""The test suite: fast hashing, per-process cache, emails kept in memory."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Per test process, so that parallel test processes never retire each other's pages.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "shared": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "shared"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "member_photos": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http"
ACCOUNT_RATE_LIMITS = False
STATIC_ROOT = None  # whitenoise serves from the finders in tests; nothing is collected
WHITENOISE_USE_FINDERS = True
STAFF_REQUIRE_MFA = False  # tests that check MFA for staff turn it on themselves
# Tests see every change at once (many build data with bulk_create, which sends no
# signal); tests/home/test_page_cache.py turns the page cache on where it is the subject.
PAGE_CACHE_ENABLED = False
# Loading the demo translates it into one other language; the tests of the demo's
# translations (tests/home/test_demo_translations.py) turn on all five.
DEMO_TRANSLATION_LANGUAGES = ["zh-hant"]
# Tasks run when they are queued (Django's immediate backend): Wagtail's own index
# updates, queued on every save, then keep search and references current as they do
# with a worker. Emails are still queued only when a request commits (home/emails/),
# which a test's transaction never does unless it asks (`deliver_emails`). Tests of the
# durable queue itself ask for `database_queue` or `run_worker` (tests/conftest.py).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# SQLite: transactions begin EXCLUSIVE, so the database worker claims a task with an
# ordinary atomic block (it can run inside a test's transaction) rather than its own BEGIN.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"].setdefault("OPTIONS", {})["transaction_mode"] = "EXCLUSIVE"  # noqa: F405
# TEST_DATABASE_NAME names the test database on a shared PostgreSQL server (one each,
# such as acn_news), instead of Django's "test_" + the database's name.
if env_str("TEST_DATABASE_NAME"):  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": env_str("TEST_DATABASE_NAME")}  # noqa: F405
