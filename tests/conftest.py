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
