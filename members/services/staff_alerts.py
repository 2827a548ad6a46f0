"""The staff alerts the member area raises (home/staff_alerts.py sends them): a new
member waiting for approval, an event proposed or sent back to review, and a report.
Those who hear are the accounts with staff sight of members
(`privacy.member_staff_accounts`). The emails name no member: staff see who it is in
the admin, behind their permission and second factor."""

from django.urls import reverse

from home.staff_alerts import alert
from members.services.privacy import member_staff_accounts

PENDING_MEMBER = "members.pending_member"
EVENT_PROPOSED = "members.event_proposed"
MEMBER_REPORTED = "members.member_reported"


def member_waiting(profile):
    """A new account verified its address and waits for staff approval."""
    alert(PENDING_MEMBER, member_staff_accounts(), {"admin_path": reverse("members_admin:pending")})


def event_waiting(event, *, changed: bool = False):
    """A member proposed `event`, or changed a published one (`changed`), which then
    waits for staff to publish it."""
    alert(
        EVENT_PROPOSED,
        member_staff_accounts().exclude(pk=event.organiser_id),
        {
            "admin_path": reverse("members_admin:proposed_events"),
            "title": event.title,
            "language": event.language,
            "changed": changed,
        },
    )


def report_waiting(report):
    """A member reported a profile."""
    alert(
        MEMBER_REPORTED,
        member_staff_accounts().exclude(pk=report.reporter_id),
        {"admin_path": reverse("members_admin:reports")},
    )
