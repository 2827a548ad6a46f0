"""Template helpers every page uses: navigation and the way dates read."""

from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils.html import format_html
from django.utils.translation import get_language, get_language_bidi, gettext

from home import l10n
from home.frame import frame_for_request
from home.i18n import (
    language_direction,
    language_links,
    live_translations,
    page_language,
    reader_url,
)
from home.localized import reader_language, same_language
from home.navigation import NavItem, is_current, site_navigation

register = template.Library()


@register.filter
def long_date(value):
    """A date as people read it, weekday first where the language puts it: "Wednesday
    20 September 2023", "2023年9月20日 星期三" (CLDR's full date, home/l10n.py)."""
    return l10n.format_date(value, "full")


@register.filter
def long_datetime(value):
    """A moment as people read it, in the language's own order: "23:59, Wednesday
    20 September 2023" (UK time)."""
    return l10n.format_datetime(value, "full")


@register.filter
def short_time(value):
    """A time of day as the language writes it: "14:00", "下午2:00"."""
    return l10n.format_time(value, "short")


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


def _shown_in_another_language(context, page) -> str | None:
    """The language `page` is shown in when it is not the reader's (a fallback)."""
    if getattr(page, "locale_id", None) is None:
        return None
    code = page_language(page, context.get("request"))
    return None if same_language(code, reader_language()) else code


@register.simple_tag(takes_context=True)
def untranslated_notice(context, page=None):
    """One line, in the reader's language, above a page shown in its source language
    because it is not translated yet (the content itself is marked `lang`/`dir`)."""
    code = _shown_in_another_language(context, page if page is not None else context.get("page"))
    if code is None:
        return ""
    message = gettext(
        "This page is not yet translated into your language, so it is shown in English."
    )
    return format_html('<p class="untranslated-notice" role="note">{}</p>', message)


@register.simple_tag(takes_context=True)
def untranslated_note(context, page):
    """The same for one item of a list: "Not yet translated" beside its title."""
    if _shown_in_another_language(context, page) is None:
        return ""
    return format_html(
        '<p class="untranslated-note">{}</p>', gettext("Not yet translated: shown in English.")
    )


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
    """The header's links for this reader (home/navigation.py): the pages editors
    marked "show in menus" under the home page (in the reader's language where
    translated), what other apps add (Events; for members the directory and the
    "My page" menu), Search, and Sign in for people who are not signed in."""
    request = context.get("request")
    if request is None:
        return {"main": [], "member": [], "personal": []}
    frame = frame_for_request(request)
    main = []
    if frame is not None:
        pages = [page for page in frame.localized_children(get_language()) if page.show_in_menus]
        for position, page in enumerate(pages, start=1):
            main.append(
                NavItem(
                    page.title,
                    reader_url(page, request) or "",
                    order=position * 10,
                    lang=content_lang(context, page),
                )
            )
    parts = site_navigation(request)
    main += [item for part in parts for item in part.main]
    main.sort(key=lambda item: item.order)
    main.append(NavItem(gettext("Search"), reverse("search")))
    personal_part = next((part for part in parts if part.personal), None)
    path = request.path

    def with_state(items):
        return [{"item": item, "current": is_current(item.url, path)} for item in items]

    return {
        "main": with_state(main),
        "member": with_state([item for part in parts for item in part.member]),
        "personal": with_state(personal_part.personal) if personal_part else [],
        "personal_label": personal_part.personal_label if personal_part else "",
        "sign_out_url": personal_part.sign_out_url if personal_part else "",
        "signed_in": request.user.is_authenticated,
        "csrf_token": context.get("csrf_token"),
    }
