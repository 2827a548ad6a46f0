"""Editors translate every page type and snippet in wagtail-localize's own editor."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from home.i18n import translate_page
from home.models import Funder, Organisation
from stories.models import StoryIndexPage, StoryPage
from tests.factories import FunderFactory, OrganisationFactory, ProgrammePageFactory


@pytest.fixture
def admin_client(client, db):
    user = get_user_model().objects.create_superuser(email="root@example.org", password="x" * 12)
    client.force_login(user)
    return client


def translation_editor_renders(client, translated_edit_url) -> str:
    response = client.get(translated_edit_url)
    assert response.status_code == 200
    return response.text


@pytest.fixture
def site_tree(home_page, programme_index):
    programme = ProgrammePageFactory(parent=programme_index, title="Speak Up")
    stories = StoryIndexPage(title="Stories", slug="stories")
    home_page.add_child(instance=stories)
    story = StoryPage(
        title="Finding my voice",
        slug="finding-my-voice",
        kind="news",
        introduction="How a workshop changed a year.",
    )
    stories.add_child(instance=story)
    return [home_page, programme_index, programme, stories, story]


def test_every_page_type_opens_in_the_translation_editor(admin_client, site_tree):
    chinese = Locale.objects.get(language_code="zh-hant")
    for page in site_tree:
        translate_page(page.specific, "zh-hant", {})
        translated = page.get_translation(chinese)
        html = translation_editor_renders(
            admin_client, reverse("wagtailadmin_pages:edit", args=[translated.pk])
        )
        assert "w-translation-editor" in html or "translation-editor" in html, type(page)


@pytest.mark.parametrize("factory", [OrganisationFactory, FunderFactory])
def test_snippets_open_in_the_translation_editor(admin_client, factory):
    snippet = factory()
    chinese = Locale.objects.get(language_code="zh-hant")
    source, _ = TranslationSource.get_or_create_from_instance(snippet)
    translation = Translation.objects.create(source=source, target_locale=chinese)
    translation.save_target(publish=True)
    translated = snippet.get_translation(chinese)
    model = type(snippet)
    url = reverse(f"wagtailsnippets_home_{model._meta.model_name}:edit", args=[translated.pk])
    html = translation_editor_renders(admin_client, url)
    assert "translation-editor" in html
    assert model in {Organisation, Funder}
