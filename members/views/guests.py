"""Guests' replies to public events, under /<language>/events/<id>/: the reply form's
target and the confirm and cancel links from the emails (issue 19).

A members-only event (or one that is not published) answers 404 here, so guests cannot
learn of it. The links show a page with a button and act only on POST, so that mail
scanners following links confirm or cancel nothing.
"""

from allauth.core import ratelimit
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from home.http import make_private
from members.forms.guests import GuestReplyForm
from members.models import Event, EventAudience, EventState, ReplyStatus
from members.services.events import guests, rsvp


def _private(response):
    """Guests' pages carry their name and secret links: kept by no cache, indexed by no one."""
    return make_private(response, noindex=True)


def _public_event(public_id) -> Event:
    return get_object_or_404(
        Event, public_id=public_id, audience=EventAudience.PUBLIC, state=EventState.PUBLISHED
    )


@require_POST
def guest_reply(request, public_id):
    """A guest's name and email: recorded as waiting, and the confirmation link emailed."""
    event = _public_event(public_id)
    if request.user.is_authenticated:
        return redirect("events:detail", public_id=event.public_id)
    form = GuestReplyForm(request.POST)
    if form.is_spam:
        # Robots are told it worked; nothing is saved or sent.
        messages.success(request, _("Thank you. Please open the link we have emailed you."))
        return redirect("events:detail", public_id=event.public_id)
    if not ratelimit.consume(
        request, action="event_guest_reply", key=request.POST.get("email", "").lower()
    ):
        return ratelimit.respond_429(request)
    if not guests.accepts_guests(event):
        return _private(
            render(request, "members/events/guest_reply.html", {"event": event}, status=410)
        )
    if form.is_valid():
        try:
            guests.request_place(
                event,
                name=form.cleaned_data["name"],
                email=form.cleaned_data["email"],
                language=translation.get_language(),
            )
        except rsvp.ReplyRefused:
            return _private(
                render(request, "members/events/guest_reply.html", {"event": event}, status=410)
            )
        messages.success(request, _("Thank you. Please open the link we have emailed you."))
        return redirect("events:detail", public_id=event.public_id)
    return _private(
        render(
            request,
            "members/events/guest_reply.html",
            {"event": event, "guest_form": form},
            status=400,
        )
    )


def _link_page(request, event, status=200, **context):
    return _private(
        render(
            request,
            "members/events/guest_link.html",
            {"event": event, **context},
            status=status,
        )
    )


@require_http_methods(["GET", "POST"])
def guest_confirm(request, public_id, token):
    """The link in the confirmation email: confirm the reply (POST), by the same rules
    as a member's reply, then see whether it holds a place or a waitlist position."""
    event = get_object_or_404(Event, public_id=public_id)
    try:
        guest = guests.guest_for_confirmation(event, token)
    except guests.GuestLinkInvalid:
        return _link_page(request, event, status=404, invalid=True)
    if guest.reply.status == ReplyStatus.PENDING and request.method == "POST":
        try:
            reply = guests.confirm_place(event, token)
        except (guests.GuestLinkInvalid, rsvp.ReplyRefused):
            return _link_page(request, event, status=410, closed=True)
        return _link_page(request, event, reply=reply, cancel_token=reply.guest.cancel_token())
    return _link_page(
        request,
        event,
        reply=guest.reply,
        confirm_form=guest.reply.status == ReplyStatus.PENDING,
        cancel_token=guest.cancel_token(),
    )


@require_http_methods(["GET", "POST"])
def guest_cancel(request, public_id, token):
    """The link in every email to a guest: cancel the reply (POST); a place held goes to
    the first person waiting."""
    event = get_object_or_404(Event, public_id=public_id)
    try:
        guest = guests.guest_for_cancel(event, token)
    except guests.GuestLinkInvalid:
        return _link_page(request, event, status=404, invalid=True)
    if request.method == "POST":
        guests.cancel_place(event, token)
        return _link_page(request, event, cancelled=True)
    return _link_page(request, event, reply=guest.reply, cancel_form=True, cancel_token=token)
