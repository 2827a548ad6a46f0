"""A member's mentoring in their data download, and what their pairs keep when the account
is deleted (counted, tied to nobody)."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from members.models import (
    MentoringMeeting,
    MentoringWish,
    MentorOffer,
    Mentorship,
    MentorshipStatus,
)
from members.models.mentoring import CONFIRMED_STATUSES
from members.services.mentoring.pairing import pairs_of
from members.services.notify import email_member

# --- The member's data


def export_mentoring(user) -> dict:
    """Everything mentoring holds about a member, for their data download. Meeting notes
    are the pair's own, so both members get them."""
    data = {"offer": None, "wish": None, "pairs": []}
    offer = MentorOffer.objects.filter(user=user).prefetch_related("skill_items__tag").first()
    if offer:
        data["offer"] = {
            "active": offer.active,
            "skills": [item.tag.name for item in offer.skill_items.all()],
            "languages": offer.languages,
            "area": offer.area,
            "capacity": offer.capacity,
            "note": offer.note,
            "shown_on_profile_to": offer.visibility,
        }
    wish = MentoringWish.objects.filter(user=user).prefetch_related("skill_items__tag").first()
    if wish:
        data["wish"] = {
            "skills": [item.tag.name for item in wish.skill_items.all()],
            "languages": wish.languages,
            "area": wish.area,
            "message": wish.message,
        }
    for pair in pairs_of(user).prefetch_related("meetings"):
        data["pairs"].append(
            {
                "role": "mentor" if pair.mentor_id == user.pk else "mentee",
                "partner": pair.partner_name_for(user),
                "status": pair.status,
                "message": pair.message,
                "requested_at": pair.requested_at.isoformat(),
                "confirmed_at": pair.confirmed_at.isoformat() if pair.confirmed_at else None,
                "meetings": [
                    {"met_on": meeting.met_on.isoformat(), "note": meeting.note}
                    for meeting in pair.meetings.all()
                ],
            }
        )
    return data


def forget_mentoring(user, former):
    """Before an account is deleted: the offer, the wish and unanswered requests go.

    Confirmed pairs stay, so that the meetings they held stay counted for the periods
    they were held in (issue 20): the person's side points at `former` (the anonymous
    `FormerMember` their account leaves), and everything the pair wrote (the request's
    message, the meeting notes, which name both people) is erased. An active pair ends
    now, and the other member is told it ended, without the reason.
    """
    pairs = Mentorship.objects.filter(Q(mentor=user) | Q(mentee=user))
    pairs.exclude(status__in=CONFIRMED_STATUSES).delete()
    partners = [
        pair.mentee_id if pair.mentor_id == user.pk else pair.mentor_id
        for pair in pairs.filter(status=MentorshipStatus.ACTIVE)
    ]
    pairs.filter(status=MentorshipStatus.ACTIVE).update(
        status=MentorshipStatus.ENDED, closed_at=timezone.now()
    )
    MentoringMeeting.objects.filter(mentorship__in=pairs).update(note="")
    pairs.update(message="")
    Mentorship.objects.filter(mentor=user).update(mentor=None, former_mentor=former)
    Mentorship.objects.filter(mentee=user).update(mentee=None, former_mentee=former)
    MentorOffer.objects.filter(user=user).delete()
    MentoringWish.objects.filter(user=user).delete()
    for partner_id in partners:
        if partner_id is not None:
            transaction.on_commit(lambda partner_id=partner_id: email_partner_left(partner_id))


def email_partner_left(partner_id: int):
    """Tell a member one of their pairs ended: no reason, and no name of the person who
    left (their account is gone by the time this is sent)."""
    partner = get_user_model().objects.select_related("profile").filter(pk=partner_id).first()
    if partner is None or not partner.is_active:
        return
    email_member(partner, "mentoring_partner_left", {"name": partner.profile.display_name})
