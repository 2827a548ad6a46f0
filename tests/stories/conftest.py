"""Fixtures for the stories tests: a story index under the shared home page."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from tests.stories.factories import StoryIndexPageFactory


@pytest.fixture
def story_index(home_page):
    return StoryIndexPageFactory(parent=home_page)


def _member_of(group_name, email):
    user = get_user_model().objects.create_user(
        email=email, password="a-long-test-password", first_name=group_name[:-1]
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(db):
    return _member_of("Editors", "editor@example.org")


@pytest.fixture
def moderator(db):
    return _member_of("Moderators", "moderator@example.org")
