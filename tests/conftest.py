"""Shared fixtures: a site with a home page and a programme index, built per test."""

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
    from django.test import Client, TestCase

    request = Client.request

    def committing_request(self, **kwargs):
        with TestCase.captureOnCommitCallbacks(execute=True):
            return request(self, **kwargs)

    monkeypatch.setattr(Client, "request", committing_request)
