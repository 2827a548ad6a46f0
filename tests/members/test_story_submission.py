"""Members' own stories: sent from the member area, reviewed by moderators in the
"Story review" workflow, followed by the member until they are published."""

import io
import json

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from stories.models import StoryPage
from tests.members.factories import PASSWORD, submit_member_story
from tests.members.test_photos import jpeg_with_gps

# Emails are queued after commit; these tests read them as delivered (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("deliver_emails")


def story_post(**overrides):
    return {
        "title": "Finding my voice",
        "text": "I came to the programme <b>shy</b>.\n\nNow I chair the tenants' meetings.",
        "consent": "name",
        "photo_alt": "",
        **overrides,
    }


def approve(client, moderator, story, action="approve"):
    client.force_login(moderator)
    task_state = story.current_workflow_state.current_task_state
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[story.pk, action, task_state.pk]),
        {"comment": "Thank you."},
    )
    assert response.status_code in {200, 302}
    story.refresh_from_db()


def test_a_submitted_story_is_a_draft_in_story_review(client, story_index, approved_member):
    client.force_login(approved_member)
    response = client.post(reverse("members:submit_story"), story_post())
    assert response.status_code == 302
    assert response["Location"] == reverse("members:my_stories")

    story = StoryPage.objects.get(title="Finding my voice")
    assert not story.live
    assert story.get_parent().pk == story_index.pk
    assert story.kind == "story"
    assert story.submitted_by == approved_member
    assert story.author_name == "Approved Viewer"
    assert story.consent_scope == "name"
    assert story.consent_given_on == timezone.localdate()
    assert story.introduction.startswith("I came to the programme <b>shy</b>.")
    body = str(story.body[0].value)
    assert "&lt;b&gt;shy&lt;/b&gt;" in body and "<p>Now I chair" in body
    assert story.get_latest_revision() is not None
    workflow_state = story.current_workflow_state
    assert workflow_state.workflow.name == "Story review"
    assert workflow_state.status == "in_progress"


def test_moderators_see_the_submission_among_their_tasks(
    client, story_index, approved_member, moderator
):
    submit_member_story(approved_member, title="Waiting for a moderator")
    client.force_login(moderator)
    response = client.get(reverse("wagtailadmin_home"))
    assert "Waiting for a moderator" in response.text


def test_an_anonymous_story_carries_no_name(client, story_index, approved_member):
    client.force_login(approved_member)
    client.post(reverse("members:submit_story"), story_post(consent="anonymous"))
    story = StoryPage.objects.get()
    assert story.author_name == ""
    assert story.consent_scope == "anonymous"
    assert story.author is None


def test_the_photo_becomes_a_clean_wagtail_image_with_the_members_description(
    client, story_index, approved_member
):
    client.force_login(approved_member)
    upload = SimpleUploadedFile("me-at-home.jpg", jpeg_with_gps(), content_type="image/jpeg")
    response = client.post(
        reverse("members:submit_story"),
        story_post(
            photo=upload,
            photo_alt="Me at the microphone",
            photo_shows_me="on",
            consent="name-and-photo",
        ),
    )
    assert response.status_code == 302
    story = StoryPage.objects.get()
    image = story.lead_image
    assert story.lead_image_alt == "Me at the microphone"
    assert story.lead_image_shows_participant
    assert "me-at-home" not in image.file.name
    assert "Approved" not in image.title
    with image.open_file() as stored:
        clean = Image.open(io.BytesIO(stored.read()))
    assert not clean.getexif()
    assert max(clean.size) <= 800


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"title": ""}, "title", "This field is required"),
        ({"consent": ""}, "consent", "This field is required"),
        ({"with_photo": True}, "photo_alt", "Tell us what the photo shows"),
        (
            {"with_photo": True, "photo_alt": "Me", "photo_shows_me": "on", "consent": "name"},
            "consent",
            "The photo shows you",
        ),
        ({"photo": "not a photo"}, "photo", "not a photo we can read"),
    ],
)
def test_mistakes_are_shown_on_their_field_and_nothing_is_sent(
    client, story_index, approved_member, overrides, field, message
):
    client.force_login(approved_member)
    data = story_post(**overrides)
    if data.pop("with_photo", False):
        data["photo"] = SimpleUploadedFile("p.jpg", jpeg_with_gps(), content_type="image/jpeg")
    if data.get("photo") == "not a photo":
        data["photo"] = SimpleUploadedFile("p.jpg", b"not an image", content_type="image/jpeg")
    response = client.post(reverse("members:submit_story"), data)
    assert response.status_code == 200
    assert message in response.context["form"].errors[field][0]
    assert message.replace("'", "&#x27;") in response.text
    assert not StoryPage.objects.exists()


def test_the_form_has_labelled_fields_and_needs_no_javascript(client, story_index, approved_member):
    client.force_login(approved_member)
    html = client.get(reverse("members:submit_story")).text
    for name in ("title", "text", "photo", "photo_alt", "photo_shows_me"):
        assert f'<label for="id_{name}"' in html
    assert 'enctype="multipart/form-data"' in html
    assert "<script" not in html.split("<main", 1)[-1].split("</main>", 1)[0]


def test_my_stories_shows_review_changes_requested_and_published(
    client, story_index, approved_member, moderator
):
    in_review = submit_member_story(approved_member, title="Still in review")
    sent_back = submit_member_story(approved_member, title="Sent back")
    published = submit_member_story(approved_member, title="Out in the world")
    approve(client, moderator, sent_back, action="reject")
    approve(client, moderator, published)
    assert published.live and not sent_back.live and not in_review.live

    client.force_login(approved_member)
    html = client.get(reverse("members:my_stories")).text
    assert '<td data-state="in_review">In review</td>' in html
    assert "Changes requested or not accepted" in html
    assert f'<a href="{published.url}">Out in the world</a>' in html
    assert client.get(published.url).status_code == 200


def test_my_stories_lists_only_my_own(client, story_index, approved_member, another_member):
    submit_member_story(another_member, title="Someone else's")
    client.force_login(approved_member)
    html = client.get(reverse("members:my_stories")).text
    assert "Someone else" not in html
    assert "You have not sent a story yet." in html


def test_the_member_is_emailed_once_when_their_story_is_published(
    client, story_index, approved_member, moderator
):
    story = submit_member_story(approved_member, title="Published at last")
    mail.outbox.clear()
    approve(client, moderator, story)
    to_member = [message for message in mail.outbox if approved_member.email in message.to]
    assert len(to_member) == 1
    assert "Published at last" in to_member[0].subject
    assert story.get_full_url() in to_member[0].body
    assert "Hello Approved Viewer" in to_member[0].body
    assert "/admin/" not in to_member[0].body

    mail.outbox.clear()
    story.save_revision(user=moderator).publish()
    assert not [message for message in mail.outbox if approved_member.email in message.to]


def test_the_download_lists_my_stories(client, story_index, approved_member):
    submit_member_story(approved_member, title="In my download", consent="anonymous")
    client.post(reverse("account_login"), {"login": approved_member.email, "password": PASSWORD})
    data = json.loads(client.post(reverse("members:export_data")).content)
    [story] = data["stories"]
    assert story["title"] == "In my download"
    assert "bus route" in story["text"]
    assert story["consent"] == "anonymous"
    assert story["consent_given_on"] == timezone.localdate().isoformat()
    assert story["state"] == "in_review"


def test_the_demo_member_has_one_story_in_review_and_a_second_load_adds_none(db, settings):
    from django.core.management import call_command

    from members.demo.members import MEMBER_EMAIL

    settings.DEBUG = True
    call_command("load_demo", stdout=io.StringIO())
    [story] = StoryPage.objects.filter(submitted_by__email=MEMBER_EMAIL)
    assert not story.live
    assert story.current_workflow_state.status == "in_progress"
    assert story.author_name == "Maya Member"
    output = io.StringIO()
    call_command("load_demo", stdout=output)
    assert StoryPage.objects.filter(submitted_by__email=MEMBER_EMAIL).count() == 1
    assert "member story" not in output.getvalue()
