"""The five kinds of viewer of the member area and the story index, shared with its tests."""

from tests.members.conftest import (  # noqa: F401 - fixtures, registered by import
    another_member,
    approved_member,
    pending_member,
    staff,
    story_index,
    viewers,
)
from tests.programmes.conftest import open_programme  # noqa: F401, E402 - fixture
