"""Shared fixtures: a site with a home page and a programme index, built per test."""

import pytest
from wagtail.models import Locale, Page, Site

from tests.factories import HomePageFactory, ProgrammeIndexPageFactory


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
