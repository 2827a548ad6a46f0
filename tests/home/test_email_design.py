"""Every email the site sends is in the one base design, in the recipient's language:
valid HTML for mail clients (no SVG, no web fonts, images only from the site), `lang` and
`dir` for the reader (right to left in Arabic), and a text part that says the same."""

import json
import re
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from home.email_design import render_email
from home.models import SiteSettings, SiteTexts
from members.models import MembershipStatus
from members.services.events.digests import stories_in
from members.services.membership import approve
from stories.services.newsletter import render_newsletter
from tests.home.email_checks import ARABIC, problems
from tests.members.factories import EventFactory, ProfileFactory, StaffFactory, mentoring_pair
from tests.stories.factories import StoryIndexPageFactory, StoryPageFactory

pytestmark = pytest.mark.usefixtures("deliver_emails")

SITE = "http://testserver"
URL = f"{SITE}/en/some/page/"


@pytest.fixture
def things(home_page):
    """One of each thing an email is about."""
    profile = ProfileFactory(display_name="Amira Example")
    partner = ProfileFactory(display_name="Sam Example")
    index = StoryIndexPageFactory(parent=home_page)
    return SimpleNamespace(
        profile=profile,
        event=EventFactory(organiser=profile.user, joining_link=""),
        pair=mentoring_pair(partner.user, profile.user),
        story=StoryPageFactory(parent=index, title="How I spoke at the council"),
        newsletter=StoryPageFactory(
            parent=index,
            kind="newsletter",
            title="Autumn newsletter",
            body=json.dumps(
                [
                    {"type": "heading", "value": {"text": "What we did", "level": "h2"}},
                    {"type": "paragraph", "value": '<p>See <a href="/en/">our site</a>.</p>'},
                    {
                        "type": "figures",
                        "value": {
                            "caption": "What the project delivered",
                            "figures": [
                                {
                                    "label": "Workshops",
                                    "delivered": 24,
                                    "target": 20,
                                    "unit": "workshop | workshops",
                                },
                                {
                                    "label": "Network members",
                                    "delivered": 50,
                                    "target": 111,
                                    "unit": "person | people",
                                },
                            ],
                        },
                    },
                    {"type": "quote", "value": {"quote": "It helped.", "attribution": ""}},
                ]
            ),
        ),
    )


def event(things, **extra):
    return {"event": things.event, "joining_link": "", **extra}


applicant = {
    "application": SimpleNamespace(name="Amira Example"),
    "programme_title": "Speak Up, Lead Locally",
    "programme_url": URL,
}

# Every email template and what its sender gives it.
EMAILS = {
    "members/emails/approved.html": lambda t: {"profile": t.profile},
    "members/emails/declined.html": lambda t: {"profile": t.profile},
    "members/emails/cohort_joined.html": lambda t: {
        "profile": t.profile,
        "new_account": True,
        "set_password_url": URL,
    },
    "members/emails/event_cancelled.html": event,
    "members/emails/event_given_up.html": event,
    "members/emails/event_promoted.html": event,
    "members/emails/event_reminder.html": lambda t: event(t, joining_link="https://example.org/j"),
    "members/emails/event_changed.html": lambda t: event(t, changes=["time", "place"]),
    "members/emails/event_decision.html": lambda t: event(t, reason="Please add a venue."),
    "members/emails/event_reply.html": lambda t: event(t, confirmed=True),
    "members/emails/event_digest.html": lambda t: {
        "profile": t.profile,
        "events": [t.event],
        "stories": stories_in([t.story], "ar"),
    },
    "members/emails/invitation.html": lambda t: {"accept_url": URL, "days": 14},
    "members/emails/mentoring_confirmed.html": lambda t: {
        "name": "Amira Example",
        "partner": "Sam Example",
        "role": "mentee",
        "mentorship": t.pair,
    },
    "members/emails/mentoring_declined.html": lambda t: {"name": "Amira Example"},
    "members/emails/mentoring_partner_left.html": lambda t: {"name": "Amira Example"},
    "members/emails/mentoring_request_staff.html": lambda t: {},
    "members/emails/new_message.html": lambda t: {
        "sender_name": "Sam Example",
        "thread_url": URL,
    },
    "members/emails/story_published.html": lambda t: {
        "profile": t.profile,
        "story_title": t.story.title,
        "story_url": URL,
    },
    "programmes/emails/received.html": lambda t: applicant,
    "programmes/emails/already_applied.html": lambda t: applicant,
    "programmes/emails/offer.html": lambda t: {
        **applicant,
        "offer_url": URL,
        "expires_at": timezone.now() + timedelta(days=14),
    },
    "programmes/emails/assessment.html": lambda t: {
        "programme_title": "Speak Up, Lead Locally",
        "round": SimpleNamespace(stage="start"),
        "assessment_url": URL,
        "closes_at": timezone.now() + timedelta(days=14),
    },
    "stories/emails/confirm.html": lambda t: {
        "subscriber": SimpleNamespace(status="pending"),
        "confirm_url": URL,
        "unsubscribe_url": URL,
    },
}


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("template", sorted(EMAILS))
def test_every_email_is_in_the_base_design_and_the_readers_language(
    things, template, language, w3c
):
    email = render_email(template, EMAILS[template](things), language)
    assert problems(email.html, email.text, language, validate=w3c) == []
    assert email.subject
    assert "Active Citizens Network" in email.html  # the organisation, from the settings
    if language == "ar":
        assert ARABIC.search(email.subject), email.subject
        assert ARABIC.search(email.text)
    else:
        assert not ARABIC.search(email.html)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_newsletter_has_its_figures_as_a_table_not_a_chart(things, language, w3c):
    email = render_newsletter(things.newsletter, language, URL)
    assert problems(email.html, email.text, language, validate=w3c) == []
    assert "<svg" not in email.html
    assert "Workshops" in email.text and "Network members" in email.text
    assert 'href="http://testserver/en/"' in email.html  # the site's links made absolute
    assert email.subject == "Autumn newsletter"
    # An Arabic reader gets the English source marked as English, with a notice.
    if language == "ar":
        assert '<div lang="en" dir="ltr">\n<h1' in email.html
        assert ARABIC.search(email.text)
    else:
        assert "<div>\n<h1" in email.html


def test_the_digest_lists_an_untranslated_story_as_english_with_a_notice(things):
    email = render_email(
        "members/emails/event_digest.html",
        EMAILS["members/emails/event_digest.html"](things),
        "ar",
    )
    story = re.search(r"<a [^>]*>How I spoke at the council</a>", email.html).group(0)
    assert 'lang="en" dir="ltr"' in story
    event_title = re.search(rf"<a [^>]*>{things.event.title}</a>", email.html).group(0)
    assert 'lang="en" dir="ltr"' in event_title  # written in English, not translated
    assert email.html.count("<br><span") == 2  # one notice per untranslated item


def test_dates_in_emails_are_written_as_the_language_writes_them(things):
    english = render_email("members/emails/event_reply.html", event(things, confirmed=True), "en")
    when = timezone.localtime(things.event.starts_at)
    assert f"{when:%A} {when.day} {when:%B} {when.year}" in english.text
    assert not re.search(r"\b(a\.m\.|p\.m\.)", english.text)


def test_the_organisation_name_logo_and_colour_come_from_the_site_settings(things):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file
    from wagtail.models import Site

    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    texts = SiteTexts.objects.create(organisation_name="Riverside Welcome")
    site_settings.texts = texts
    site_settings.brand_colour = "#ffd54a"
    site_settings.logo = Image.objects.create(title="Logo", file=get_test_image_file())
    site_settings.save()
    email = render_email("members/emails/approved.html", {"profile": things.profile}, "en")
    assert "Riverside Welcome" in email.subject
    assert "#ffd54a" in email.html
    assert 'alt="Riverside Welcome"' in email.html
    assert re.search(r'<img src="http://testserver/media/images/[^"]+\.png"', email.html)
    assert "color:#1b1b1f" in email.html  # dark text on a light brand colour
    assert problems(email.html, email.text, "en") == []


def test_an_approval_reaches_an_arabic_member_in_arabic_right_to_left(db, committed, w3c):
    profile = ProfileFactory(status=MembershipStatus.PENDING, preferred_language="ar")
    committed(approve, profile, by=StaffFactory())
    message = mail.outbox[-1]
    html = dict((mimetype, content) for content, mimetype in message.alternatives)["text/html"]
    assert problems(html, message.body, "ar", validate=w3c) == []
    assert ARABIC.search(message.subject) and ARABIC.search(message.body)
    assert message.extra_headers["Content-Language"] == "ar"


def test_allauths_emails_name_the_organisation_in_the_members_language(client, home_page, w3c):
    profile = ProfileFactory(preferred_language="ar")
    client.post(reverse("account_reset_password"), {"email": profile.user.email})
    message = mail.outbox[-1]
    html = dict((mimetype, content) for content, mimetype in message.alternatives)["text/html"]
    assert problems(html, message.body, "ar", validate=w3c) == []
    assert ARABIC.search(message.subject), message.subject
    assert "Active Citizens Network" in message.body
    assert "testserver!" not in message.body and "127.0.0.1" not in message.body
    assert re.search(r"http://testserver/accounts/password/reset/key/\S+/", message.body)


def test_a_sign_up_in_english_gets_the_verification_in_the_design(client, home_page, w3c):
    client.post(
        reverse("account_signup"),
        {
            "email": "new.member@example.org",
            "password1": "a-long-english-passphrase",
            "password2": "a-long-english-passphrase",
            "display_name": "Nadia",
            "privacy_consent": "on",
        },
    )
    message = mail.outbox[-1]
    html = dict((mimetype, content) for content, mimetype in message.alternatives)["text/html"]
    assert problems(html, message.body, "en", validate=w3c) == []
    assert "Hello from Active Citizens Network!" in message.body
    assert "Hello from testserver" not in message.body


def test_an_email_wagtail_sends_is_set_in_the_design_in_the_readers_language(
    db, settings, committed, w3c
):
    from django.core.mail import mail_admins
    from wagtail.admin.mail import send_mail

    settings.EMAIL_BACKEND = "home.emails.QueueingEmailBackend"
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.ADMINS = [("Admin", "admin@example.org")]
    profile = ProfileFactory(preferred_language="ar")
    committed(send_mail, "A page awaits moderation", "Please review it.", [profile.user.email])
    committed(mail_admins, "Server error", "Traceback …")
    by_address = {message.to[0]: message for message in mail.outbox}
    told = by_address[profile.user.email]
    html = dict((mimetype, content) for content, mimetype in told.alternatives)["text/html"]
    assert problems(html, told.body, "ar", validate=w3c) == []
    assert "Please review it." in told.body and told.subject == "A page awaits moderation"
    report = by_address["admin@example.org"]
    assert not getattr(report, "alternatives", None)  # error reports stay as Django wrote them
