"""The member directory: which profiles a viewer may find, and how searches and filters
apply only to what that viewer may see (a hidden field never matches)."""

from django.db.models import Count, Exists, OuterRef, Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from members.models import Block, MentorOffer, Profile, ProfileSkill, ProgrammeClaim, Visibility
from members.services import conversations
from members.services.privacy import (
    audience_of,
    field_visible_q,
    is_member_staff,
    levels_visible_to,
    profile_view,
    visible_profiles_q,
)
from programmes.models import CohortMember


def blocked_either_way_q(viewer) -> Q:
    """Profiles whose member blocked the viewer, or whom the viewer blocked."""
    if not viewer.is_authenticated:
        return Q(pk__in=[])
    return Q(
        Exists(Block.objects.filter(blocker=viewer, blocked=OuterRef("user_id")))
        | Exists(Block.objects.filter(blocker=OuterRef("user_id"), blocked=viewer))
    )


def findable_profiles(viewer):
    """Every profile the viewer may see in the directory, themselves excluded."""
    audience = audience_of(viewer)
    profiles = Profile.objects.filter(visible_profiles_q(audience)).exclude(
        blocked_either_way_q(viewer)
    )
    if viewer.is_authenticated:
        profiles = profiles.exclude(user_id=viewer.pk)
    return profiles


def with_card_data(profiles):
    """Prefetch what a directory card (or a profile page) shows, so a page costs the same
    at any size: one query per kind of item, each joined to what it names."""
    return profiles.select_related("user__mentor_offer").prefetch_related(
        Prefetch(
            "skill_items",
            queryset=ProfileSkill.objects.select_related("tag").order_by("tag__name"),
        ),
        "languages",
        Prefetch(
            "claims",
            queryset=ProgrammeClaim.objects.select_related("programme").order_by("programme_id"),
        ),
        Prefetch(
            "user__cohort_memberships",
            queryset=CohortMember.objects.select_related("programme").order_by("confirmed_at"),
        ),
    )


def search_directory(viewer, filters: dict):
    """Apply the directory form's cleaned data to what the viewer may see."""
    audience = audience_of(viewer)
    profiles = findable_profiles(viewer)
    query = (filters.get("q") or "").strip()
    if query:
        profiles = profiles.filter(
            Q(display_name__icontains=query)
            | Q(bio__icontains=query)
            | Q(headline__icontains=query)
            | Q(
                Exists(
                    Profile.skills.through.objects.filter(
                        content_object=OuterRef("pk"), tag__name__icontains=query
                    )
                )
            )
        )
    for skill in filters.get("skill") or []:
        profiles = profiles.filter(
            Exists(Profile.skills.through.objects.filter(content_object=OuterRef("pk"), tag=skill))
        )
    if filters.get("area"):
        area = filters["area"]
        area_match = Q(home_area=area)
        if area == "london":
            area_match |= Q(home_area__startswith="london-")
        profiles = profiles.filter(area_match & field_visible_q("home_area", audience))
    if filters.get("language"):
        profiles = profiles.filter(
            Exists(
                Profile.languages.rel.related_model.objects.filter(
                    profile=OuterRef("pk"), code=filters["language"]
                )
            )
        )
    if filters.get("programme") or filters.get("cohort"):
        claims = ProgrammeClaim.objects.filter(profile=OuterRef("pk"))
        if audience != Visibility.STAFF:
            claims = claims.filter(confirmed=True)
        if filters.get("programme"):
            claims = claims.filter(programme=filters["programme"])
        if filters.get("cohort"):
            claims = claims.filter(cohort__iexact=filters["cohort"].strip())
        profiles = profiles.filter(Exists(claims) & field_visible_q("programmes", audience))
    if filters.get("mentoring"):
        offers = MentorOffer.objects.filter(user=OuterRef("user_id"), active=True)
        if audience != Visibility.STAFF:
            offers = offers.filter(visibility__in=levels_visible_to(audience))
        profiles = profiles.filter(Exists(offers))
    return profiles.order_by("display_name", "pk")


def skill_counts(profiles):
    """How many of these (already visible) profiles have each skill: one query."""
    return dict(
        Profile.skills.through.objects.filter(content_object__in=profiles.values("pk"))
        .values_list("tag__slug")
        .annotate(count=Count("content_object", distinct=True))
        .values_list("tag__slug", "count")
    )


def visible_profile_or_404(viewer, public_id):
    """The profile with this public id and the view of it this viewer may have, for the
    profile pages, reports and messages: a profile the viewer may not see, or that is
    blocked either way, does not exist (404), staff excepted from the block."""
    profile = get_object_or_404(with_card_data(Profile.objects.all()), public_id=public_id)
    is_self = viewer.is_authenticated and profile.user_id == viewer.pk
    if (
        not is_self
        and viewer.is_authenticated
        and not is_member_staff(viewer)
        and conversations.is_blocked_either_way(viewer, profile.user)
    ):
        raise Http404
    view = profile_view(profile, viewer)
    if view is None:
        raise Http404
    return profile, view
