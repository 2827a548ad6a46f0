"""Serving pages in the reader's language, with English where no translation exists.

Listings and menus start from the English (default-locale) pages, so nothing is
missing from them, and swap in each page's translation in one query for the whole
list. Pages say which language their content is in, so an English fallback inside a
Chinese page is announced as English to screen readers and translation tools.

Locales are read once per request (six rows) and looked up by id afterwards, so no
per-item query ever asks which language a page is in.
"""

from django.conf import settings
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page

from home.frame import current_frame, public

RTL_LANGUAGES = {"ar", "fa", "he", "ur"}


class _NoRequest:
    """Stands in for a request outside one (commands, tests): caches nothing."""


def _cache(request) -> dict:
    if request is None:
        request = _NoRequest()
    cache = getattr(request, "_acn_i18n", None)
    if cache is None:
        cache = {}
        request._acn_i18n = cache
    return cache


def locale_codes(request=None) -> dict[int, str]:
    """Locale id → language code, read once per request."""
    cache = _cache(request)
    if "codes" not in cache:
        frame = current_frame()
        cache["codes"] = (
            frame.locale_codes
            if frame is not None
            else dict(Locale.objects.values_list("id", "language_code"))
        )
    return cache["codes"]


def locale_id_for(language_code: str, request=None) -> int | None:
    try:
        code = get_supported_content_language_variant(language_code)
    except LookupError:
        return None
    return next((pk for pk, c in locale_codes(request).items() if c == code), None)


def active_locale_id(request=None) -> int | None:
    return locale_id_for(translation.get_language() or settings.LANGUAGE_CODE, request)


def default_locale_id(request=None) -> int | None:
    return locale_id_for(settings.LANGUAGE_CODE, request)


def page_language(page, request=None) -> str:
    return locale_codes(request).get(page.locale_id, settings.LANGUAGE_CODE)


def language_direction(language_code: str) -> str:
    return "rtl" if language_code.split("-")[0] in RTL_LANGUAGES else "ltr"


def default_locale_version(page, request=None):
    """The page's version in the default language (the source every listing starts from)."""
    default_id = default_locale_id(request)
    if page.locale_id == default_id:
        return page
    frame = current_frame()
    if frame is not None and page.translation_key == frame.site.root_page.translation_key:
        return frame.root_for(settings.LANGUAGE_CODE)
    source = (
        Page.objects.filter(translation_key=page.translation_key, locale_id=default_id)
        .specific()
        .first()
    )
    return source or page


def mark_fallback(page, language_code: str | None, request=None):
    """Mark `page` as shown to a reader of `language_code` in its own (source) language,
    because it has no live translation in theirs. Its URL then stays at the reader's
    language prefix (`ReaderLanguageUrlMixin`), and templates mark it `lang`/`dir` and
    say it is not yet translated. Nothing happens when the languages are the same."""
    if page is None or not language_code or getattr(page, "locale_id", None) is None:
        return page
    try:
        code = get_supported_content_language_variant(language_code)
    except LookupError:
        return page
    if page_language(page, request) != code:
        page.fallback_language = language_code
    return page


def localize_pages(pages, request=None) -> list:
    """Each page in the reader's language where a live translation exists, otherwise
    as given, marked as a fallback (so it links to the reader's language's URL). One
    query for the whole list (plus one per page type for `.specific`)."""
    pages = list(pages)
    locale_id = active_locale_id(request)
    keys = {page.translation_key for page in pages if page.locale_id != locale_id}
    if not keys or locale_id is None:
        return pages
    translated = {
        page.translation_key: page
        for page in public(Page.objects.live())
        .filter(translation_key__in=keys, locale_id=locale_id)
        .specific()
    }
    localized = []
    for page in pages:
        version = translated.get(page.translation_key, page)
        if version is not page:
            _share_prefetched(page, version)
        else:
            mark_fallback(page, translation.get_language(), request)
        localized.append(version)
    return localized


class ReaderLanguageUrlMixin:
    """Pages shown as a fallback (`mark_fallback`) keep the reader's language in their
    URL: an untranslated story listed on /zh-hant/stories/ links to
    /zh-hant/stories/…, where it is served in English, marked so, instead of sending
    the reader to /en/. Every other page's URL is Wagtail's."""

    fallback_language: str | None = None

    def get_url_parts(self, request=None):
        parts = super().get_url_parts(request)
        if not self.fallback_language or not parts or parts[2] is None:
            return parts
        site_id, root_url, page_path = parts
        return site_id, root_url, _in_fallback_language(self, page_path, request)


def _in_fallback_language(page, page_path: str, request=None) -> str:
    language = getattr(page, "fallback_language", None)
    prefix = f"/{page_language(page, request)}/"
    if language and page_path.startswith(prefix):
        return f"/{language}/{page_path[len(prefix) :]}"
    return page_path


def reader_url(page, request=None) -> str | None:
    """`page.get_url()`, kept in the reader's language for a fallback, also for plain
    `Page` objects (the menu's), which lack `ReaderLanguageUrlMixin`."""
    if isinstance(page, ReaderLanguageUrlMixin) or not getattr(page, "fallback_language", None):
        return page.get_url(request)
    parts = page.get_url_parts(request)
    if not parts or parts[2] is None:
        return page.get_url(request)
    url = page.get_url(request)
    return url[: -len(parts[2])] + _in_fallback_language(page, parts[2], request)


def _share_prefetched(source, version):
    """Tags, images and other synchronised relations are the same in every language, so
    what was prefetched for the source serves its translation without another query."""
    if hasattr(source, "_prefetched_objects_cache"):
        version._prefetched_objects_cache = source._prefetched_objects_cache
    for name, related in source._state.fields_cache.items():
        try:
            field = source._meta.get_field(name)
        except Exception:  # noqa: BLE001, S112 - a reverse relation: nothing to share
            continue
        attname = getattr(field, "attname", None)
        if attname and getattr(version, attname, None) == getattr(source, attname, None):
            version._state.fields_cache[name] = related


def localize_objects(objects, request=None) -> list:
    """Translatable snippets (not pages) in the reader's language where translated."""
    objects = list(objects)
    locale_id = active_locale_id(request)
    keys = {obj.translation_key for obj in objects if obj.locale_id != locale_id}
    if not keys or locale_id is None:
        return objects
    model = type(objects[0])
    translated = {
        obj.translation_key: obj
        for obj in model.objects.filter(translation_key__in=keys, locale_id=locale_id)
    }
    localized = []
    for obj in objects:
        version = translated.get(obj.translation_key, obj)
        if version is not obj:
            _share_prefetched(obj, version)
        localized.append(version)
    return localized


def live_translations(page, request) -> dict[str, object]:
    """Language code → the live version of `page` in that language (itself included)."""
    cache = _cache(request).setdefault("translations", {})
    if page.pk not in cache:
        codes = locale_codes(request)
        cache[page.pk] = {
            codes[version.locale_id]: version
            for version in page.get_translations(inclusive=True).live()
        }
    return cache[page.pk]


def language_links(request, page=None) -> list[dict]:
    """For each language: where the switcher leads and whether it is a real translation.

    The same page in that language where one is live, otherwise that language's home
    page (which shows the English one until it is translated)."""
    versions = live_translations(page, request) if getattr(page, "pk", None) else {}
    active = translation.get_language()
    links = []
    for code, _name in settings.LANGUAGES:
        version = versions.get(code)
        links.append(
            {
                "code": code,
                "name": translation.get_language_info(code)["name_local"],
                "url": version.get_url(request) if version else f"/{code}/",
                "is_translation": version is not None,
                "is_current": code == active,
                "direction": language_direction(code),
            }
        )
    return links


def safe_next_url(request, url: str, fallback: str = "/") -> str:
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return fallback


def translate_page(page, language_code: str, strings: dict[str, str]) -> bool:
    """Translate `page` through wagtail-localize's own translation objects, so its editor
    shows the result as a translation (not a separate page). Strings missing from
    `strings` fall back to the source text. Returns False if a translation exists."""
    from wagtail_localize.models import Translation, TranslationSource

    locale = Locale.objects.get(language_code=language_code)
    if page.has_translation(locale):
        return False
    source, _ = TranslationSource.get_or_create_from_instance(page)
    target, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    po = target.export_po()
    for entry in po:
        if entry.msgid in strings:
            entry.msgstr = strings[entry.msgid]
    target.import_po(po)
    # Save a draft and publish it here: save_target(publish=True) defers publishing to the
    # end of the transaction, and publishing that late restores a stale child count on
    # parents whose translated children were added meanwhile.
    target.save_target(publish=False)
    page.get_translation(locale).specific.get_latest_revision().publish()
    return True


def sync_translations(page) -> int:
    """Bring every translation of `page` up to date with its source (synchronised
    fields such as dates and the schedule, and any new strings), as wagtail-localize's
    "Sync translated pages" does. Returns how many translations were updated."""
    from wagtail_localize.models import TranslationSource

    source, _ = TranslationSource.update_or_create_from_instance(page)
    updated = 0
    for target in source.translations.filter(enabled=True).select_related("target_locale"):
        target.save_target(publish=False)
        page.get_translation(target.target_locale).specific.get_latest_revision().publish()
        updated += 1
    return updated
