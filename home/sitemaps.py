"""The sitemap in every language, with hreflang alternates and `x-default`.

Every live, public page of the default-language tree is listed once per language:
at its translation's URL where one is live, otherwise at the reader language's own URL
(where the site serves the source, marked, home.views.route_in_frame). Each entry
names all its languages as `xhtml:link` alternates, and `x-default` is the address
without a language prefix, which sends a visitor to their browser's language.
Django's i18n sitemaps do the XML; this only says where each page lives.
"""

from __future__ import annotations

import copy

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site


class PagesSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def __init__(self, request=None):
        self.request = request
        self._versions: dict | None = None

    def _site(self):
        site = Site.find_for_request(self.request) if self.request else None
        return site or Site.objects.select_related("root_page").get(is_default_site=True)

    def items(self):
        root = self._site().root_page
        return list(
            root.get_descendants(inclusive=True)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _live_versions(self, pages) -> dict:
        """translation key -> language code -> live public version (one query)."""
        if self._versions is None:
            codes = dict(Locale.objects.values_list("id", "language_code"))
            keys = {page.translation_key for page in pages}
            self._versions = {}
            for version in (
                Page.objects.live()
                .public()
                .filter(translation_key__in=keys)
                .defer_streamfields()
                .specific()
            ):
                self._versions.setdefault(version.translation_key, {})[codes[version.locale_id]] = (
                    version
                )
        return self._versions

    def _version(self, item):
        page, language = item
        code = get_supported_content_language_variant(language)
        versions = self._live_versions(self._all_items()).get(page.translation_key, {})
        version = versions.get(code)
        if version is None:
            version = copy.copy(page)
            version.fallback_language = language
        return version

    def _all_items(self):
        if not hasattr(self, "_items_cache"):
            self._items_cache = self.items()
        return self._items_cache

    def _items(self):
        return [(page, code) for page in self._all_items() for code, _name in settings.LANGUAGES]

    def location(self, page):
        """Called in each language in turn (Django's i18n sitemaps activate it)."""
        parts = self._version((page, translation.get_language())).get_url_parts(self.request)
        return parts[2] if parts else ""

    def lastmod(self, page):
        version = self._version((page, translation.get_language()))
        return version.last_published_at or version.latest_revision_created_at

    def _get(self, name, item, default=None):
        # Django calls lastmod outside the entry's language; give it the language.
        if name == "lastmod" and isinstance(item, tuple):
            with translation.override(item[1]):
                return super()._get(name, item, default)
        return super()._get(name, item, default)
