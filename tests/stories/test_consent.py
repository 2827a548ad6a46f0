"""Withdrawn consent takes a participant's story down in every language, and nothing
publishes any version of it again: not an editor, not a schedule, not a review."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, Workflow, WorkflowState

from home.i18n import translate_page
from stories.models import StoryPage
from stories.services.consent import withdraw_consent
from tests.stories.factories import StoryPageFactory


@pytest.fixture
def story(story_index):
    """A named participant's story, published in English, Arabic and Traditional Chinese."""
    story = StoryPageFactory(parent=story_index, title="Amal speaks at the council")
    translate_page(story, "ar", {"Amal speaks at the council": "أمل تتحدث في المجلس"})
    translate_page(story, "zh-hant", {"Amal speaks at the council": "阿瑪爾在議會發言"})
    return story


def versions_of(story):
    return list(StoryPage.objects.filter(translation_key=story.translation_key).order_by("pk"))


def translation(story, language_code):
    return story.get_translation(Locale.objects.get(language_code=language_code)).specific


def assert_publishing_is_refused(page):
    """Publishing the page's latest draft fails on its consent (the message is in the
    page's own language, so the field is what is checked)."""
    with pytest.raises(ValidationError) as refused:
        page.get_latest_revision().publish()
    assert "consent_scope" in refused.value.message_dict
    page.refresh_from_db()
    assert not page.live


def test_withdrawing_consent_unpublishes_every_translation(client, story, editor):
    urls = [version.url for version in versions_of(story)]
    assert [client.get(url).status_code for url in urls] == [200, 200, 200]

    client.force_login(editor)
    response = client.post(reverse("stories_withdraw_consent", args=[story.pk]))
    assert response.status_code == 302
    client.logout()

    today = timezone.localdate()
    assert [(v.live, v.consent_withdrawn_on) for v in versions_of(story)] == [(False, today)] * 3
    assert [client.get(url).status_code for url in urls] == [404, 404, 404]
    for version in versions_of(story):
        assert version.get_latest_revision_as_object().consent_withdrawn_on == today


def test_no_translation_can_be_published_again_after_a_withdrawal(story, editor):
    withdraw_consent(story, user=editor)
    for version in versions_of(story):
        assert_publishing_is_refused(version)


def test_a_translation_is_refused_when_only_its_original_records_the_withdrawal(story):
    """A translation saved from an older copy of the original may lack the date: the
    withdrawal recorded on any language's version still holds for it."""
    arabic = translation(story, "ar")
    arabic.unpublish()
    StoryPage.objects.filter(pk=story.pk).update(consent_withdrawn_on=timezone.localdate())
    assert translation(story, "ar").consent_withdrawn_on is None

    assert_publishing_is_refused(translation(story, "ar"))


def test_a_scheduled_publication_of_a_translation_is_cancelled(story, editor):
    arabic = translation(story, "ar")
    arabic.title = "أمل في المجلس"
    arabic.go_live_at = timezone.now() + timedelta(hours=1)
    arabic.save_revision().publish()  # scheduled, not yet live with these changes
    assert arabic.revisions.filter(approved_go_live_at__isnull=False).exists()

    withdraw_consent(story, user=editor)
    later = timezone.now() + timedelta(hours=2)
    from unittest.mock import patch

    with patch("django.utils.timezone.now", return_value=later):
        call_command("publish_scheduled")
    assert not translation(story, "ar").live
    assert not arabic.revisions.filter(approved_go_live_at__isnull=False).exists()


def test_a_review_under_way_for_a_translation_is_cancelled(story, editor):
    chinese = translation(story, "zh-hant")
    chinese.save_revision(user=editor)
    workflow = Workflow.objects.get(name="Story review")
    workflow.start(chinese, editor)
    assert chinese.workflow_in_progress

    withdraw_consent(story, user=editor)
    state = WorkflowState.objects.for_instance(chinese).get()
    assert state.status == WorkflowState.STATUS_CANCELLED
