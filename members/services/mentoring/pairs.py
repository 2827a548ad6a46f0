"""Mentoring rules: which mentors a mentee is offered and in what order, asking for one,
staff confirming, declining or ending a pair, logging meetings, and what the network
counts for programmes' live impact figures.

Called by the member views, the staff views in the Wagtail admin, the demo and the
impact counters alike.

Programmes and mentoring: a pair may be linked to a programme (staff choose it when they
confirm a pair made within that programme's cohort). A programme's mentoring figures
count only the pairs linked to it, so a funder report never claims mentoring that the
programme did not deliver; pairs made across the network count when no programme is
given.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Count, Exists, F, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from home.areas import areas_near
from members.models import (
    AuditAction,
    Block,
    MembershipStatus,
    MentoringMeeting,
    MentoringWish,
    MentorOffer,
    Mentorship,
    MentorshipStatus,
)
from members.models.mentoring import CONFIRMED_STATUSES, OPEN_STATUSES
from members.services import audit
from members.services.notify import email_member
from members.services.privacy import audience_of, levels_visible_to, member_staff_accounts

# How many open requests a mentee may have at once, and how many suggestions a page shows.
MAX_OPEN_REQUESTS = 3
SUGGESTIONS_SHOWN = 20

# Area closeness, the last part of a match score.
AREA_SAME = 2
AREA_NEAR = 1
AREA_ELSEWHERE = 0


class MentoringRefused(Exception):
    """A request, confirmation or meeting that the rules do not allow; the message says
    why, for the person who tried."""


# --- Ranking: pure functions over plain values, so their order can be tested by hand.


@dataclass(frozen=True)
class MatchWish:
    """What a mentee is looking for: skill ids, language codes and an area slug."""

    skills: frozenset = frozenset()
    languages: frozenset = frozenset()
    area: str = ""


@dataclass(frozen=True)
class MatchMentor:
    """A mentor as the ranking sees them: a key to find them again, a name for stable
    ties, and what they offer."""

    key: object
    name: str
    skills: frozenset = frozenset()
    languages: frozenset = frozenset()
    area: str = ""


def area_closeness(wanted: str, offered: str) -> int:
    """AREA_SAME for the same area, AREA_NEAR for a neighbouring one (as `areas_near`
    says: bordering regions, bordering London boroughs, a borough and Greater London),
    AREA_ELSEWHERE otherwise or when either side gave no area."""
    if not wanted or not offered:
        return AREA_ELSEWHERE
    if wanted == offered:
        return AREA_SAME
    if offered in areas_near(wanted):
        return AREA_NEAR
    return AREA_ELSEWHERE


def match_score(wish: MatchWish, mentor: MatchMentor) -> tuple[int, int, int]:
    """How well a mentor fits a wish, compared as a tuple: first the number of skills
    they share, then the number of languages they share, then area closeness. One more
    shared skill outweighs any number of languages; one more language outweighs the area."""
    return (
        len(wish.skills & mentor.skills),
        len(wish.languages & mentor.languages),
        area_closeness(wish.area, mentor.area),
    )


def rank_mentors(wish: MatchWish, mentors) -> list[tuple[MatchMentor, tuple[int, int, int]]]:
    """Mentors from best to worst fit, each with its score. Equal scores are ordered by
    name (case-insensitive) and then key, so the order never depends on the database."""
    scored = [(mentor, match_score(wish, mentor)) for mentor in mentors]
    scored.sort(
        key=lambda item: (
            tuple(-part for part in item[1]),
            item[0].name.casefold(),
            str(item[0].key),
        )
    )
    return scored


# --- Who may be suggested


def blocked_either_way(user) -> Q:
    """Offers whose member blocked `user`, or whom `user` blocked."""
    return Q(
        Exists(Block.objects.filter(blocker=user, blocked=OuterRef("user_id")))
        | Exists(Block.objects.filter(blocker=OuterRef("user_id"), blocked=user))
    )


def available_offers(mentee):
    """Offers `mentee` may ask: active, from an approved and active member whose profile
    `mentee` may see, not their own, no block either way, not at capacity, and not already
    paired with or asked by them."""
    active_pairs = Count(
        "user__mentorships_as_mentor",
        filter=Q(user__mentorships_as_mentor__status=MentorshipStatus.ACTIVE),
    )
    already = Mentorship.objects.filter(
        mentor=OuterRef("user_id"), mentee=mentee, status__in=OPEN_STATUSES
    )
    return (
        MentorOffer.objects.filter(
            active=True,
            user__is_active=True,
            user__profile__status=MembershipStatus.APPROVED,
            user__profile__visibility__in=levels_visible_to(audience_of(mentee)),
        )
        .exclude(user=mentee)
        .exclude(blocked_either_way(mentee))
        .exclude(Exists(already))
        .annotate(active_pairs=active_pairs)
        .filter(active_pairs__lt=F("capacity"))
    )


def wish_of(user) -> MentoringWish | None:
    return MentoringWish.objects.filter(user=user).prefetch_related("skill_items").first()


def match_wish(wish: MentoringWish | None) -> MatchWish:
    if wish is None:
        return MatchWish()
    return MatchWish(
        skills=frozenset(item.tag_id for item in wish.skill_items.all()),
        languages=frozenset(wish.languages),
        area=wish.area,
    )


@dataclass
class Suggestion:
    """A mentor suggested to a mentee, with what they share, for the page."""

    offer: MentorOffer
    score: tuple[int, int, int]
    shared_skills: list = field(default_factory=list)
    shared_languages: list[str] = field(default_factory=list)

    @property
    def profile(self):
        return self.offer.user.profile

    @property
    def same_area(self) -> bool:
        return self.score[2] == AREA_SAME

    @property
    def near_area(self) -> bool:
        return self.score[2] == AREA_NEAR


def suggest_mentors(mentee, wish: MentoringWish | None, limit: int = SUGGESTIONS_SHOWN):
    """The best-fitting mentors `mentee` may ask, best first: a fixed number of queries
    however many mentors there are (ranking happens here, over the offers' ids and tags)."""
    offers = list(
        available_offers(mentee)
        .select_related("user__profile")
        .prefetch_related("skill_items__tag")
    )
    wanted = match_wish(wish)
    by_key = {offer.pk: offer for offer in offers}
    candidates = [
        MatchMentor(
            key=offer.pk,
            name=offer.user.profile.display_name,
            skills=frozenset(item.tag_id for item in offer.skill_items.all()),
            languages=frozenset(offer.languages),
            area=offer.area,
        )
        for offer in offers
    ]
    suggestions = []
    for candidate, score in rank_mentors(wanted, candidates)[:limit]:
        offer = by_key[candidate.key]
        suggestions.append(
            Suggestion(
                offer=offer,
                score=score,
                shared_skills=[
                    item.tag for item in offer.skill_items.all() if item.tag_id in wanted.skills
                ],
                shared_languages=[
                    label
                    for code, label in zip(offer.languages, offer.language_labels, strict=True)
                    if code in wanted.languages
                ],
            )
        )
    return suggestions


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


# --- Live impact counters (registered in members/wagtail_hooks.py)


def _programme_q(programme, prefix: str = "") -> Q:
    """Pairs linked to this programme in any of its languages; every pair without one."""
    if programme is None:
        return Q()
    return Q(**{f"{prefix}programme__translation_key": programme.translation_key})


def _moment(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def mentoring_meetings_many(queries) -> list[int]:
    """Meetings held on a day within each period, by pairs of each programme: one query."""
    conditions = {}
    for index, (programme, start, end) in enumerate(queries):
        condition = _programme_q(programme, "mentorship__")
        if start is not None:
            condition &= Q(met_on__gte=start)
        if end is not None:
            condition &= Q(met_on__lte=end)
        conditions[f"n{index}"] = Count("pk", filter=condition)
    if not conditions:
        return []
    totals = MentoringMeeting.objects.aggregate(**conditions)
    return [totals[f"n{index}"] for index in range(len(queries))]


def count_mentoring_meetings(programme, start: date | None, end: date | None) -> int:
    """Mentoring meetings held within the period (see the module's note on programmes)."""
    return mentoring_meetings_many([(programme, start, end)])[0]


count_mentoring_meetings.count_many = mentoring_meetings_many


def _active_in(pair: dict, start: date | None, end: date | None) -> bool:
    """A confirmed pair is active in a period when it was confirmed by the end of the
    period's last day and not closed before its first day."""
    if end is not None and pair["confirmed_at"] >= _moment(end + timedelta(days=1)):
        return False
    return not (start is not None and pair["closed_at"] and pair["closed_at"] < _moment(start))


def _person(pair: dict, side: str) -> tuple:
    """Who sits on one side of a pair: their account, or the anonymous record a deleted
    account left (one per person, so someone in two pairs still counts once)."""
    if pair[f"{side}_id"] is not None:
        return ("member", pair[f"{side}_id"])
    return ("former", pair[f"former_{side}_id"])


def mentoring_people_many(queries) -> list[int]:
    """Distinct members (mentors and mentees) in pairs active within each period: one
    query for all the periods, counted here."""
    keys = {getattr(programme, "translation_key", None) for programme, _s, _e in queries}
    pairs = Mentorship.objects.filter(status__in=CONFIRMED_STATUSES, confirmed_at__isnull=False)
    if None not in keys:
        pairs = pairs.filter(programme__translation_key__in=keys)
    rows = list(
        pairs.values(
            "mentor_id",
            "mentee_id",
            "former_mentor_id",
            "former_mentee_id",
            "confirmed_at",
            "closed_at",
            "programme__translation_key",
        )
    )
    numbers = []
    for programme, start, end in queries:
        key = getattr(programme, "translation_key", None)
        people = set()
        for pair in rows:
            if programme is not None and pair["programme__translation_key"] != key:
                continue
            if _active_in(pair, start, end):
                people.update((_person(pair, "mentor"), _person(pair, "mentee")))
        numbers.append(len(people))
    return numbers


def count_mentoring_people(programme, start: date | None, end: date | None) -> int:
    """Distinct people in mentoring pairs active within the period."""
    return mentoring_people_many([(programme, start, end)])[0]


count_mentoring_people.count_many = mentoring_people_many


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
