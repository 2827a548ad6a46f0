"""Who may see what: the one place that turns a member's visibility choices into what
a viewer is shown, and into database filters, so pages, the directory, search, JSON
and emails cannot disagree.

A viewer has an audience level: `public` (anyone, including pending members), `members`
(approved members) or `staff` (people who moderate members). A part of a profile is
shown when its own visibility, capped by the whole profile's, reaches that level.
"""

from dataclasses import dataclass, field

from allauth.account.authentication import get_authentication_records
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Q
from django.urls import reverse

from members.models import (
    VISIBILITY_RANK,
    MembershipStatus,
    Profile,
    Visibility,
)

STAFF_PERMISSION = "members.moderate_members"


# Set on the signed-in user by members.middleware.StaffMFAMiddleware for each request.
SECOND_FACTOR_MARK = "completed_second_factor_this_session"


def mark_second_factor(request, user):
    """Mark `user` (the request's) with whether this session's sign-in included a second
    factor: allauth records one when a TOTP or recovery code is entered at sign-in or
    to reauthenticate."""
    if user.is_authenticated:
        records = get_authentication_records(request, user)
        setattr(user, SECOND_FACTOR_MARK, any(r.get("method") == "mfa" for r in records))
    return user


def completed_second_factor(user) -> bool:
    """Whether the request's user completed a second factor in this session. Accounts
    that did not come from a request (emails, tasks) never did."""
    return bool(getattr(user, SECOND_FACTOR_MARK, False))


def is_member_staff(user) -> bool:
    """Whether this viewer has staff sight of members. With STAFF_REQUIRE_MFA, staff who
    have not completed a second factor in this session see what an ordinary member sees."""
    if not (user.is_authenticated and user.has_perm(STAFF_PERMISSION)):
        return False
    return not settings.STAFF_REQUIRE_MFA or completed_second_factor(user)


def member_staff_accounts():
    """Active accounts with staff sight of members: the permission given directly or
    through a group, or a superuser (what `user.has_perm(STAFF_PERMISSION)` answers, as
    one query). They are the ones told when a member or an event waits for a decision;
    `is_member_staff` still decides, when they open the admin, what they may see there."""
    app_label, _dot, codename = STAFF_PERMISSION.partition(".")
    permission = Q(
        user_permissions__codename=codename,
        user_permissions__content_type__app_label=app_label,
    ) | Q(
        groups__permissions__codename=codename,
        groups__permissions__content_type__app_label=app_label,
    )
    return (
        get_user_model()
        .objects.filter(Q(is_superuser=True) | permission, is_active=True)
        .select_related("profile")
        .distinct()
        .order_by("pk")
    )


def own_profile(user) -> Profile | None:
    if not user.is_authenticated:
        return None
    try:
        return user.profile
    except Profile.DoesNotExist:
        return None


def profile_of(user) -> Profile:
    """The signed-in person's profile, created on first visit for accounts made without
    one (staff added in the admin)."""
    profile = own_profile(user)
    if profile is None:
        profile = Profile.objects.create(user=user, display_name=user.get_full_name())
    return profile


def is_approved_member(user) -> bool:
    profile = own_profile(user)
    return bool(profile and profile.status == MembershipStatus.APPROVED and user.is_active)


def audience_of(user) -> str:
    """The widest visibility level whose content this viewer may see."""
    if is_member_staff(user):
        return Visibility.STAFF
    if is_approved_member(user):
        return Visibility.MEMBERS
    return Visibility.PUBLIC


def levels_visible_to(audience: str) -> list[str]:
    """Visibility values a viewer with this audience level may see."""
    rank = VISIBILITY_RANK[audience]
    return [level for level, level_rank in VISIBILITY_RANK.items() if level_rank >= rank]


def can_see(profile: Profile, choice: str, audience: str) -> bool:
    """Whether something set to `choice` on `profile` reaches this audience."""
    if audience == Visibility.STAFF:
        return True
    if profile.status != MembershipStatus.APPROVED:
        return False
    allowed = levels_visible_to(audience)
    return profile.visibility in allowed and choice in allowed


def visible_profiles_q(audience: str) -> Q:
    """Profiles this audience may see at all."""
    if audience == Visibility.STAFF:
        return Q()
    return Q(status=MembershipStatus.APPROVED, visibility__in=levels_visible_to(audience))


def field_visible_q(field_name: str, audience: str) -> Q:
    """Profiles whose `field_name` (a sensitive field) this audience may see."""
    if audience == Visibility.STAFF:
        return Q()
    return Q(**{f"{field_name}_visibility__in": levels_visible_to(audience)})


def visible_area_of(profile: Profile, audience: str = Visibility.MEMBERS) -> str:
    """The profile's home area if `audience` may see it, else "" (for forms that would
    copy it somewhere that audience sees, such as a mentoring offer)."""
    if profile.home_area and can_see(profile, profile.home_area_visibility, audience):
        return profile.home_area
    return ""


@dataclass
class ProfileView:
    """A profile as one viewer may see it. Anything they may not see is simply not here,
    so no template, JSON or email can leak it by accident."""

    public_id: str
    display_name: str
    pronouns: str
    headline: str
    bio: str
    interests: str
    mentoring_offered: bool = False
    mentoring_note: str = ""
    skills: list = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    photo_url: str = ""
    home_area: str = ""
    home_area_label: str = ""
    programmes: list[dict] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    cohorts: list[dict] = field(default_factory=list)
    is_self: bool = False

    def as_json(self) -> dict:
        data = {
            "id": self.public_id,
            "display_name": self.display_name,
            "pronouns": self.pronouns,
            "headline": self.headline,
            "bio": self.bio,
            "interests": self.interests,
            "mentoring": {"offered": self.mentoring_offered, "note": self.mentoring_note},
            "skills": [skill.name for skill in self.skills],
            "languages": [str(language) for language in self.languages],
        }
        if self.photo_url:
            data["photo"] = self.photo_url
        if self.home_area:
            data["home_area"] = {"code": self.home_area, "name": self.home_area_label}
        if self.programmes:
            data["programmes"] = [
                {"title": claim["title"], "cohort": claim["cohort"]} for claim in self.programmes
            ]
        if self.links:
            data["links"] = self.links
        if self.cohorts:
            data["cohorts"] = [
                {"programme": cohort["title"], "year": cohort["year"]} for cohort in self.cohorts
            ]
        return data


def profile_view(profile: Profile, viewer) -> ProfileView | None:
    """What `viewer` may see of `profile`, or None when they may see nothing.

    Expects `skill_items__tag`, `languages`, `claims__programme` and
    `user__cohort_memberships__programme` to be prefetched, and `user__mentor_offer`
    selected, when called in a loop (the directory does).
    """
    is_self = viewer.is_authenticated and profile.user_id == viewer.pk
    audience = Visibility.STAFF if is_self else audience_of(viewer)
    if not is_self and audience != Visibility.STAFF:
        if profile.status != MembershipStatus.APPROVED:
            return None
        if profile.visibility not in levels_visible_to(audience):
            return None
    view = ProfileView(
        public_id=str(profile.public_id),
        display_name=profile.display_name,
        pronouns=profile.pronouns,
        headline=profile.headline,
        bio=profile.bio,
        interests=profile.interests,
        skills=[item.tag for item in profile.skill_items.all()],
        languages=[str(language) for language in profile.languages.all()],
        is_self=is_self,
    )
    if profile.photo and can_see(profile, profile.photo_visibility, audience):
        # Served by members.views.directory.profile_photo, which asks this same question again.
        view.photo_url = reverse("members:photo", args=[profile.public_id])
    if profile.home_area and can_see(profile, profile.home_area_visibility, audience):
        view.home_area = profile.home_area
        view.home_area_label = profile.home_area_label
    if can_see(profile, profile.programmes_visibility, audience):
        view.programmes = [
            {
                "title": claim.programme.title,
                "cohort": claim.cohort,
                "confirmed": claim.confirmed,
            }
            for claim in profile.claims.all()
            if claim.confirmed or is_self or audience == Visibility.STAFF
        ]
    if can_see(profile, profile.links_visibility, audience):
        view.links = profile.link_list
    offer = mentor_offer_of(profile)
    if offer is not None and offer.active and can_see(profile, offer.visibility, audience):
        view.mentoring_offered = True
        view.mentoring_note = offer.note
    if can_see(profile, profile.cohorts_visibility, audience):
        # Cohorts come from accepted offers (programmes' CohortMember), already confirmed.
        view.cohorts = [
            {"title": member.programme.title, "year": member.programme.start_date.year}
            for member in profile.user.cohort_memberships.all()
        ]
    return view


def mentor_offer_of(profile: Profile):
    """The member's mentoring offer, or None. Expects `user__mentor_offer` to be
    selected with the profile (the directory and profile pages do)."""
    try:
        return profile.user.mentor_offer
    except ObjectDoesNotExist:
        return None
