"""Template helpers every page uses: navigation and the way dates read."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.translation import get_language, get_language_bidi, pgettext

from home.frame import frame_for_request
from home.i18n import (
    language_direction,
    language_links,
    live_translations,
    page_language,
)

register = template.Library()


@register.filter
def long_date(value):
    """A date as people read it: "Wednesday 20 September 2023"."""
    if not value:
        return ""
    return formats.date_format(value, pgettext("long date format", "l j F Y"))


@register.filter
def long_datetime(value):
    """A moment as people read it: "23:59, Wednesday 20 September 2023" (UK time)."""
    if not value:
        return ""
    local = timezone.localtime(value)
    return formats.date_format(local, pgettext("long date and time format", "H:i, l j F Y"))


@register.filter
def short_time(value):
    """A time of day on the 24-hour clock: "14:00"."""
    if not value:
        return ""
    return formats.time_format(value, pgettext("short time format", "H:i"))


@register.simple_tag
def text_direction():
    return "rtl" if get_language_bidi() else "ltr"


@register.simple_tag(takes_context=True)
def content_lang(context, page):
    """` lang=".." dir=".."` when a page's content is in another language than the
    interface (an English fallback inside a Chinese page), otherwise nothing."""
    if getattr(page, "locale_id", None) is None:
        return ""
    code = page_language(page, context.get("request"))
    if code == get_language():
        return ""
    return format_html(' lang="{}" dir="{}"', code, language_direction(code))


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    request = context.get("request")
    page = context.get("page")
    links = language_links(request, page) if request is not None else []
    if request is not None and page is None:
        # Pages that are not Wagtail pages (sign-in, errors) switch in place.
        for link in links:
            link["url"] = translate_url(request.get_full_path(), link["code"])
    return {"links": links}


@register.inclusion_tag("includes/hreflang.html", takes_context=True)
def hreflang_alternates(context):
    """<link rel="alternate" hreflang> for every live translation of the page."""
    request = context.get("request")
    page = context.get("page")
    if request is None or page is None or not getattr(page, "pk", None):
        return {"alternates": []}
    versions = live_translations(page, request)
    if len(versions) < 2:
        return {"alternates": []}
    alternates = [
        {"code": code, "url": version.get_full_url(request)} for code, version in versions.items()
    ]
    default = versions.get(settings.LANGUAGE_CODE)
    return {
        "alternates": alternates,
        "default": {"url": default.get_full_url(request)} if default else None,
    }


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """The pages editors marked "show in menus" under the home page, in the reader's
    language where translated and in English otherwise."""
    request = context.get("request")
    frame = frame_for_request(request) if request else None
    items = []
    if frame is not None:
        pages = [page for page in frame.localized_children(get_language()) if page.show_in_menus]
        path = request.path
        for page in pages:
            url = page.get_url(request)
            items.append(
                {
                    "title": page.title,
                    "url": url,
                    "current": bool(url) and path.startswith(url),
                    "lang": content_lang(context, page),
                }
            )
    return {"items": items, "request": request}
