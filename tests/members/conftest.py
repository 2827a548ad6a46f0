"""Fixtures for the member area: one of each kind of viewer."""

import pytest

from members.models import MembershipStatus
from tests.members.factories import ProfileFactory, StaffFactory, UserFactory


@pytest.fixture
def approved_member(home_page):
    return ProfileFactory(display_name="Approved Viewer").user


@pytest.fixture
def another_member(home_page):
    return ProfileFactory(display_name="Another Member").user


@pytest.fixture
def pending_member(home_page):
    return ProfileFactory(display_name="Pending Person", status=MembershipStatus.PENDING).user


@pytest.fixture
def staff(home_page):
    return StaffFactory()


@pytest.fixture
def viewers(approved_member, another_member, pending_member, staff):
    return {
        "anonymous": None,
        "pending": pending_member,
        "approved": approved_member,
        "another": another_member,
        "staff": staff,
    }


@pytest.fixture
def story_index(home_page):
    """The story index member submissions go under (it carries the "Story review" workflow)."""
    from tests.stories.factories import StoryIndexPageFactory

    return StoryIndexPageFactory(parent=home_page)


@pytest.fixture
def moderator(db):
    from django.contrib.auth.models import Group

    user = UserFactory(email="moderator@example.org", first_name="Morgan")
    user.groups.add(Group.objects.get(name="Moderators"))
    return user
