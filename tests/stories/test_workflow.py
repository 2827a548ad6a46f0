"""The editorial workflow as people live it: an editor writes and submits, a moderator
approves and publishes, the editor hears about it; consent gates every step."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Workflow
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from stories.models import StoryPage
from stories.services.consent import withdraw_consent
from tests.stories.factories import StoryPageFactory

# Emails are queued after commit; these tests read them as delivered (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("deliver_emails")


def story_form(**overrides):
    data = {
        "title": "Speaking at the council",
        "slug": "speaking-at-the-council",
        "kind": "story",
        "date": "2024-05-01",
        "introduction": "How one participant asked her first question at a council meeting.",
        "body": streamfield(
            [("paragraph", rich_text("<p>I rehearsed my question three times.</p>"))]
        ),
        "author_name": "Programme team",
        "topics": "",
        "programme_links": inline_formset([]),
        "comments": inline_formset([]),
        "consent_scope": "anonymous",
        "consent_given_on": "2024-04-20",
        "consent_note": "Signed form, April 2024",
        "lead_image_alt": "",
        "lead_image_caption": "",
    }
    data.update(overrides)
    return nested_form_data(data)


def add_url(index):
    return reverse("wagtailadmin_pages:add", args=("stories", "storypage", index.pk))


def test_story_index_pages_use_the_story_review_workflow(story_index):
    workflow = story_index.get_workflow()
    assert workflow is not None
    assert workflow.name == "Story review"
    assert [task.name for task in workflow.tasks.all()] == ["Moderators approve the story"]


def test_editor_submits_cannot_publish_moderator_publishes_and_editor_is_told(
    client, story_index, editor, moderator
):
    client.force_login(editor)

    # The editor tries to publish straight away: the story stays a draft.
    response = client.post(add_url(story_index), {**story_form(), "action-publish": "publish"})
    assert response.status_code in {302, 200}
    story = StoryPage.objects.get(slug="speaking-at-the-council")
    assert not story.live
    assert story.url is None or client.get(story.url).status_code == 404

    # The editor submits it for review.
    edit_url = reverse("wagtailadmin_pages:edit", args=[story.pk])
    response = client.post(edit_url, {**story_form(), "action-submit": "submit"})
    assert response.status_code == 302
    story.refresh_from_db()
    workflow_state = story.current_workflow_state
    assert workflow_state is not None
    assert workflow_state.workflow.name == "Story review"
    assert not story.live

    # The moderator approves; approval of the only task publishes the story.
    mail.outbox.clear()
    client.force_login(moderator)
    task_state = workflow_state.current_task_state
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[story.pk, "approve", task_state.pk]),
        {"comment": "Lovely story, thank you."},
    )
    assert response.status_code in {200, 302}
    story.refresh_from_db()
    assert story.live
    assert client.get(story.url).status_code == 200

    # The editor receives an email saying so.
    to_editor = [message for message in mail.outbox if editor.email in message.to]
    assert to_editor, [message.to for message in mail.outbox]
    assert "approved" in to_editor[0].subject.lower()


def test_editor_cannot_submit_a_participant_story_without_consent(client, story_index, editor):
    client.force_login(editor)
    response = client.post(
        add_url(story_index),
        {**story_form(consent_scope="", consent_given_on=""), "action-submit": "submit"},
    )
    assert response.status_code == 200
    assert "Record the participant" in response.text
    assert not StoryPage.objects.filter(slug="speaking-at-the-council").exists()


def test_news_needs_no_participant_consent(client, story_index, moderator):
    client.force_login(moderator)
    response = client.post(
        add_url(story_index),
        {
            **story_form(kind="news", consent_scope="", consent_given_on=""),
            "action-publish": "publish",
        },
    )
    assert response.status_code == 302
    assert StoryPage.objects.get(slug="speaking-at-the-council").live


def test_a_story_without_recorded_consent_cannot_go_live(story_index):
    story = StoryPageFactory(
        parent=story_index, live=False, consent_scope="", consent_given_on=None
    )
    with pytest.raises(Exception, match="consent"):
        story.save_revision().publish()
    story.refresh_from_db()
    assert not story.live


def test_lead_image_of_a_participant_needs_consent_to_a_photo(story_index):
    story = StoryPageFactory(parent=story_index, live=False, consent_scope="name")
    story.lead_image_shows_participant = True
    with pytest.raises(Exception, match="photo"):
        story.save_revision().publish()


def test_withdrawing_consent_unpublishes_the_story_and_blocks_republishing(
    client, story_index, editor
):
    story = StoryPageFactory(parent=story_index, title="Taken down")
    url = story.url
    assert client.get(url).status_code == 200

    withdraw_consent(story, user=editor)

    story.refresh_from_db()
    assert not story.live
    assert story.consent_withdrawn_on == timezone.localdate()
    assert client.get(url).status_code == 404
    with pytest.raises(Exception, match="withdrawn"):
        story.get_latest_revision().publish()


def test_withdraw_consent_admin_action_is_open_to_editors(client, story_index, editor):
    story = StoryPageFactory(parent=story_index)
    client.force_login(editor)
    url = reverse("stories_withdraw_consent", args=[story.pk])
    assert client.get(url).status_code == 200
    response = client.post(url)
    assert response.status_code == 302
    story.refresh_from_db()
    assert not story.live


def test_admin_story_listing_shows_consent_state(client, story_index, moderator):
    StoryPageFactory(parent=story_index, title="With consent", consent_scope="anonymous")
    StoryPageFactory(
        parent=story_index,
        title="Draft without",
        live=False,
        consent_scope="",
        consent_given_on=None,
    )
    client.force_login(moderator)
    response = client.get(reverse("stories:index"))
    assert response.status_code == 200
    assert "Only anonymously" in response.text
    assert "Missing" in response.text


def test_scheduled_story_goes_live_at_its_go_live_date(client, story_index):
    story = StoryPageFactory(parent=story_index, live=False, title="Scheduled")
    go_live = timezone.now() + timedelta(hours=2)
    story.go_live_at = go_live
    story.save_revision().publish()
    story.refresh_from_db()
    assert not story.live

    call_command("publish_scheduled")
    story.refresh_from_db()
    assert not story.live

    later = go_live + timedelta(minutes=1)
    from unittest.mock import patch

    with patch("django.utils.timezone.now", return_value=later):
        call_command("publish_scheduled")
    story.refresh_from_db()
    assert story.live
    assert client.get(story.url).status_code == 200


def test_story_review_workflow_exists_after_migrations(db):
    assert Workflow.objects.filter(name="Story review", active=True).exists()
