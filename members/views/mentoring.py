"""Mentoring in the member area, under /members/mentoring/: offer mentoring, say what you
look for, see ranked suggestions, ask for a mentor, and log a pair's meetings.

Open to approved members (and member staff, as members). A pair's page exists only for
its two members: to anyone else, staff included, it is not found."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from members.decorators import approved_members_only
from members.forms.mentoring import (
    MeetingForm,
    MentoringWishForm,
    MentorOfferForm,
    MentorRequestForm,
)
from members.models import MentoringWish, MentorOffer, Mentorship, MentorshipStatus, Profile
from members.services import conversations
from members.services.mentoring import pairs as mentoring
from members.services.privacy import profile_of, visible_area_of


@approved_members_only
def mentoring_home(request):
    """My mentoring: my offer, what I look for, my requests and my pairs."""
    profile_of(request.user)
    offer = MentorOffer.objects.filter(user=request.user).first()
    wish = MentoringWish.objects.filter(user=request.user).first()
    pairs = list(mentoring.pairs_of(request.user))
    for pair in pairs:
        pair.is_mentor = pair.mentor_id == request.user.pk
        pair.partner_name = pair.partner_name_for(request.user)
    return render(
        request,
        "members/mentoring/home.html",
        {
            "offer": offer,
            "wish": wish,
            "pairs": [pair for pair in pairs if pair.status in mentoring.CONFIRMED_STATUSES],
            "requests": [pair for pair in pairs if pair.status not in mentoring.CONFIRMED_STATUSES],
        },
    )


@approved_members_only
def edit_offer(request):
    """Offer mentoring (or change, pause or stop the offer)."""
    offer = MentorOffer.objects.filter(user=request.user).prefetch_related("skill_items").first()
    if offer is None:
        # The offer's area is shown to members looking for a mentor: start from the home
        # area only when the member already shows it to members.
        offer = MentorOffer(user=request.user, area=visible_area_of(profile_of(request.user)))
    form = MentorOfferForm(request.POST if request.method == "POST" else None, instance=offer)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your mentoring offer is saved."))
        return redirect("members:mentoring")
    return render(request, "members/mentoring/offer_form.html", {"form": form})


@approved_members_only
def edit_wish(request):
    """Say what you look for in a mentor; the suggestions follow from it."""
    wish = MentoringWish.objects.filter(user=request.user).prefetch_related("skill_items").first()
    if wish is None:
        profile = profile_of(request.user)
        wish = MentoringWish(user=request.user, area=profile.home_area)
        wish.languages = [language.code for language in profile.languages.all()]
    form = MentoringWishForm(request.POST if request.method == "POST" else None, instance=wish)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Saved. Here are the mentors who fit best."))
        return redirect("members:find_mentor")
    return render(request, "members/mentoring/wish_form.html", {"form": form})


@approved_members_only
def find_mentor(request):
    """Mentors I may ask, best fit first: shared skills, then languages, then area."""
    wish = mentoring.wish_of(request.user)
    if wish is None:
        messages.info(request, _("First tell us what you are looking for in a mentor."))
        return redirect("members:mentoring_wish")
    return render(
        request,
        "members/mentoring/find.html",
        {"wish": wish, "suggestions": mentoring.suggest_mentors(request.user, wish)},
    )


@approved_members_only
def request_mentor(request, public_id):
    """Ask staff to pair me with this mentor."""
    profile_of(request.user)  # staff added in the admin get one, so the pair can name them
    mentor_profile = get_object_or_404(Profile.objects.select_related("user"), public_id=public_id)
    mentor = mentor_profile.user
    if mentor.pk == request.user.pk:
        raise Http404
    offer = (
        mentoring.available_offers(request.user)
        .filter(user=mentor)
        .prefetch_related("skill_items__tag")
        .first()
    )
    if offer is None:
        # Not offering, full, blocked either way or already asked: all look the same.
        raise Http404
    form = MentorRequestForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            mentoring.request_mentor(request.user, mentor, form.cleaned_data["message"])
        except mentoring.MentoringRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(
                request, _("Your request is with staff. We will email you both once they confirm.")
            )
            return redirect("members:mentoring")
    return render(
        request,
        "members/mentoring/request_form.html",
        {"form": form, "offer": offer, "mentor_profile": mentor_profile},
    )


@approved_members_only
@require_POST
def withdraw_request(request, public_id):
    mentorship = get_object_or_404(
        Mentorship, public_id=public_id, mentee=request.user, status=MentorshipStatus.REQUESTED
    )
    mentoring.withdraw(mentorship, mentee=request.user)
    messages.success(request, _("Your request is withdrawn."))
    return redirect("members:mentoring")


@approved_members_only
def pair_detail(request, public_id):
    """A pair's own page: its meetings, notes included, and a form to log one. Only the
    mentor and the mentee may open it."""
    mentorship = get_object_or_404(
        Mentorship.objects.select_related("mentor__profile", "mentee__profile"),
        public_id=public_id,
        status__in=mentoring.CONFIRMED_STATUSES,
    )
    if not mentorship.includes(request.user):
        raise Http404
    partner_account = mentorship.partner_of(request.user)  # None once they left
    partner = partner_account.profile if partner_account else None
    form = MeetingForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            mentoring.log_meeting(
                mentorship,
                request.user,
                form.cleaned_data["met_on"],
                form.cleaned_data["note"],
            )
        except mentoring.MentoringRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, _("The meeting is logged."))
            return redirect("members:mentoring_pair", public_id=mentorship.public_id)
    return render(
        request,
        "members/mentoring/pair.html",
        {
            "mentorship": mentorship,
            "partner": partner,
            "partner_name": mentorship.partner_name_for(request.user),
            "can_message": partner is not None
            and not conversations.is_blocked_either_way(request.user, partner_account),
            "is_mentor": mentorship.mentor_id == request.user.pk,
            "meetings": mentorship.meetings.select_related("logged_by__profile"),
            "form": form,
            "can_log": mentorship.status == MentorshipStatus.ACTIVE,
        },
    )
