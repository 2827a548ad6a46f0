"""The directory at /members/: approved members find each other, open a profile (as
the page, as JSON, its photo) and the members and programmes that share a skill. What a
viewer may not see is never sent: a profile they may not see does not exist."""

from django.conf import settings
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, render

from home.models import Skill
from members.decorators import approved_members_only, private_page
from members.forms.profile import DirectoryFilterForm
from members.services.directory import (
    findable_profiles,
    search_directory,
    skill_counts,
    visible_profile_or_404,
    with_card_data,
)
from members.services.privacy import (
    is_approved_member,
    is_member_staff,
    own_profile,
    profile_view,
)
from programmes.models import ProgrammePage


@approved_members_only
def directory(request):
    """Approved members find each other by name, skill, area, language and programme."""
    form = DirectoryFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    profiles = search_directory(request.user, filters)
    page = Paginator(profiles, settings.MEMBER_DIRECTORY_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    page.object_list = with_card_data(page.object_list)
    cards = [profile_view(profile, request.user) for profile in page.object_list]
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "members/directory.html",
        {
            "form": form,
            "cards": cards,
            "page_obj": page,
            "filter_query": query.urlencode(),
            "skill_counts": skill_counts(profiles),
            "total": page.paginator.count,
        },
    )


def _only_own_profile_until_approved(request, public_id):
    """A signed-in account that is not yet an approved member (nor staff) may open its
    own profile and no other: True when this request asks for another one."""
    if request.user.is_authenticated and not (
        is_approved_member(request.user) or is_member_staff(request.user)
    ):
        own = own_profile(request.user)
        return own is None or str(own.public_id) != str(public_id)
    return False


@private_page
def profile_detail(request, public_id):
    """A profile as this viewer may see it; a profile they may not see does not exist."""
    if _only_own_profile_until_approved(request, public_id):
        return render(request, "members/not_yet_approved.html", status=403)
    profile, view = visible_profile_or_404(request.user, public_id)
    can_contact = is_approved_member(request.user) and not view.is_self
    has_blocked = (
        can_contact and request.user.blocks_made.filter(blocked_id=profile.user_id).exists()
    )
    return render(
        request,
        "members/profile_detail.html",
        {"card": view, "can_contact": can_contact, "has_blocked": has_blocked},
    )


@private_page
def profile_json(request, public_id):
    """The same profile as JSON, with exactly the fields the page would show."""
    if _only_own_profile_until_approved(request, public_id):
        return JsonResponse({"error": "forbidden"}, status=403)
    _profile, view = visible_profile_or_404(request.user, public_id)
    return JsonResponse(view.as_json())


@private_page
def profile_photo(request, public_id):
    """A member's photo, only to those its owner chose; no public address exists."""
    if _only_own_profile_until_approved(request, public_id):
        raise Http404
    profile, view = visible_profile_or_404(request.user, public_id)
    if not view.photo_url:
        raise Http404
    return FileResponse(profile.photo.open("rb"), content_type="image/jpeg")


@approved_members_only
def skill_detail(request, slug):
    """Members and programmes that share a skill."""
    skill = get_object_or_404(Skill, slug=slug)
    profiles = with_card_data(
        findable_profiles(request.user).filter(skill_items__tag=skill).order_by("display_name")
    )[:100]
    programmes = ProgrammePage.objects.live().public().filter(skill_items__tag=skill)
    return render(
        request,
        "members/skill_detail.html",
        {
            "skill": skill,
            "cards": [profile_view(profile, request.user) for profile in profiles],
            "programmes": programmes.order_by("title"),
        },
    )
