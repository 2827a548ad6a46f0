"""A member's data, their choice: download everything held about them, or delete it.

The member area's own parts (stories submitted, event replies, mentoring) are built and
removed here by plain calls. The publishing apps, which cannot import members/, add
what they hold through two project hooks (home/hooks.py): `MEMBER_DATA_EXPORT` adds
sections to the download, and `MEMBER_ACCOUNT_DELETING` removes or anonymises their
rows before the account goes (stories keep published text under "a former member").

What a person did stays counted after they leave (issue 20: a figure for a closed period
never changes): their mentoring pairs and meetings, their cohort place and attendance,
and the period they were a member stay, tied to nobody.
"""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from wagtail import hooks

from home.emails import forget_address
from home.hooks import MEMBER_ACCOUNT_DELETING, MEMBER_DATA_EXPORT
from members.models import (
    AuditAction,
    Event,
    EventReply,
    EventState,
    FormerMember,
    Invitation,
    LoginRecord,
    MembershipStatus,
    Mentorship,
    Profile,
    ReplyStatus,
    Report,
)
from members.models.mentoring import CONFIRMED_STATUSES
from members.services import audit, conversations, story_submission
from members.services import newsletter as member_newsletter
from members.services.events import rsvp
from members.services.mentoring import pairs as mentoring


def _iso(value):
    return value.isoformat() if value else None


def export_member_data(user) -> dict:
    """Everything held about `user`, as plain JSON-ready data."""
    data = {
        "account": {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "date_joined": _iso(user.date_joined),
            "last_login": _iso(user.last_login),
            "email_addresses": [
                {"email": address.email, "verified": address.verified, "primary": address.primary}
                for address in user.emailaddress_set.all()
            ],
            "two_factor_methods": [item.type for item in user.authenticator_set.all()],
        },
        "profile": None,
        "consents": {},
        # Each conversation with the other member's display name and only the words
        # this member wrote: the other person's messages are theirs.
        "conversations": conversations.export_for(user),
        "blocked_members": [
            block.blocked.profile.display_name
            for block in user.blocks_made.select_related("blocked__profile")
        ],
        "reports_made": [
            {"reported_at": _iso(report.created_at), "reason": report.reason}
            for report in Report.objects.filter(reporter=user)
        ],
        "login_history": [_iso(record.at) for record in LoginRecord.objects.filter(user=user)],
    }
    profile = Profile.objects.filter(user=user).first()
    if profile:
        data["profile"] = {
            "membership": profile.status,
            "display_name": profile.display_name,
            "pronouns": profile.pronouns,
            "headline": profile.headline,
            "bio": profile.bio,
            "photo": profile.photo.name or None,
            "home_area": profile.home_area,
            "interests": profile.interests,
            "skills": [item.tag.name for item in profile.skill_items.select_related("tag")],
            "languages": [language.code for language in profile.languages.all()],
            "programmes": [
                {
                    "programme": claim.programme.title,
                    "cohort": claim.cohort,
                    "confirmed": claim.confirmed,
                }
                for claim in profile.claims.select_related("programme")
            ],
            "links": profile.link_list,
            "visibility": {
                "profile": profile.visibility,
                "photo": profile.photo_visibility,
                "home_area": profile.home_area_visibility,
                "programmes": profile.programmes_visibility,
                "links": profile.links_visibility,
                "cohorts": profile.cohorts_visibility,
            },
            "preferred_language": profile.preferred_language,
        }
        data["consents"] = {
            "privacy_notice_version": profile.privacy_notice_version,
            "privacy_notice_accepted_at": _iso(profile.privacy_consented_at),
            "staff_export": profile.staff_export_consent,
        }
    data.setdefault("consents", {})["newsletter"] = member_newsletter.export_choice(user)
    for add_section in hooks.get_hooks(MEMBER_DATA_EXPORT):
        data.update(add_section(user) or {})
    data["stories"] = story_submission.export_submissions(user)
    data["event_replies"] = export_event_replies(user)
    data["mentoring"] = mentoring.export_mentoring(user)
    audit.record(AuditAction.EXPORTED, actor=user, subject_id=user.pk)
    return data


def export_event_replies(user) -> list[dict]:
    """A member's replies to events, for their data download."""
    replies = EventReply.objects.filter(user=user).select_related("event").order_by("replied_at")
    return [
        {
            "event": reply.event.title,
            "starts_at": reply.event.starts_at.isoformat(),
            "status": reply.status,
            "show_name": reply.show_name,
            "replied_at": reply.replied_at.isoformat(),
        }
        for reply in replies
    ]


def remove_event_replies(user):
    """A leaving member's replies go (freeing their places for the waitlist), except a
    place at an event already held, which stays counted without them; events they
    organised are handed to staff (`hand_events_to_staff`)."""
    EventReply.objects.filter(
        user=user,
        status=ReplyStatus.CONFIRMED,
        event__state=EventState.PUBLISHED,
        event__ends_at__lte=timezone.now(),
    ).update(user=None, show_name=False)
    confirmed = EventReply.objects.filter(user=user, status=ReplyStatus.CONFIRMED)
    for reply in confirmed.select_related("event"):
        rsvp.give_up_place(reply.event, user)
    EventReply.objects.filter(user=user).delete()


def leave_former_member(user, profile) -> FormerMember | None:
    """The anonymous record a deleted account leaves, when there is history to keep: the
    period the person was an approved member (network member figures count it), or a
    confirmed mentoring pair (whose meetings stay counted). Holds nothing else."""
    member_since = None
    if profile and profile.status == MembershipStatus.APPROVED and user.is_active:
        member_since = profile.status_changed_at or profile.created_at
    paired = Mentorship.objects.filter(
        Q(mentor=user) | Q(mentee=user), status__in=CONFIRMED_STATUSES
    ).exists()
    if member_since is None and not paired:
        return None
    return FormerMember.objects.create(member_since=member_since)


def hand_events_to_staff(user):
    """Events a leaving member organised are handed to staff, never left public without
    an organiser. One that has not ended goes back, unpublished, to staff's queue of
    proposed events (staff take it over by publishing it, or cancel it; replies stay
    until they decide). One already over stays published, as part of what the network
    held, with a member of staff as its organiser."""
    organised = Event.objects.filter(organiser=user)
    now = timezone.now()
    organised.filter(ends_at__gt=now).exclude(
        state__in=[EventState.CANCELLED, EventState.DECLINED]
    ).update(state=EventState.PROPOSED, organiser=None, updated_at=now)
    staff = mentoring.mentoring_staff().exclude(pk=user.pk).first()
    organised.filter(ends_at__lte=now).update(organiser=staff)


@transaction.atomic
def delete_member(user):
    """Remove the account and everything personal; keep a numbered audit entry and the
    anonymous history that figures count (see `leave_former_member`)."""
    user_id = user.pk
    for before_delete in hooks.get_hooks(MEMBER_ACCOUNT_DELETING):
        before_delete(user)
    story_submission.forget_submitter(user)
    remove_event_replies(user)
    profile = Profile.objects.filter(user=user).first()
    mentoring.forget_mentoring(user, leave_former_member(user, profile))
    hand_events_to_staff(user)
    if profile and profile.photo:
        profile.photo.delete(save=False)
    # Their messages go; the other person keeps their own, from "a former member".
    conversations.forget_member(user)
    # Invitations hold their address.
    Invitation.objects.filter(email__iexact=user.email).delete()
    # Nothing still waiting goes to the address, such as the "given up" emails the
    # hooks above queued while giving up the member's places.
    forget_address(user.email)
    user.delete()
    audit.record(AuditAction.DELETED, actor=None, subject_id=user_id)
