"""The newsletter email itself: a story rendered in the base design in the reader's
language (or its source, marked), with the reader's own unsubscribe link."""

from dataclasses import dataclass

from django.core.mail import EmailMultiAlternatives
from django.utils import translation
from wagtail.models import Locale

from home.email_design import RenderedEmail, email_language, render_email
from home.http import site_url
from stories.services.newsletter.subscribing import unsubscribe_url


def render_newsletter(newsletter, language: str, unsubscribe_link: str) -> RenderedEmail:
    """The newsletter as a reader of `language` receives it (also the admin's preview):
    the page's translation where one is live, otherwise the source marked as its own
    language with a notice, and the email's own words in the interface translation."""
    language = email_language(language)
    with translation.override(language):
        version = newsletter.localized
    version_language = version.locale.language_code
    return render_email(
        "stories/emails/newsletter.html",
        {
            "newsletter": version,
            "newsletter_language": version_language,
            "translated": version_language == language,
            "page_url": site_url(version.url or ""),
            "unsubscribe_url": unsubscribe_link,
        },
        language,
    )


@dataclass(frozen=True)
class Reader:
    """One address a newsletter goes to, in the language it is read in, with the link
    that stops it (a subscriber's unsubscribe link, a member's profile settings)."""

    email: str
    language: str
    unsubscribe_url: str
    subscriber_id: int | None = None


def newsletter_message(newsletter, reader: Reader) -> EmailMultiAlternatives:
    """The newsletter for one reader, in their language (`render_newsletter`)."""
    rendered = render_newsletter(newsletter, reader.language, reader.unsubscribe_url)
    message = EmailMultiAlternatives(
        subject=rendered.subject,
        body=rendered.text,
        to=[reader.email],
        headers={
            "List-Unsubscribe": f"<{reader.unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Content-Language": rendered.language,
        },
    )
    message.attach_alternative(rendered.html, "text/html")
    return message


def newsletter_email(newsletter, subscriber) -> EmailMultiAlternatives:
    """The newsletter for one subscriber, in their language."""
    return newsletter_message(newsletter, subscriber_reader(subscriber))


def subscriber_reader(subscriber) -> Reader:
    return Reader(
        email=subscriber.email,
        language=subscriber.language,
        unsubscribe_url=unsubscribe_url(subscriber),
        subscriber_id=subscriber.pk,
    )


# Sending ------------------------------------------------------------------------------


def source_newsletter(page):
    """The story in the default language: a newsletter is sent once, whichever of its
    translations staff started from, and each reader gets their language's version."""
    default = Locale.get_default()
    if page.locale_id == default.pk:
        return page
    return (
        type(page).objects.filter(translation_key=page.translation_key, locale=default).first()
        or page
    )
