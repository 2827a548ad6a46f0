"""The five kinds of viewer of the member area, shared with its tests."""

from tests.members.conftest import (  # noqa: F401 - fixtures, registered by import
    another_member,
    approved_member,
    pending_member,
    staff,
    viewers,
)
from tests.members.conftest import story_index  # noqa: E402, F401
