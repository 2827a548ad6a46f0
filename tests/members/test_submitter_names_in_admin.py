"""Editors who review stories but do not moderate members never see a member's email
address in the admin (page history, workflow views, reports, listings, the "author's
account" field), and an anonymous submission names no submitter to them at all
(issue 15 §5)."""

import pytest
from django.urls import reverse

from tests.members.factories import ProfileFactory, UserFactory, submit_member_story

CHOSEN = "Chosen Storyteller"


@pytest.fixture
def submitter(home_page):
    """A member as sign-up makes them: an email address and a chosen display name only."""
    user = UserFactory(email="storyteller@example.org", first_name="", last_name="")
    ProfileFactory(user=user, display_name=CHOSEN)
    return user


def admin_pages(story):
    return {
        "history": reverse("wagtailadmin_pages:history", args=[story.pk]),
        "workflow history": reverse("wagtailadmin_pages:workflow_history", args=[story.pk]),
        "listing": reverse("wagtailadmin_explore", args=[story.get_parent().pk]),
        "dashboard": reverse("wagtailadmin_home"),
        "site history": reverse("wagtailadmin_reports:site_history"),
        "workflow report": reverse("wagtailadmin_reports:workflow"),
        "workflow tasks report": reverse("wagtailadmin_reports:workflow_tasks"),
        "edit": reverse("wagtailadmin_pages:edit", args=[story.pk]),
    }


def test_editors_see_a_named_submitters_chosen_name_never_their_email(
    client, story_index, submitter, moderator
):
    story = submit_member_story(submitter, consent="name")
    client.force_login(moderator)
    for place, url in admin_pages(story).items():
        response = client.get(url)
        assert response.status_code == 200, place
        assert "storyteller@example.org" not in response.text, place
    assert CHOSEN in client.get(admin_pages(story)["history"]).text


def test_an_anonymous_submission_names_no_submitter_to_editors(
    client, story_index, submitter, moderator
):
    story = submit_member_story(submitter, consent="anonymous", title="A story without a name")
    client.force_login(moderator)
    for place, url in admin_pages(story).items():
        response = client.get(url)
        assert response.status_code == 200, place
        assert "storyteller@example.org" not in response.text, place
        assert CHOSEN not in response.text, place


def test_the_authors_account_field_is_a_chooser_not_a_list_of_addresses(
    client, story_index, submitter, moderator
):
    story = submit_member_story(submitter, consent="name")
    another = ProfileFactory(display_name="Another Storyteller")
    client.force_login(moderator)
    page = client.get(reverse("wagtailadmin_pages:edit", args=[story.pk])).text
    assert "storyteller@example.org" not in page and another.user.email not in page
    assert "Another Storyteller" not in page  # no list of every member
    assert reverse("member_account_chooser:choose") in page
    story.author = submitter
    story.save_revision().publish()
    page = client.get(reverse("wagtailadmin_pages:edit", args=[story.pk])).text
    assert CHOSEN in page and "storyteller@example.org" not in page


def test_the_member_chooser_finds_approved_members_by_display_name(
    client, story_index, submitter, moderator
):
    from members.models import MembershipStatus

    ProfileFactory(display_name="Another Storyteller")
    ProfileFactory(display_name="Waiting Storyteller", status=MembershipStatus.PENDING)
    client.force_login(moderator)
    url = reverse("member_account_chooser:choose_results")
    found = client.get(url, {"q": "chosen story"})
    assert found.status_code == 200
    assert CHOSEN in found.text and "Another Storyteller" not in found.text
    assert "storyteller@example.org" not in found.text
    everyone = client.get(reverse("member_account_chooser:choose")).text
    assert CHOSEN in everyone and "Another Storyteller" in everyone
    assert "Waiting Storyteller" not in everyone  # approved members only
    assert client.get(url, {"q": "x" * 5000}).status_code == 200
    assert client.get(url, {"p": "nonsense"}).status_code == 404  # Wagtail's paging, not a 500


def test_only_staff_reach_the_member_chooser(client, submitter, approved_member):
    url = reverse("member_account_chooser:choose")
    assert client.get(url).status_code == 302
    client.force_login(approved_member)
    assert client.get(url).status_code in (302, 403)
