"""Conversations between two members (issue 19 §2): the inbox, a thread with its reply
form, starting one from a profile or a mentoring pair, reporting one message, and an
organiser's message to everyone coming to their event. Only the two members of a
conversation ever open it; to anyone else, staff included, it does not exist."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from members.decorators import approved_members_only
from members.forms.conversations import EventMessageForm, MessageForm, MessageReportForm
from members.models import Message
from members.services import conversations
from members.services.directory import visible_profile_or_404
from members.services.events import guests
from members.services.events.listing import organised_event_or_404
from members.services.privacy import profile_of

INBOX_PAGE_SIZE = 25
THREAD_PAGE_SIZE = 50


@approved_members_only
def inbox(request):
    """The member's conversations, newest first, unread ones marked in words."""
    page = Paginator(conversations.inbox_of(request.user), INBOX_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    entries = conversations.inbox_entries(page.object_list, request.user)
    return render(
        request, "members/conversations/inbox.html", {"page_obj": page, "entries": entries}
    )


def _thread_context(request, conversation, form):
    partner = conversations.partner_of(conversation, request.user)
    pages = Paginator(conversations.thread_messages(conversation), THREAD_PAGE_SIZE)
    # The newest messages first come into view: the last page unless one is asked for.
    page = pages.get_page(request.GET.get("page") or pages.num_pages)
    closed = partner is None or not partner.is_active
    blocked = not closed and conversations.is_blocked_either_way(request.user, partner)
    return {
        "conversation": conversation,
        "partner_name": conversations.name_of(partner),
        "partner": partner,
        "page_obj": page,
        "thread": page.object_list,
        "form": form,
        "closed": closed,
        "blocked": blocked,
    }


@approved_members_only
def conversation(request, public_id):
    """One conversation and its reply form. Opening it marks it read."""
    found = conversations.conversation_for(request.user, public_id)
    if found is None:
        raise Http404
    thread, place = found
    form = MessageForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            conversations.send(thread, request.user, form.cleaned_data["body"])
        except conversations.ConversationRefused as refusal:
            form.add_error("body", str(refusal))
        else:
            messages.success(request, _("Your message is sent."))
            return redirect("members:conversation", public_id=thread.public_id)
    conversations.mark_read(place)
    context = _thread_context(request, thread, form)
    status = 403 if request.method == "POST" and context["blocked"] else 200
    return render(request, "members/conversations/thread.html", context, status=status)


def _open_or_start(request, recipient, name):
    """The pair's conversation if they have one (GET), otherwise a form whose first
    message starts it; a POST sends into the conversation either way."""
    existing = conversations.conversation_between(request.user, recipient)
    if existing is not None and request.method != "POST":
        return redirect("members:conversation", public_id=existing.public_id)
    form = MessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        profile_of(request.user)  # staff added in the admin write under a name too
        try:
            message = conversations.start_or_send(
                request.user, recipient, form.cleaned_data["body"]
            )
        except conversations.ConversationRefused as refusal:
            form.add_error("body", str(refusal))
        else:
            messages.success(request, _("Your message is sent."))
            return redirect("members:conversation", public_id=message.conversation.public_id)
    return render(request, "members/message_form.html", {"form": form, "name": name})


@approved_members_only
def message_member(request, public_id):
    """ "Send a message" on a profile: opens or starts the conversation with them."""
    profile, view = visible_profile_or_404(request.user, public_id)
    if view.is_self:
        raise Http404
    return _open_or_start(request, profile.user, view.display_name)


@approved_members_only
def message_mentoring_partner(request, public_id):
    """ "Send a message" on a mentoring pair's page: the partner is reached through a
    conversation even when their profile is hidden from the directory, and never by
    revealing an address."""
    from members.models import Mentorship
    from members.models.mentoring import CONFIRMED_STATUSES

    pair = get_object_or_404(
        Mentorship.objects.select_related("mentor__profile", "mentee__profile"),
        public_id=public_id,
        status__in=CONFIRMED_STATUSES,
    )
    if not pair.includes(request.user):
        raise Http404
    partner = pair.partner_of(request.user)
    if partner is None or conversations.is_blocked_either_way(request.user, partner):
        raise Http404
    return _open_or_start(request, partner, partner.profile.display_name)


@approved_members_only
def report_message(request, public_id):
    """Report a message you received: staff see that message and your reason, never the
    rest of the conversation."""
    message = get_object_or_404(
        Message.objects.select_related("conversation", "sender__profile"), public_id=public_id
    )
    found = conversations.conversation_for(request.user, message.conversation.public_id)
    if found is None or message.sender_id == request.user.pk:
        raise Http404
    form = MessageReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        conversations.report_message(request.user, message, form.cleaned_data["reason"])
        messages.success(request, _("Thank you. Staff will look at your report."))
        return redirect("members:conversation", public_id=message.conversation.public_id)
    return render(
        request,
        "members/conversations/report_form.html",
        {"form": form, "message": message, "sender_name": conversations.name_of(message.sender)},
    )


@approved_members_only
def event_message(request, public_id):
    """The organiser (or member staff) writes once to everyone with a confirmed place:
    each member in their own conversation with the sender, each guest by email (the
    organiser never sees a guest's address)."""
    event = organised_event_or_404(request.user, public_id)
    form = EventMessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        body = form.cleaned_data["body"]
        sent = conversations.message_attendees(event, request.user, body)
        sent += guests.message_guests(event, request.user, body)
        messages.success(
            request,
            ngettext(
                "Your message was sent to %(count)s person.",
                "Your message was sent to %(count)s people.",
                sent,
            )
            % {"count": sent},
        )
        return redirect("members:event_message", public_id=event.public_id)
    return render(
        request, "members/conversations/event_message.html", {"form": form, "event": event}
    )
