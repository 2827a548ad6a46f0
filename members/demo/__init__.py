"""The member area's demo content, loaded by `manage.py load_demo` (through the
`DEMO_CONTENT` hook members/wagtail_hooks.py registers)."""

from members.demo.events import load_events
from members.demo.members import load_members, load_mentoring


def load_member_area(run):
    """Members first (with their stories), then the events they reply to, then the
    mentoring pairs between them."""
    load_members(run)
    load_events(run)
    load_mentoring(run)
