"""Which mentors a mentee is offered and in what order: pure ranking functions over plain
values (testable by hand), then who may be suggested at all."""

from dataclasses import dataclass, field

from django.db.models import Count, Exists, F, OuterRef, Q

from home.areas import areas_near
from members.models import (
    Block,
    MembershipStatus,
    MentoringWish,
    MentorOffer,
    Mentorship,
    MentorshipStatus,
)
from members.models.mentoring import OPEN_STATUSES
from members.services.privacy import audience_of, levels_visible_to

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
