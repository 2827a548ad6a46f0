"""The site frame: what every page needs and editors rarely change, read once per
content version instead of once per request.

Every request needs the Site, its root page in each language, the locales, the site
settings with their social links and their texts in every language, the pages of the
main menu, the list of private sections and the names of the skills and topics.
Reading them costs about ten queries a request; here they are read once, stored in
the default cache under the current *content version*, and handed to each request as
a fresh copy (the cache unpickles one), so no request can change another's.

The content version is one number that every process of the site reads on each
request, from the `shared` cache: Redis when `REDIS_URL` is set, otherwise a small
file-based cache under `VAR_DIR` that every worker process on the machine shares. The
frame and the pages stay in the `default` cache (per-process memory without Redis), but
their keys hold the version, so when `bump_content_version()` gives it a new value
(home/signals.py: anything a visitor could see changed, in whichever process) this
frame and every cached anonymous page (home/page_cache.py) are retired at once in
every worker. That is what makes a withdrawn consent or an unpublished page disappear
from every worker's cache on the next request, not after `PAGE_CACHE_SECONDS`.
"""

from __future__ import annotations

import copy
import logging
import time
from contextvars import ContextVar
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache, caches
from django.db import transaction
from django.db.models import Q
from django.http.request import split_domain_port
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, PageViewRestriction, Site

from home.cache import cache_is_failing

logger = logging.getLogger(__name__)

CONTENT_VERSION_KEY = "acn:content-version"
# The cache alias every process of the site shares (network_site/settings/base.py).
SHARED_CACHE = "shared"
FRAME_TIMEOUT = 60 * 60 * 24

_current_frame: ContextVar[SiteFrame | None] = ContextVar("acn_site_frame", default=None)
_last_version = 0
# Set when this process saw the shared cache fail: raise the version once it answers.
_retire_when_back = False


def _shared_cache():
    """Where the content version lives; the default cache if a deployment's own CACHES
    has no `shared` alias (then only as shared as that cache is)."""
    return caches[SHARED_CACHE] if SHARED_CACHE in settings.CACHES else cache


def _new_version() -> int:
    """A version never used before: the clock in nanoseconds, and never less than one
    more than the last this process made. Set, not incremented, so that two processes
    raising it at once cannot lose a change (a file cache has no atomic increment), and
    a cache that lost the key never brings an older version back."""
    global _last_version  # one counter per process, by design
    _last_version = max(time.time_ns(), _last_version + 1)
    return _last_version


def content_version(request=None) -> int | None:
    """The current content version, read once per request (kept on `request`).

    None when the shared cache cannot be read (its directory is gone bad, its files
    belong to another system user, or Redis does not answer): then no page is served
    from or kept in the cache, since nothing could tell whether it is current. Slower,
    never stale."""
    if request is not None and hasattr(request, "_acn_content_version"):
        return request._acn_content_version
    try:
        version = _read_or_start_version()
    except OSError:
        logger.exception("The shared cache cannot be read; serving without cached pages")
        version = None
    if request is not None:
        request._acn_content_version = version
    return version


def _read_or_start_version() -> int | None:
    """None while Redis does not answer (home/cache.py). A change made meanwhile could
    not raise the version, so the first read once Redis answers again raises it: the
    pages cached before the outage never come back."""
    global _retire_when_back  # one flag per process, by design
    shared = _shared_cache()
    version = shared.get(CONTENT_VERSION_KEY)
    if cache_is_failing(SHARED_CACHE):
        _retire_when_back = True
        return None
    if _retire_when_back:
        _retire_when_back = False
        _store_new_version()
        version = shared.get(CONTENT_VERSION_KEY)
        if version is None:
            return None
    if version is None:
        version = _new_version()
        if not shared.add(CONTENT_VERSION_KEY, version, timeout=None):
            version = shared.get(CONTENT_VERSION_KEY, version)
    return version


def _store_new_version() -> None:
    global _retire_when_back  # one flag per process, by design
    _shared_cache().set(CONTENT_VERSION_KEY, _new_version(), timeout=None)
    if cache_is_failing(SHARED_CACHE):
        _retire_when_back = True


def bump_content_version() -> None:
    """Retire the frame and every cached anonymous page in every process: something
    visible changed. Inside a transaction, once more when it commits: until then other
    processes still read the old rows, and a page one of them rendered in between would
    otherwise stay cached under the new version."""
    _store_new_version()
    connection = transaction.get_connection()
    pending = (callback for _savepoints, callback, _robust in connection.run_on_commit)
    if connection.in_atomic_block and _store_new_version not in pending:
        transaction.on_commit(_store_new_version)


@dataclass
class SiteFrame:
    """Per site and content version: the pieces of every page that rarely change."""

    site: Site
    site_settings: object
    locale_codes: dict[int, str]
    # Language code -> the site's live root page in that language (specific).
    roots: dict[str, Page]
    # Language code -> the live children of that language's root (specific pages).
    children: dict[str, list[Page]] = field(default_factory=dict)
    # Tree paths of pages with view restrictions: everything under them is private.
    restricted_paths: tuple[str, ...] = ()
    # Skill and topic names in every language (home.vocabulary.Vocabulary).
    vocabulary: object = None

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
        children = []
        for page in self.children.get(self.default_language, []):
            if not self.is_public(page):
                continue
            version = translated.get(page.translation_key)
            if version is None and code != self.default_language:
                # Shown in the source language at the reader's URL (home.i18n.mark_fallback).
                version = copy.copy(page)
                version.fallback_language = code
            children.append(version or page)
        return children


def build_frame(site: Site) -> SiteFrame:
    from home.models import SiteSettings
    from home.vocabulary import load_vocabulary

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
    # The settings' texts in every language, so pages read them without a query.
    site_settings.texts_by_language()
    path_q = Q()
    for page in versions:
        path_q |= Q(path__startswith=page.path, depth=page.depth + 1)
    children: dict[str, list[Page]] = {}
    # Specific, so a section shown as a fallback keeps the reader's language in its URL
    # (home.i18n.ReaderLanguageUrlMixin); read once per content version.
    for page in Page.objects.live().filter(path_q).order_by("path").specific():
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
        vocabulary=load_vocabulary(codes),
    )


_NO_SITE = "no-site"


def frame_for_request(request) -> SiteFrame | None:
    """The frame of the request's site at the current content version (cached per
    host and port, so not even the site lookup reaches the database)."""
    if hasattr(request, "_acn_frame"):
        return request._acn_frame
    hostname = split_domain_port(request._get_raw_host())[0]
    version = content_version(request)
    key = f"acn:frame:{version}:{hostname}:{request.get_port()}"
    frame = cache.get(key) if version is not None else None
    if frame is None:
        site = Site.find_for_request(request)
        frame = build_frame(site) if site is not None else _NO_SITE
        if version is not None:
            cache.set(key, frame, FRAME_TIMEOUT)
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
