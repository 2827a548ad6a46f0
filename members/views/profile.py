"""Views of the member area at /members/. Every page here is personal: none is indexed
by search engines or kept by shared caches, and what a viewer may not see is never sent."""

import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from home.models import Skill
from members.decorators import approved_members_only, private_page
from members.forms.profile import (
    DeleteAccountForm,
    DirectoryFilterForm,
    FirstChoicesForm,
    InvitationAcceptForm,
    ProfileForm,
    ProgrammeClaimForm,
    ReportForm,
    StorySubmissionForm,
)
from members.models import Profile, ProgrammeClaim, Report
from members.services import (
    conversations,
    invitations,
    member_data,
    membership,
    staff_alerts,
    story_submission,
)
from members.services.directory import (
    findable_profiles,
    search_directory,
    skill_counts,
    with_card_data,
)
from members.services.privacy import (
    is_approved_member,
    is_member_staff,
    own_profile,
    profile_of,
    profile_view,
)


@private_page
@login_required
def dashboard(request):
    """The member's own page: membership state, the next events near them and what they
    can do next."""
    from members.services.events.listing import EventFilters, event_listings, near_areas_of

    if membership.needs_first_choices(request.user):
        return redirect("members:welcome")
    profile = profile_of(request.user)
    near = near_areas_of(request.user)
    next_events = event_listings(request.user, EventFilters(near=near or None), limit=5)
    return render(
        request,
        "members/dashboard.html",
        {"profile": profile, "next_events": next_events, "near_me": bool(near)},
    )


@private_page
@login_required
def first_choices(request):
    """The first sign-in of an account made for a programme place: the person chooses a
    display name and who sees their profile (private until then), and accepts the
    privacy notice, which is recorded only now."""
    if not membership.needs_first_choices(request.user):
        return redirect("members:dashboard")
    profile = request.user.profile
    form = FirstChoicesForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        form.save()
        membership.start_membership(request.user, display_name=profile.display_name, consented=True)
        messages.success(request, _("Thank you. You can change these choices at any time."))
        return redirect("members:edit_profile")
    return render(request, "members/first_choices.html", {"form": form})


@private_page
@login_required
def edit_profile(request):
    """A member (pending ones too) edits their own profile and visibility choices."""
    profile = profile_of(request.user)
    if request.method == "POST":
        form = ProfileForm(request.POST, request.FILES, instance=profile)
        if form.is_valid():
            form.save()
            messages.success(request, _("Your profile is saved."))
            return redirect("members:edit_profile")
    else:
        form = ProfileForm(instance=profile)
    claims = profile.claims.select_related("programme")
    return render(
        request,
        "members/profile_form.html",
        {"form": form, "profile": profile, "claims": claims, "claim_form": ProgrammeClaimForm()},
    )


@private_page
@login_required
@require_POST
def claim_programme(request):
    profile = profile_of(request.user)
    form = ProgrammeClaimForm(request.POST)
    if form.is_valid():
        ProgrammeClaim.objects.get_or_create(
            profile=profile,
            programme=form.cleaned_data["programme"],
            cohort=form.cleaned_data["cohort"],
        )
        messages.success(request, _("Thank you. Staff will confirm that you took part."))
    else:
        messages.error(request, _("Choose a programme from the list."))
    return redirect("members:edit_profile")


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


def _visible_profile_or_404(request, public_id):
    profile = get_object_or_404(with_card_data(Profile.objects.all()), public_id=public_id)
    is_self = request.user.is_authenticated and profile.user_id == request.user.pk
    if (
        not is_self
        and request.user.is_authenticated
        and not is_member_staff(request.user)
        and conversations.is_blocked_either_way(request.user, profile.user)
    ):
        raise Http404
    view = profile_view(profile, request.user)
    if view is None:
        raise Http404
    return profile, view


@private_page
def profile_detail(request, public_id):
    """A profile as this viewer may see it; a profile they may not see does not exist."""
    if request.user.is_authenticated and not (
        is_approved_member(request.user) or is_member_staff(request.user)
    ):
        own = own_profile(request.user)
        if own is None or str(own.public_id) != str(public_id):
            return render(request, "members/not_yet_approved.html", status=403)
    profile, view = _visible_profile_or_404(request, public_id)
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
    if request.user.is_authenticated and not (
        is_approved_member(request.user) or is_member_staff(request.user)
    ):
        own = own_profile(request.user)
        if own is None or str(own.public_id) != str(public_id):
            return JsonResponse({"error": "forbidden"}, status=403)
    _profile, view = _visible_profile_or_404(request, public_id)
    return JsonResponse(view.as_json())


@private_page
def profile_photo(request, public_id):
    """A member's photo, only to those its owner chose; no public address exists."""
    if request.user.is_authenticated and not (
        is_approved_member(request.user) or is_member_staff(request.user)
    ):
        own = own_profile(request.user)
        if own is None or str(own.public_id) != str(public_id):
            raise Http404
    profile, view = _visible_profile_or_404(request, public_id)
    if not view.photo_url:
        raise Http404
    return FileResponse(profile.photo.open("rb"), content_type="image/jpeg")


@approved_members_only
@require_POST
def block_member(request, public_id):
    profile = get_object_or_404(Profile, public_id=public_id)
    if profile.user_id == request.user.pk:
        raise Http404
    if request.POST.get("action") == "unblock":
        conversations.unblock(request.user, profile.user)
        messages.success(request, _("You unblocked this member."))
        return redirect("members:profile", public_id=profile.public_id)
    conversations.block(request.user, profile.user)
    messages.success(
        request, _("You blocked this member. Neither of you will see or message the other.")
    )
    return redirect("members:directory")


@approved_members_only
def report_member(request, public_id):
    profile, view = _visible_profile_or_404(request, public_id)
    if view.is_self:
        raise Http404
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        report = Report.objects.create(
            reporter=request.user, profile=profile, reason=form.cleaned_data["reason"]
        )
        staff_alerts.report_waiting(report)
        messages.success(request, _("Thank you. Staff will look at your report."))
        return redirect("members:directory")
    return render(request, "members/report_form.html", {"form": form, "card": view})


@approved_members_only
def skill_detail(request, slug):
    """Members and programmes that share a skill."""
    from programmes.models import ProgrammePage

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


@approved_members_only
def submit_story(request):
    """Share your story: it goes to the editors as a draft, to publish with the consent
    the member gives here."""
    form = StorySubmissionForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            story_submission.submit_story(
                request.user,
                title=data["title"],
                text=data["text"],
                consent=data["consent"],
                photo=data["photo"],
                photo_alt=data["photo_alt"],
                photo_shows_me=data["photo_shows_me"],
            )
        except story_submission.NoStoryIndex:
            form.add_error(None, _("Stories cannot be sent yet. Please try again later."))
        else:
            messages.success(
                request, _("Thank you. Your story is with the editors; we will email you.")
            )
            return redirect("members:my_stories")
    return render(request, "members/story_form.html", {"form": form})


@approved_members_only
def my_stories(request):
    """The stories I sent and where each one is: in review, sent back, or published."""
    return render(
        request,
        "members/my_stories.html",
        {"submissions": story_submission.submissions_of(request.user, request)},
    )


@private_page
@login_required
def export_data(request):
    """Download everything held about me, as JSON."""
    if request.method == "POST":
        data = member_data.export_member_data(request.user)
        response = HttpResponse(
            json.dumps(data, indent=2, ensure_ascii=False),
            content_type="application/json; charset=utf-8",
        )
        response["Content-Disposition"] = 'attachment; filename="my-data.json"'
        return response
    return render(request, "members/export.html")


@private_page
@login_required
def delete_account(request):
    """Delete my account, confirmed with my password."""
    form = DeleteAccountForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        messages.get_messages(request).used = True  # waiting messages name the account
        logout(request)
        member_data.delete_member(user)
        messages.success(request, _("Your account and your personal data are deleted."))
        return redirect("/")
    return render(request, "members/delete_account.html", {"form": form})


def privacy_notice(request):
    """The address sign-up, the application form and the footer link to: the published
    privacy notice page in the reader's language, or a short built-in notice until an
    organisation publishes its own."""
    from django.utils.translation import get_language

    from home.i18n import mark_fallback, reader_url
    from home.privacy import live_privacy_notice

    notice = live_privacy_notice(get_language())
    if notice is not None:
        # Untranslated, it is read at the reader's own address, marked as English.
        return redirect(reader_url(mark_fallback(notice, get_language(), request), request))
    return render(
        request,
        "members/privacy_notice.html",
        {"version": settings.PRIVACY_NOTICE_VERSION},
    )


@private_page
def accept_invitation(request, token):
    try:
        invitations.find_open_invitation(token)
    except invitations.InvitationInvalid:
        return render(request, "members/invitation_invalid.html", status=404)
    form = InvitationAcceptForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = invitations.accept(
                token,
                display_name=form.cleaned_data["display_name"],
                password=form.cleaned_data["password"],
                consented=form.cleaned_data["privacy_consent"],
            )
        except invitations.InvitationInvalid:
            return render(request, "members/invitation_invalid.html", status=404)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Welcome to the network. Your membership is approved."))
        return redirect("members:edit_profile")
    return render(request, "members/invitation_accept.html", {"form": form})
