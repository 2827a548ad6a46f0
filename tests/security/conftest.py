"""The five kinds of viewer of the member area and the story index, shared with its tests."""

from tests.members.conftest import (  # noqa: F401 - fixtures, registered by import
    another_member,
    approved_member,
    pending_member,
    staff,
    story_index,
    viewers,
)
