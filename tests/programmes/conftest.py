"""Fixtures for applications: a programme taking applications on the site, with questions."""

import pytest
from django.core.cache import cache

from programmes.models import ApplicationQuestion
from tests.factories import ProgrammePageFactory


@pytest.fixture(autouse=True)
def clear_rate_limits():
    cache.clear()


@pytest.fixture
def open_programme(programme_index):
    """Open for applications until its deadline in about a month, with three questions."""
    page = ProgrammePageFactory(parent=programme_index, slug="speak-up", applications_on_site=True)
    ApplicationQuestion.objects.bulk_create(
        [
            ApplicationQuestion(
                page=page,
                locale=page.locale,
                sort_order=0,
                label="Why do you want to join?",
                kind="long",
            ),
            ApplicationQuestion(
                page=page,
                locale=page.locale,
                sort_order=1,
                label="Which slot suits you?",
                kind="choice",
                options="Mornings\nAfternoons",
            ),
            ApplicationQuestion(
                page=page,
                locale=page.locale,
                sort_order=2,
                label="Do you need interpreting?",
                kind="yes-no",
                required=False,
            ),
        ]
    )
    return page


def answers_for(page, **overrides):
    """A complete, valid application form for `page`."""
    questions = list(page.application_questions.order_by("sort_order"))
    data = {
        "name": "Amira Example",
        "email": "amira@example.org",
        "phone": "",
        "home_area": "england-north-west",
        "languages": "Arabic, English",
        "website": "",
        "consent": "on",
        f"question_{questions[0].pk}": "I want to change my street.",
        f"question_{questions[1].pk}": "Afternoons",
        f"question_{questions[2].pk}": "yes",
    }
    data.update(overrides)
    return data
