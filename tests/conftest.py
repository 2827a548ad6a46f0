"""Shared fixtures: a site with a home page and a programme index, built per test."""

import io

import pytest
from django.core.cache import caches
from wagtail.models import Locale, Page, Site

from tests.factories import HomePageFactory, ProgrammeIndexPageFactory


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: the site frame and cached pages of an
    earlier test describe a database that its rollback has undone."""
    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the default language: a request's LocaleMiddleware leaves its
    language active in the thread afterwards, so without this a test that reads a form
    error outside a request would read it in the language of an earlier test's page."""
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture
def home_page(db):
    root = Page.get_first_root_node()
    Page.objects.filter(depth=2).delete()
    root.refresh_from_db()
    home = HomePageFactory(parent=root, locale=Locale.get_default())
    Site.objects.all().delete()
    Site.objects.create(hostname="testserver", port=80, root_page=home, is_default_site=True)
    return home


@pytest.fixture
def programme_index(home_page):
    return ProgrammeIndexPageFactory(parent=home_page)


@pytest.fixture
def immediate_tasks(settings):
    """Tasks run as soon as they are queued (Django's immediate backend) instead of
    waiting in the database queue for a worker, as they do in every other test."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def deliver_emails(immediate_tasks, monkeypatch):
    """Emails arrive in `mail.outbox` as they would in the member's inbox: each request
    of the test client commits, as a real one does, so the sends it queued with
    `transaction.on_commit` run then, at once. Code called outside a request is wrapped
    in `django_capture_on_commit_callbacks(execute=True)` by its test."""
    from django.db import connection
    from django.test import Client, TestCase

    request = Client.request

    def committing_request(self, **kwargs):
        start = len(connection.run_on_commit)
        try:
            with TestCase.captureOnCommitCallbacks(execute=True):
                return request(self, **kwargs)
        finally:
            # Done, as after a real commit: a test's own capture around it must not
            # run them a second time.
            del connection.run_on_commit[start:]

    monkeypatch.setattr(Client, "request", committing_request)


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """`committed(function, *args)` calls it as a command or the worker would, outside
    the test's transaction: what it queued with `transaction.on_commit` runs when it
    returns (with `deliver_emails`, its emails are then in `mail.outbox`)."""

    def call(function, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return function(*args, **kwargs)

    return call


@pytest.fixture
def database_queue(settings):
    """The durable queue of production (django-tasks-db in the test database): a task
    waits there until a worker (`run_worker`) takes it."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def run_worker(database_queue, monkeypatch):
    """`run_worker()` runs the database worker as production does (`manage.py db_worker`)
    until no task is ready. Inside the test's transaction it keeps its connection between
    tasks (in production it drops stale ones, which would end the test's transaction)."""
    from django.core.management import call_command
    from django_tasks_db.management.commands import db_worker

    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)

    def run():
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    return run


@pytest.fixture(scope="session")
def w3c():
    """The W3C HTML checker (tests/w3c.py): `assert w3c(html) == []`. One Java process
    per test worker, started when the first test asks for it."""
    from tests import w3c as checker

    if checker.java() is None:
        pytest.skip("No Java for the W3C checker: apt-get install -y default-jre-headless")
    service = checker.Checker()
    yield service
    service.stop()


@pytest.fixture(scope="module")
def demo_loaded(django_db_setup, django_db_blocker):
    """The demo content, loaded once for the tests of a module that only read it (what
    `load_demo` printed). It lives in a transaction around the module, as Django's
    `TestCase.setUpTestData` does: each test's own transaction is a savepoint inside it,
    so what one test changes is undone before the next, and the module's end undoes the
    demo. Loading it costs seconds; twenty tests reading one copy save minutes."""
    from django.core.management import call_command
    from django.db import transaction

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            out = io.StringIO()
            call_command("load_demo", force=True, stdout=out)
            yield out.getvalue()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
