"""The site frame: what every page needs and editors rarely change, read once per
content version instead of once per request.

Every request needs the Site, its root page in each language, the locales, the site
settings with their social links, the pages of the main menu and the list of private
sections. Reading them costs about ten queries a request; here they are read once,
stored in the shared cache under the current *content version*, and handed to each
request as a fresh copy (the cache unpickles one), so no request can change another's.

The content version is one integer in the shared cache. `bump_content_version()`
raises it whenever anything a visitor could see changes (home/signals.py), which
retires this frame and every cached anonymous page at once (home/page_cache.py).
"""

from __future__ import annotations

import time
from contextvars import ContextVar
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from django.http.request import split_domain_port
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, PageViewRestriction, Site

CONTENT_VERSION_KEY = "acn:content-version"
FRAME_TIMEOUT = 60 * 60 * 24

_current_frame: ContextVar[SiteFrame | None] = ContextVar("acn_site_frame", default=None)


def frame_timeout() -> int:
    """How long a frame is kept. In a shared cache (Redis) a change retires it at once,
    so a day. In the per-process memory cache a change made by another worker process
    is never seen here, so no longer than a cached page may live (`PAGE_CACHE_SECONDS`):
    a new menu item reaches every worker within that time instead of within a day."""
    if settings.CACHES["default"]["BACKEND"].endswith(".LocMemCache"):
        return min(FRAME_TIMEOUT, settings.PAGE_CACHE_SECONDS)
    return FRAME_TIMEOUT


def content_version() -> int:
    """The current content version, started from the clock so that a cache that lost
    the key never brings an older version (and its stale entries) back."""
    version = cache.get(CONTENT_VERSION_KEY)
    if version is None:
        version = int(time.time() * 1000)
        if not cache.add(CONTENT_VERSION_KEY, version, timeout=None):
            version = cache.get(CONTENT_VERSION_KEY, version)
    return version


def bump_content_version() -> None:
    """Retire the frame and every cached anonymous page: something visible changed."""
    try:
        cache.incr(CONTENT_VERSION_KEY)
    except ValueError:
        cache.set(CONTENT_VERSION_KEY, int(time.time() * 1000), timeout=None)


@dataclass
class SiteFrame:
    """Per site and content version: the pieces of every page that rarely change."""

    site: Site
    site_settings: object
    locale_codes: dict[int, str]
    # Language code -> the site's live root page in that language (specific).
    roots: dict[str, Page]
    # Language code -> the live children of that language's root (plain Page objects).
    children: dict[str, list[Page]] = field(default_factory=dict)
    # Tree paths of pages with view restrictions: everything under them is private.
    restricted_paths: tuple[str, ...] = ()

    @property
    def default_language(self) -> str:
        return get_supported_content_language_variant(settings.LANGUAGE_CODE)

    def root_for(self, language_code: str | None) -> Page:
        try:
            code = get_supported_content_language_variant(language_code or "")
        except LookupError:
            code = self.default_language
        return self.roots.get(code) or self.roots[self.default_language]

    def is_public(self, page) -> bool:
        return not any(page.path.startswith(path) for path in self.restricted_paths)

    def localized_children(self, language_code: str | None) -> list[Page]:
        """The default root's children, each in `language_code` where translated."""
        code = language_code or self.default_language
        translated = {page.translation_key: page for page in self.children.get(code, [])}
        return [
            translated.get(page.translation_key, page)
            for page in self.children.get(self.default_language, [])
            if self.is_public(page)
        ]


def build_frame(site: Site) -> SiteFrame:
    from home.models import SiteSettings

    root = Page.objects.get(pk=site.root_page_id)
    site.root_page = root
    codes = dict(Locale.objects.values_list("id", "language_code"))
    versions = [
        page
        for page in root.get_translations(inclusive=True).specific()
        if page.live or page.pk == root.pk
    ]
    roots = {codes[page.locale_id]: page for page in versions}
    # Read, never created here: creating would raise the content version mid-build.
    site_settings = SiteSettings.objects.filter(site=site).first() or SiteSettings(site=site)
    site_settings.social_links = list(site_settings.social_links.all()) if site_settings.pk else []
    path_q = Q()
    for page in versions:
        path_q |= Q(path__startswith=page.path, depth=page.depth + 1)
    children: dict[str, list[Page]] = {}
    for page in Page.objects.live().filter(path_q).order_by("path"):
        children.setdefault(codes.get(page.locale_id, ""), []).append(page)
    restricted = tuple(
        PageViewRestriction.objects.values_list("page__path", flat=True).order_by("page__path")
    )
    return SiteFrame(
        site=site,
        site_settings=site_settings,
        locale_codes=codes,
        roots=roots,
        children=children,
        restricted_paths=restricted,
    )


_NO_SITE = "no-site"


def frame_for_request(request) -> SiteFrame | None:
    """The frame of the request's site at the current content version (cached per
    host and port, so not even the site lookup reaches the database)."""
    if hasattr(request, "_acn_frame"):
        return request._acn_frame
    hostname = split_domain_port(request._get_raw_host())[0]
    key = f"acn:frame:{content_version()}:{hostname}:{request.get_port()}"
    frame = cache.get(key)
    if frame is None:
        site = Site.find_for_request(request)
        frame = build_frame(site) if site is not None else _NO_SITE
        cache.set(key, frame, frame_timeout())
    request._acn_frame = frame if frame != _NO_SITE else None
    return request._acn_frame


def current_frame() -> SiteFrame | None:
    """The frame of the request being served, for code that has no request at hand."""
    return _current_frame.get()


def public(queryset):
    """`queryset.public()`, without asking the database for private sections when the
    frame already knows there are none."""
    frame = current_frame()
    if frame is not None and not frame.restricted_paths:
        return queryset
    return queryset.public()


def section_index(model, language_code: str | None = None):
    """The first live, public page of `model`'s type directly under the home page, in
    the reader's language where translated; None when there is none (or no frame)."""
    frame = current_frame()
    if frame is None:
        return None
    from django.contrib.contenttypes.models import ContentType

    content_type_id = ContentType.objects.get_for_model(model).id
    for page in frame.localized_children(language_code or translation.get_language()):
        if page.content_type_id == content_type_id:
            return page
    return None


class FrameViewRestrictionsMixin:
    """Pages skip Wagtail's two view-restriction queries when the frame knows that no
    private section contains them. Mixed into every page type of the site."""

    def get_view_restrictions(self):
        frame = current_frame()
        if frame is not None and not self.alias_of_id and frame.is_public(self):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


class SiteFrameMiddleware:
    """Hands each request its site frame: Wagtail's site lookup and the site settings
    are answered from it, and code without the request reaches it as `current_frame()`.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from home.models import SiteSettings

        frame = frame_for_request(request)
        if frame is not None:
            request._wagtail_site = frame.site
            frame.site_settings._request = request
            setattr(request, SiteSettings.get_cache_attr_name(), frame.site_settings)
        token = _current_frame.set(frame)
        try:
            return self.get_response(request)
        finally:
            _current_frame.reset(token)
