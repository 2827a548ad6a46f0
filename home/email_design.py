"""The one design every email of the site is written in: rendering, not sending.

An email is one template that extends `emails/base.html` (home/templates/emails/) and
fills its blocks: `subject` (the subject line, also the HTML's <title>), `content`,
`why` (why the reader receives it) and `stop` (how to stop it). `render_email()`
renders it in the recipient's language with the organisation's name, logo and colour
from the site settings, sets `lang` and `dir` for that language, gives the elements
the template left unstyled the design's inline styles (mail clients drop <style>),
turns the site's own relative links into absolute ones, and writes the text part
from the same HTML (home/email_text.py). Send it with `home.emails.send_email()`.

The design is for mail clients, not browsers: tables for layout, inline CSS only, no
SVG, no web fonts, no image from anywhere but the site itself.
"""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import format_html, urlize

from home.email_text import html_to_text
from home.http import site_url
from home.i18n import language_direction

INK = "#1b1b1f"
MUTED = "#4a4a55"
WASH = "#f3f5f7"
LINE = "#c9ced6"
FONT = "Arial, Helvetica, sans-serif"


@dataclass(frozen=True)
class EmailDesign:
    """What the base template needs to know about the organisation and the reader."""

    language: str
    organisation: str
    brand: str
    on_brand: str
    logo_url: str
    logo_width: int
    logo_height: int
    base_url: str
    contact_email: str
    footer_text: str

    @property
    def direction(self) -> str:
        return language_direction(self.language)

    @property
    def organisation_isolated(self) -> str:
        """The name inside <bdi>, for sentences in the body and footer: an English name
        in an Arabic sentence cannot pull the punctuation around it the wrong way."""
        return format_html("<bdi>{}</bdi>", self.organisation)

    @property
    def start(self) -> str:
        """The side lines start on: "right" in Arabic, "left" in English."""
        return "right" if self.direction == "rtl" else "left"

    @property
    def end(self) -> str:
        return "left" if self.direction == "rtl" else "right"


@dataclass(frozen=True)
class RenderedEmail:
    """One email, ready to queue: its subject, text part and HTML part."""

    subject: str
    text: str
    html: str
    language: str


def email_language(language: str | None) -> str:
    """One of the site's languages for `language` (a profile's, an application's, a
    subscriber's), the default language when it is none of them."""
    from wagtail.coreutils import get_supported_content_language_variant

    try:
        return get_supported_content_language_variant(language or settings.LANGUAGE_CODE)
    except LookupError:
        return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def _readable_on(colour: str) -> str:
    """White or the ink colour, whichever contrasts more with `colour` (WCAG 2)."""

    def channel(hex_pair: str) -> float:
        value = int(hex_pair, 16) / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(colour[index : index + 2]) for index in (1, 3, 5))
    luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    # Contrast with white (1.0) against contrast with near-black ink (about 0.011).
    return "#ffffff" if (1.05 / (luminance + 0.05)) >= ((luminance + 0.05) / 0.061) else INK


def _site_settings():
    """The site settings: the served request's frame has them with their texts already
    (no query); outside a request (the worker, commands) they are read."""
    from wagtail.models import Site

    from home.frame import current_frame
    from home.models import SiteSettings

    frame = current_frame()
    if frame is not None and frame.site_settings is not None:
        return frame.site_settings
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    if site is None:
        return None
    return SiteSettings.for_site(site)


def _absolute(url: str) -> str:
    return url if re.match(r"^[a-z][a-z0-9+.-]*:", url, re.I) else site_url() + url


def design_for(language: str) -> EmailDesign:
    """The organisation's name, colour and logo for a reader of `language`."""
    from home.models.settings import DEFAULT_BRAND_COLOUR, DEFAULT_ORGANISATION_NAME

    site_settings = _site_settings()
    organisation = DEFAULT_ORGANISATION_NAME
    brand = DEFAULT_BRAND_COLOUR
    logo_url, width, height, contact, footer = "", 0, 0, "", ""
    if site_settings is not None:
        organisation = site_settings.text("organisation_name", language) or organisation
        footer = site_settings.text("footer_text", language)
        brand = site_settings.brand_colour or brand
        contact = site_settings.contact_email
        if site_settings.logo_id:
            rendition = site_settings.logo.get_rendition("height-48|format-png")
            logo_url, width, height = _absolute(rendition.url), rendition.width, rendition.height
    return EmailDesign(
        language=language,
        organisation=organisation,
        brand=brand,
        on_brand=_readable_on(brand),
        logo_url=logo_url,
        logo_width=width,
        logo_height=height,
        base_url=site_url(),
        contact_email=contact,
        footer_text=footer,
    )


def _default_styles(design: EmailDesign) -> dict[str, str]:
    """The inline style each element gets when its template gave it none."""
    text = f"margin:0 0 16px;font-family:{FONT};font-size:16px;line-height:24px;color:{INK};"
    heading = f"margin:0 0 16px;font-family:{FONT};color:{INK};line-height:1.3;"
    return {
        "p": text,
        "h1": heading + "font-size:24px;",
        "h2": heading + "font-size:20px;",
        "h3": heading + "font-size:18px;",
        "h4": heading + "font-size:16px;",
        "ul": f"margin:0 0 16px;padding-{design.start}:24px;",
        "ol": f"margin:0 0 16px;padding-{design.start}:24px;",
        "li": f"margin:0 0 8px;font-family:{FONT};font-size:16px;line-height:24px;color:{INK};",
        "a": f"color:{design.brand};text-decoration:underline;",
        "blockquote": (
            f"margin:0 0 16px;padding:0 16px;border-{design.start}:4px solid {LINE};"
            f"font-family:{FONT};color:{INK};"
        ),
        "table": "border-collapse:collapse;border-spacing:0;",
        "th": (
            f"padding:8px;border:1px solid {LINE};text-align:{design.start};"
            f"font-family:{FONT};font-size:14px;color:{INK};"
        ),
        "td": f"padding:8px;border:1px solid {LINE};font-family:{FONT};font-size:14px;color:{INK};",
        "img": "border:0;display:block;max-width:100%;height:auto;",
    }


_START_TAG = re.compile(r"<(p|h[1-6]|ul|ol|li|a|blockquote|table|th|td|img)(\s[^<>]*?)?(/?)>")


def inline_styles(html: str, design: EmailDesign) -> str:
    """Give each element without a `style` the design's own, and make the site's own
    relative links and images absolute."""
    styles = _default_styles(design)

    def styled(match):
        tag, attributes, closing = match.group(1), match.group(2) or "", match.group(3)
        if not re.search(r"\sstyle=", attributes):
            attributes += f' style="{styles[tag]}"'
        return f"<{tag}{attributes}{closing}>"

    # Outlook's conditional comments keep their own attributes.
    parts = re.split(r"(<!--.*?-->)", html, flags=re.S)
    html = "".join(
        part if part.startswith("<!--") else _START_TAG.sub(styled, part) for part in parts
    )
    return re.sub(
        r'(\s(?:href|src))="(/[^/"][^"]*|/)"',
        lambda m: f'{m.group(1)}="{_absolute(m.group(2))}"',
        html,
    )


def subject_of(html: str) -> str:
    """The subject line: the text of the HTML's <title>, on one line."""
    match = re.search(r"<title>(.*?)</title>", html, re.S)
    return " ".join(html_lib.unescape(match.group(1)).split())[:998] if match else ""


def render_email(template: str, context: dict | None, language: str | None) -> RenderedEmail:
    """Render `template` (one that extends emails/base.html) for a reader of
    `language`; see the module's docstring."""
    language = email_language(language)
    with translation.override(language):
        design = design_for(language)
        full_context = {
            "email": design,
            "site_name": design.organisation,
            "base_url": design.base_url,
            **(context or {}),
        }
        html = render_to_string(template, full_context)
    html = inline_styles(html, design)
    return RenderedEmail(subject_of(html), html_to_text(html), html, language)


def text_as_html(text: str) -> str:
    """Plain text (allauth's account emails, an older text template) as the HTML of
    an email's content: paragraphs, line breaks and links."""
    paragraphs = [part.strip("\n") for part in re.split(r"\n\s*\n", text.strip()) if part.strip()]
    return "\n".join(
        "<p>"
        + "<br>\n".join(urlize(line, autoescape=True) for line in paragraph.splitlines())
        + "</p>"
        for paragraph in paragraphs
    )


def render_text_email(
    subject: str, text: str, language: str | None, *, template: str = "emails/text.html", **context
) -> RenderedEmail:
    """An email whose words were written as plain text (allauth's), in the base design."""
    return render_email(
        template, {"subject": subject, "content_html": text_as_html(text), **context}, language
    )
