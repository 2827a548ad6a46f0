"""Every member-area URL against anonymous, pending member, approved member, another
member and staff. The profile belongs to "approved"; "another" is a second member."""

import pytest
from django.urls import reverse

from members.services import conversations
from tests.members.factories import (
    EventFactory,
    ProfileFactory,
    mentoring_pair,
    offer_mentoring,
    wish_for_mentor,
)

# Expected status per viewer: anonymous, pending, approved (owner), another, staff.
# 302 for anonymous means "sent to sign in".
MATRIX = [
    ("members:directory", None, "get", (302, 403, 200, 200, 200)),
    ("members:dashboard", None, "get", (302, 200, 200, 200, 200)),
    ("members:edit_profile", None, "get", (302, 200, 200, 200, 200)),
    ("members:export_data", None, "get", (302, 200, 200, 200, 200)),
    ("members:delete_account", None, "get", (302, 200, 200, 200, 200)),
    ("members:submit_story", None, "get", (302, 403, 200, 200, 200)),
    ("members:submit_story", None, "post", (302, 403, 200, 200, 200)),
    ("members:my_stories", None, "get", (302, 403, 200, 200, 200)),
    ("members:privacy_notice", None, "get", (200, 200, 200, 200, 200)),
    # The newsletter choice is for approved members (and member staff, as members); the
    # stop link in a newsletter works without signing in, with its secret token only.
    ("members:newsletter", None, "get", (302, 403, 200, 200, 200)),
    ("members:newsletter", None, "post", (302, 403, 200, 200, 200)),
    ("members:newsletter_stop", "token", "get", (404, 404, 404, 404, 404)),
    ("members:newsletter_stop", "token", "post", (404, 404, 404, 404, 404)),
    # First choices of an account made for a programme place; anyone else is sent on.
    ("members:welcome", None, "get", (302, 302, 302, 302, 302)),
    ("members:skill", "skill", "get", (302, 403, 200, 200, 200)),
    # A members-only profile: invisible to anonymous (404), refused to pending (403).
    ("members:profile", "profile", "get", (404, 403, 200, 200, 200)),
    ("members:profile_json", "profile", "get", (404, 403, 200, 200, 200)),
    # Own profile: no messaging, blocking or reporting yourself (404).
    ("members:message", "profile", "get", (302, 403, 404, 200, 200)),
    ("members:report", "profile", "get", (302, 403, 404, 200, 200)),
    ("members:block", "profile", "post", (302, 403, 404, 302, 302)),
    ("members:claim_programme", None, "post", (302, 302, 302, 302, 302)),
    ("members:accept_invitation", "token", "get", (404, 404, 404, 404, 404)),
    # Events: replies and organising are for approved members; the event belongs to "approved".
    ("members:my_events", None, "get", (302, 403, 200, 200, 200)),
    ("members:propose_event", None, "get", (302, 403, 200, 200, 200)),
    ("members:reset_event_feed", None, "post", (302, 403, 302, 302, 302)),
    ("members:event_reply", "event", "post", (302, 403, 302, 302, 302)),
    ("members:event_give_up", "event", "post", (302, 403, 302, 302, 302)),
    # Organiser pages: someone else's event is not found (404); staff may manage any.
    ("members:edit_event", "event", "get", (302, 403, 200, 404, 200)),
    ("members:attendees", "event", "get", (302, 403, 200, 404, 200)),
    ("members:cancel_event", "event", "post", (302, 403, 302, 404, 302)),
    # The personal feed opens with its secret token only.
    ("members:event_feed", "token", "get", (404, 404, 404, 404, 404)),
    # Mentoring is for approved members (and member staff, as members).
    ("members:mentoring", None, "get", (302, 403, 200, 200, 200)),
    ("members:mentoring_offer", None, "get", (302, 403, 200, 200, 200)),
    ("members:mentoring_offer", None, "post", (302, 403, 200, 200, 200)),
    ("members:mentoring_wish", None, "get", (302, 403, 200, 200, 200)),
    ("members:mentoring_wish", None, "post", (302, 403, 302, 302, 302)),
    # Without saying what they look for, members are sent to say it first.
    ("members:find_mentor", None, "get", (302, 403, 200, 302, 302)),
    # "another" offers mentoring: no asking yourself (404).
    ("members:request_mentor", "mentor", "get", (302, 403, 200, 404, 200)),
    ("members:request_mentor", "mentor", "post", (302, 403, 302, 404, 302)),
    # The open request is the owner's, to a third member: only they may withdraw it.
    ("members:withdraw_mentor_request", "request", "post", (302, 403, 302, 404, 404)),
    # The pair is the owner's (mentee) with a third member: nobody else, staff included.
    ("members:mentoring_pair", "pair", "get", (302, 403, 200, 404, 404)),
    ("members:mentoring_pair", "pair", "post", (302, 403, 200, 404, 404)),
    # The pair's partner is reached through their conversation (it exists: the owner is
    # sent to it); nobody else opens it.
    ("members:mentoring_message", "pair", "get", (302, 403, 302, 404, 404)),
    # Conversations (issue 19 §2): the inbox is everyone's own; a thread between the
    # owner and a third member exists for nobody else, staff included. An empty POST is
    # answered with the form and its error.
    ("members:messages", None, "get", (302, 403, 200, 200, 200)),
    ("members:conversation", "conversation", "get", (302, 403, 200, 404, 404)),
    ("members:conversation", "conversation", "post", (302, 403, 200, 404, 404)),
    # The third member's message to the owner: only its recipient may report it.
    ("members:report_message", "message", "get", (302, 403, 200, 404, 404)),
    ("members:report_message", "message", "post", (302, 403, 200, 404, 404)),
    # The organiser (or member staff) writes to everyone with a confirmed place.
    ("members:event_message", "event", "get", (302, 403, 200, 404, 200)),
    ("members:event_message", "event", "post", (302, 403, 200, 404, 200)),
]
VIEWERS = ["anonymous", "pending", "approved", "another", "staff"]


@pytest.mark.parametrize(("url_name", "arg", "method", "expected"), MATRIX)
def test_member_area_authorisation(client, viewers, url_name, arg, method, expected):
    from home.models import Skill

    Skill.objects.get_or_create(name="Campaigning", slug="campaigning")
    owner = viewers["approved"]
    event = EventFactory(organiser=owner)
    offer_mentoring(viewers["another"])
    wish_for_mentor(owner)
    third, fourth = ProfileFactory().user, ProfileFactory().user
    offer_mentoring(fourth)
    pair = mentoring_pair(third, owner)
    request = mentoring_pair(fourth, owner, status="requested")
    first_message = conversations.start_or_send(third, owner, "Hello from a third member")
    args = {
        None: [],
        "skill": ["campaigning"],
        "profile": [owner.profile.public_id],
        "token": ["not-a-real-token"],
        "event": [event.public_id],
        "mentor": [viewers["another"].profile.public_id],
        "request": [request.public_id],
        "pair": [pair.public_id],
        "conversation": [first_message.conversation.public_id],
        "message": [first_message.public_id],
    }[arg]
    url = reverse(url_name, args=args)
    for viewer_kind, status in zip(VIEWERS, expected, strict=True):
        client.logout()
        if viewers[viewer_kind]:
            # The owner views their own profile as "approved"; others as themselves.
            client.force_login(viewers[viewer_kind])
        response = getattr(client, method)(url)
        assert response.status_code == status, (viewer_kind, url, response.status_code)
        if status == 302 and viewer_kind == "anonymous":
            assert response["Location"].startswith(reverse("account_login"))


def test_pending_members_see_their_own_profile_but_no_one_elses(client, viewers):
    pending = viewers["pending"]
    client.force_login(pending)
    own = reverse("members:profile", args=[pending.profile.public_id])
    assert client.get(own).status_code == 200
    public_other = viewers["another"].profile
    public_other.visibility = "public"
    public_other.save()
    other = reverse("members:profile", args=[public_other.public_id])
    assert client.get(other).status_code == 403


def test_public_profiles_are_visible_to_anyone(client, viewers):
    profile = viewers["another"].profile
    profile.visibility = "public"
    profile.save()
    response = client.get(reverse("members:profile", args=[profile.public_id]))
    assert response.status_code == 200
    assert "Another Member" in response.text


@pytest.mark.parametrize(
    "url_name",
    [
        "pending",
        "pending_results",
        "claims",
        "reports",
        "proposed_events",
        "invitations",
        "audit",
        "audit_results",
        "export_csv",
        "mentoring",
    ],
)
def test_staff_admin_views_are_for_member_staff_only(client, viewers, url_name):
    url = reverse(f"members_admin:{url_name}")
    for viewer_kind in VIEWERS:
        client.logout()
        if viewers[viewer_kind]:
            client.force_login(viewers[viewer_kind])
        status = client.get(url).status_code
        if viewer_kind == "staff":
            assert status == 200
        else:
            assert status in (302, 403), viewer_kind


def test_staff_mentoring_decisions_are_for_member_staff_only(client, viewers):
    from members.models import Mentorship

    offer_mentoring(viewers["another"])
    request = mentoring_pair(viewers["another"], viewers["approved"], status="requested")
    url = reverse("members_admin:decide_mentorship", args=[request.pk])
    for viewer_kind in ["anonymous", "pending", "approved", "another"]:
        client.logout()
        if viewers[viewer_kind]:
            client.force_login(viewers[viewer_kind])
        assert client.post(url, {"decision": "confirm"}).status_code in (302, 403), viewer_kind
        assert Mentorship.objects.get(pk=request.pk).status == "requested"
    client.force_login(viewers["staff"])
    assert client.post(url, {"decision": "confirm"}).status_code == 302
    assert Mentorship.objects.get(pk=request.pk).status == "active"


CONVERSATION_URLS = ["messages", "conversation", "report_message", "event_message"]


@pytest.mark.parametrize("url_name", CONVERSATION_URLS)
def test_staff_without_a_second_factor_see_conversations_as_a_non_member(
    client, viewers, settings, url_name
):
    """With STAFF_REQUIRE_MFA, staff who signed in without a second factor have no staff
    sight: staff without a profile are refused the member area's conversations (403)."""
    settings.STAFF_REQUIRE_MFA = True
    owner, third = viewers["approved"], ProfileFactory().user
    message = conversations.start_or_send(third, owner, "Hello")
    args = {
        "messages": [],
        "conversation": [message.conversation.public_id],
        "report_message": [message.public_id],
        "event_message": [EventFactory(organiser=owner).public_id],
    }[url_name]
    client.force_login(viewers["staff"])
    assert client.get(reverse(f"members:{url_name}", args=args)).status_code == 403
