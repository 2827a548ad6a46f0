"""Requests and pairs: a mentee asks, staff confirm or decline, either side ends it, and
the pair logs its meetings; each step is audited and emailed."""

from datetime import date

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from members.models import (
    AuditAction,
    Block,
    MentoringMeeting,
    MentorOffer,
    Mentorship,
    MentorshipStatus,
)
from members.services import audit
from members.services.mentoring.matching import (
    MAX_OPEN_REQUESTS,
    MentoringRefused,
    available_offers,
)
from members.services.notify import email_member
from members.services.privacy import member_staff_accounts

# --- Requests and pairs


def open_requests_of(mentee) -> int:
    return Mentorship.objects.filter(mentee=mentee, status=MentorshipStatus.REQUESTED).count()


@transaction.atomic
def request_mentor(mentee, mentor, message: str = "") -> Mentorship:
    """A mentee asks staff to pair them with `mentor`; staff are told by email."""
    if open_requests_of(mentee) >= MAX_OPEN_REQUESTS:
        raise MentoringRefused(
            _("You already have %(count)s requests waiting for staff. Wait for an answer first.")
            % {"count": MAX_OPEN_REQUESTS}
        )
    if not available_offers(mentee).filter(user=mentor).exists():
        raise MentoringRefused(_("This member cannot take a request from you now."))
    mentorship = Mentorship.objects.create(mentor=mentor, mentee=mentee, message=message)
    transaction.on_commit(notify_staff_of_request)
    return mentorship


def mentoring_staff():
    """Active accounts that may confirm pairs: those with the permission to moderate
    members, directly, through a group or as superusers."""
    return member_staff_accounts()


def notify_staff_of_request():
    """Tell staff a request waits, each in their own language; the email names nobody."""
    for person in mentoring_staff():
        email_member(person, "mentoring_request_staff")


def _refuse_unless_requested(mentorship: Mentorship):
    if mentorship.status != MentorshipStatus.REQUESTED:
        raise MentoringRefused(_("This request has already been answered."))


@transaction.atomic
def confirm(mentorship: Mentorship, *, by, programme=None) -> Mentorship:
    """Staff pair a mentee with the mentor they asked for; both are emailed in their own
    language. Refused when the mentor has no room left, stopped offering, or either
    member blocked the other since the request."""
    mentorship = Mentorship.objects.select_for_update().get(pk=mentorship.pk)
    _refuse_unless_requested(mentorship)
    offer = MentorOffer.objects.select_for_update().filter(user=mentorship.mentor_id).first()
    if offer is None or not offer.active:
        raise MentoringRefused(_("The mentor no longer offers mentoring."))
    taken = Mentorship.objects.filter(
        mentor=mentorship.mentor_id, status=MentorshipStatus.ACTIVE
    ).count()
    if taken >= offer.capacity:
        raise MentoringRefused(_("The mentor has no room for another mentee."))
    if Block.objects.filter(
        Q(blocker=mentorship.mentor_id, blocked=mentorship.mentee_id)
        | Q(blocker=mentorship.mentee_id, blocked=mentorship.mentor_id)
    ).exists():
        raise MentoringRefused(_("One of the two has blocked the other."))
    mentorship.status = MentorshipStatus.ACTIVE
    mentorship.confirmed_at = timezone.now()
    mentorship.decided_by = by
    mentorship.programme = programme
    mentorship.save(update_fields=["status", "confirmed_at", "decided_by", "programme"])
    _audit(AuditAction.MENTORING_CONFIRMED, mentorship, by)
    pair_id = mentorship.pk
    transaction.on_commit(lambda: email_pair_confirmed(pair_id))
    return mentorship


def email_pair_confirmed(pair_id: int):
    mentorship = Mentorship.objects.select_related("mentor__profile", "mentee__profile").get(
        pk=pair_id
    )
    for person, partner, role in (
        (mentorship.mentor, mentorship.mentee, "mentor"),
        (mentorship.mentee, mentorship.mentor, "mentee"),
    ):
        email_member(
            person,
            "mentoring_confirmed",
            {
                "mentorship": mentorship,
                "name": person.profile.display_name,
                "partner": partner.profile.display_name,
                "role": role,
            },
        )


def _audit(action: str, mentorship: Mentorship, by):
    """Staff decisions on pairs go into the audit trail, by member number only."""
    audit.record(action, actor=by, subject_ids=(mentorship.mentee_id, mentorship.mentor_id))


@transaction.atomic
def decline(mentorship: Mentorship, *, by) -> Mentorship:
    """Staff do not confirm a request. The mentee is emailed in their language (without
    a reason or the mentor's name) and sees it on their mentoring page."""
    mentorship = Mentorship.objects.select_for_update().get(pk=mentorship.pk)
    _refuse_unless_requested(mentorship)
    mentorship.status = MentorshipStatus.DECLINED
    mentorship.closed_at = timezone.now()
    mentorship.decided_by = by
    mentorship.save(update_fields=["status", "closed_at", "decided_by"])
    _audit(AuditAction.MENTORING_DECLINED, mentorship, by)
    mentee_id = mentorship.mentee_id
    transaction.on_commit(lambda: email_request_declined(mentee_id))
    return mentorship


def email_request_declined(mentee_id: int):
    mentee = get_user_model().objects.select_related("profile").get(pk=mentee_id)
    email_member(mentee, "mentoring_declined", {"name": mentee.profile.display_name})


@transaction.atomic
def withdraw(mentorship: Mentorship, *, mentee) -> Mentorship:
    """A mentee takes back a request staff have not answered yet."""
    mentorship = Mentorship.objects.select_for_update().get(pk=mentorship.pk)
    if mentorship.mentee_id != mentee.pk:
        raise MentoringRefused(_("This is not your request."))
    _refuse_unless_requested(mentorship)
    mentorship.status = MentorshipStatus.WITHDRAWN
    mentorship.closed_at = timezone.now()
    mentorship.save(update_fields=["status", "closed_at"])
    return mentorship


@transaction.atomic
def end(mentorship: Mentorship, *, by) -> Mentorship:
    """Staff end a pair: its meetings stay, for the pair and for the counts."""
    mentorship = Mentorship.objects.select_for_update().get(pk=mentorship.pk)
    if mentorship.status != MentorshipStatus.ACTIVE:
        raise MentoringRefused(_("Only an active pair can be ended."))
    mentorship.status = MentorshipStatus.ENDED
    mentorship.closed_at = timezone.now()
    mentorship.save(update_fields=["status", "closed_at"])
    _audit(AuditAction.MENTORING_ENDED, mentorship, by)
    return mentorship


def log_meeting(mentorship: Mentorship, user, met_on: date, note: str = "") -> MentoringMeeting:
    """Either member of an active pair records a meeting they held (not a future one)."""
    if not mentorship.includes(user):
        raise MentoringRefused(_("Only the two members of a pair can log its meetings."))
    if mentorship.status != MentorshipStatus.ACTIVE:
        raise MentoringRefused(_("Meetings can only be logged while the pair is active."))
    if met_on > timezone.localdate():
        raise MentoringRefused(_("Log a meeting once it has happened."))
    return MentoringMeeting.objects.create(
        mentorship=mentorship, met_on=met_on, note=note, logged_by=user
    )


def pairs_of(user):
    """Pairs (active or ended) and requests a member is part of, newest first, with
    their meeting counts."""
    return (
        Mentorship.objects.filter(Q(mentor=user) | Q(mentee=user))
        .select_related("mentor__profile", "mentee__profile")
        .annotate(meeting_count=Count("meetings"))
        .order_by("-requested_at", "-pk")
    )


def staff_counts() -> dict:
    """The numbers at the top of the staff page: open requests, active pairs, meetings."""
    return Mentorship.objects.aggregate(
        open_requests=Count("pk", filter=Q(status=MentorshipStatus.REQUESTED)),
        active_pairs=Count("pk", filter=Q(status=MentorshipStatus.ACTIVE)),
    ) | {"meetings": MentoringMeeting.objects.count()}
