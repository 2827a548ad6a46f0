"""Applying on the site: the form, the deadline, one application per email, spam."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from programmes.models import Application
from tests.programmes.conftest import answers_for

# Emails are queued after commit; these tests read them as delivered (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("deliver_emails")


def at(monkeypatch, moment):
    """Make "now" a given moment for the code under test."""
    monkeypatch.setattr(timezone, "now", lambda: moment)


def apply_url(page):
    return f"{page.url}apply/"


def test_the_programme_page_links_to_the_form_while_applications_are_open(client, open_programme):
    response = client.get(open_programme.url)
    assert apply_url(open_programme) in response.content.decode()


def test_the_form_shows_the_standard_fields_and_the_programmes_questions(client, open_programme):
    response = client.get(apply_url(open_programme))
    html = response.content.decode()
    assert response.status_code == 200
    for text in ("Your name", "Email address", "Where you live", "Why do you want to join?"):
        assert text in html
    assert 'name="website"' in html  # the honeypot


def test_an_application_is_stored_with_its_answers_and_confirmed_by_email(client, open_programme):
    response = client.post(apply_url(open_programme), answers_for(open_programme))
    assert response.status_code == 302
    application = Application.objects.get()
    assert application.programme_id == open_programme.pk
    assert application.email == "amira@example.org"
    assert application.status == "received"
    assert application.answers == [
        {"question": "Why do you want to join?", "answer": "I want to change my street."},
        {"question": "Which slot suits you?", "answer": "Afternoons"},
        {"question": "Do you need interpreting?", "answer": "yes"},
    ]
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["amira@example.org"]
    assert open_programme.title in mail.outbox[0].subject


def test_a_required_question_left_empty_is_refused_and_nothing_saved(client, open_programme):
    question = open_programme.application_questions.order_by("sort_order").first()
    data = answers_for(open_programme, **{f"question_{question.pk}": ""})
    response = client.post(apply_url(open_programme), data)
    assert response.status_code == 200
    assert "This field is required" in response.content.decode()
    assert not Application.objects.exists()


def test_a_second_application_from_the_same_email_is_told_and_not_duplicated(
    client, open_programme
):
    client.post(apply_url(open_programme), answers_for(open_programme))
    response = client.post(
        apply_url(open_programme), answers_for(open_programme, email=" AMIRA@Example.org ")
    )
    assert response.status_code == 409
    assert "You have already applied" in response.content.decode()
    assert Application.objects.count() == 1
    assert len(mail.outbox) == 1


def test_a_form_opened_before_the_deadline_and_sent_after_it_saves_nothing(
    client, open_programme, monkeypatch
):
    assert client.get(apply_url(open_programme)).status_code == 200
    after = open_programme.applications_close_at + timedelta(seconds=1)
    at(monkeypatch, after)
    response = client.post(apply_url(open_programme), answers_for(open_programme))
    assert response.status_code == 410
    assert "Applications are closed" in response.content.decode()
    assert not Application.objects.exists()
    assert not mail.outbox


def test_the_last_minute_before_the_deadline_still_counts(client, open_programme, monkeypatch):
    last_second = open_programme.applications_close_at - timedelta(seconds=1)
    at(monkeypatch, last_second)
    response = client.post(apply_url(open_programme), answers_for(open_programme))
    assert response.status_code == 302
    assert Application.objects.count() == 1


def test_a_filled_honeypot_looks_accepted_but_saves_and_sends_nothing(client, open_programme):
    response = client.post(
        apply_url(open_programme), answers_for(open_programme, website="http://spam.example")
    )
    assert response.status_code == 302
    assert not Application.objects.exists()
    assert not mail.outbox


def test_applications_are_rate_limited_per_address(client, open_programme, settings):
    settings.ACCOUNT_RATE_LIMITS = {"programme_application": "2/h/ip"}
    for number in range(2):
        response = client.post(
            apply_url(open_programme), answers_for(open_programme, email=f"p{number}@example.org")
        )
        assert response.status_code == 302
    response = client.post(
        apply_url(open_programme), answers_for(open_programme, email="p3@example.org")
    )
    assert response.status_code == 429
    assert Application.objects.count() == 2


def test_a_programme_without_the_site_form_has_no_apply_page(client, programme_index):
    from tests.factories import ProgrammePageFactory

    page = ProgrammePageFactory(parent=programme_index)
    assert client.get(apply_url(page)).status_code == 404


def test_other_pages_ending_in_apply_are_still_served_by_wagtail(client, programme_index):
    # The programme index's child "apply" would be a programme page; a missing one 404s.
    assert client.get(f"{programme_index.url}apply/").status_code == 404


def test_a_signed_in_member_finds_the_form_filled_from_their_account(client, open_programme):
    from tests.members.factories import ProfileFactory

    profile = ProfileFactory(display_name="Chosen Name", home_area="london-hackney")
    client.force_login(profile.user)
    html = client.get(apply_url(open_programme)).content.decode()
    assert 'value="Chosen Name"' in html
    assert f'value="{profile.user.email}"' in html
    assert '<option value="london-hackney" selected>' in html


def test_an_application_sent_from_a_translation_belongs_to_the_english_programme(
    client, open_programme
):
    from wagtail.models import Locale

    Locale.objects.get_or_create(language_code="zh-hant")
    index_zh = open_programme.get_parent().specific.copy_for_translation(
        Locale.objects.get(language_code="zh-hant"), copy_parents=True
    )
    index_zh.save_revision().publish()
    page_zh = open_programme.copy_for_translation(Locale.objects.get(language_code="zh-hant"))
    page_zh.save_revision().publish()
    questions_zh = list(page_zh.application_questions.order_by("sort_order"))
    data = answers_for(open_programme)
    for source, translated in zip(
        open_programme.application_questions.order_by("sort_order"), questions_zh, strict=True
    ):
        data[f"question_{translated.pk}"] = data.pop(f"question_{source.pk}")
    response = client.post(f"/zh-hant/{page_zh.url.split('/', 2)[2]}apply/", data)
    assert response.status_code == 302, response.content.decode()[:500]
    application = Application.objects.get()
    assert application.programme_id == open_programme.pk
    assert application.language == "zh-hant"
    # A second try from the English form is the same programme: refused.
    response = client.post(apply_url(open_programme), answers_for(open_programme))
    assert response.status_code == 409
    assert Application.objects.count() == 1
    # The confirmation went out in Traditional Chinese (the page title in the subject).
    assert timezone.now()
    assert mail.outbox[0].to == ["amira@example.org"]


def test_before_applications_open_the_form_says_when_they_open(client, open_programme):
    open_programme.applications_open_at = open_programme.application_deadline - timedelta(days=1)
    open_programme.save()
    response = client.get(apply_url(open_programme))
    assert response.status_code == 410
    assert "Applications are not open yet" in response.content.decode()
    response = client.post(apply_url(open_programme), answers_for(open_programme))
    assert not Application.objects.exists()
