"""Fixtures for the member area: one of each kind of viewer."""

import pytest

from members.models import MembershipStatus
from tests.members.factories import ProfileFactory, StaffFactory


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
