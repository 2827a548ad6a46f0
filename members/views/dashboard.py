"""The member's own pages at /members/me/: the dashboard, the first choices of an
account made for a programme place, their profile and the programmes they took part in.
Pending members reach these too; nothing here is shown to anyone else."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from members.decorators import private_page
from members.forms.profile import FirstChoicesForm, ProfileForm, ProgrammeClaimForm
from members.models import ProgrammeClaim
from members.services import membership
from members.services.events.listing import EventFilters, event_listings, near_areas_of
from members.services.privacy import profile_of


@private_page
@login_required
def dashboard(request):
    """The member's own page: membership state, the next events near them and what they
    can do next."""
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
    """A member says they took part in a programme's cohort; staff confirm it."""
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
