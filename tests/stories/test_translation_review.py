"""Translating a story publishes nothing: a translation starts as a draft, syncing
never publishes, and an editor's translation goes live through "Story review"."""

from urllib.parse import urlencode

import pytest
from django.urls import reverse
from wagtail.models import Locale, WorkflowState
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from stories.models import StoryPage
from tests.stories.factories import StoryPageFactory

ARABIC_TITLE = "أمل تتحدث في المجلس"


@pytest.fixture
def arabic(db):
    return Locale.objects.get(language_code="ar")


@pytest.fixture
def story(story_index):
    return StoryPageFactory(parent=story_index, title="Amal speaks at the council", slug="amal")


def translate_in_the_admin(client, page, locale, django_capture_on_commit_callbacks):
    """ "Translate" → the language, as an editor does it (what wagtail-localize defers to
    the end of the transaction runs too)."""
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
            {"locales": [locale.pk]},
        )
    assert response.status_code == 302
    return StoryPage.objects.get(translation_key=page.translation_key, locale=locale)


def translate_string(client, translated, text):
    """Type the translated title into the translation editor, as a translator does."""
    translation = Translation.objects.get(
        source__object_id=translated.translation_key, target_locale=translated.locale
    )
    segment = StringSegment.objects.get(source=translation.source, context__path="title")
    response = client.generic(
        "PUT",
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
        urlencode({"value": text}),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code in {200, 201}


def test_translating_a_live_story_makes_a_draft_under_story_review(
    client, story, editor, arabic, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    translated = translate_in_the_admin(client, story, arabic, django_capture_on_commit_callbacks)

    assert not translated.live
    assert translated.get_workflow().name == "Story review"
    client.logout()
    # Not the draft: the Arabic address serves the live English story, marked as English
    # with the "not yet translated" notice (the one fallback rule, issue 18 §2).
    response = client.get(f"/ar/stories/{translated.slug}/")
    assert response.status_code == 200
    assert response.context["page"].pk == story.pk
    assert 'lang="en" dir="ltr"' in response.text


def test_syncing_translations_never_publishes_them(
    client, story, moderator, arabic, django_capture_on_commit_callbacks
):
    """Not even for a moderator who ticks "Publish immediately": the new English text
    would go live in the Arabic page untranslated."""
    client.force_login(moderator)
    translated = translate_in_the_admin(client, story, arabic, django_capture_on_commit_callbacks)
    story.title = "Amal speaks at the council again"
    story.save_revision().publish()
    source = TranslationSource.objects.get(object_id=story.translation_key)

    sync_url = reverse("wagtail_localize:update_translations", args=[source.pk])
    form = client.get(sync_url)
    assert form.status_code == 200
    assert 'type="checkbox" name="publish_translations"' not in form.text
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(sync_url, {"publish_translations": "on"})
    assert response.status_code == 302

    translated.refresh_from_db()
    assert not translated.live
    assert all("again" not in revision.content["title"] for revision in translated.revisions.all())


def test_an_editor_cannot_publish_a_translation_from_the_translation_editor(
    client, story, editor, arabic, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    translated = translate_in_the_admin(client, story, arabic, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[translated.pk]), {"action": "publish"}
        )
    assert response.status_code in {302, 403}  # the admin sends it home with a message
    translated.refresh_from_db()
    assert not translated.live


def test_an_editors_translation_goes_live_when_a_moderator_approves_it(
    client, story, editor, moderator, arabic, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    translated = translate_in_the_admin(client, story, arabic, django_capture_on_commit_callbacks)
    translate_string(client, translated, ARABIC_TITLE)
    listing = client.get(reverse("wagtailadmin_explore", args=[translated.get_parent().pk]))
    submit_url = reverse("submit_translation_for_review", args=[translated.pk])
    assert submit_url in listing.text  # in the story's "More" menu

    assert client.get(submit_url).status_code == 200
    assert client.post(submit_url).status_code == 302
    translated.refresh_from_db()
    state = translated.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Story review"
    assert not translated.live

    client.force_login(moderator)
    response = client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[translated.pk, "approve", state.current_task_state.pk],
        ),
        {"comment": ""},
    )
    assert response.status_code in {200, 302}
    translated.refresh_from_db()
    assert translated.live
    assert translated.title == ARABIC_TITLE
    client.logout()
    page = client.get(translated.url)
    assert page.status_code == 200
    assert ARABIC_TITLE in page.text


def test_submitting_a_live_translation_for_review_leaves_what_readers_see(
    client, story, editor, arabic, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    translated = translate_in_the_admin(client, story, arabic, django_capture_on_commit_callbacks)
    translated.get_latest_revision().publish()  # a moderator published the first version
    translate_string(client, translated, ARABIC_TITLE)

    assert (
        client.post(reverse("submit_translation_for_review", args=[translated.pk])).status_code
        == 302
    )
    translated.refresh_from_db()
    assert translated.live
    assert translated.title == "Amal speaks at the council"
    assert translated.get_latest_revision_as_object().title == ARABIC_TITLE
    client.logout()
    assert ARABIC_TITLE not in client.get(translated.url).text
