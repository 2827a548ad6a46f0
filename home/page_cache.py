"""Whole HTML pages for anonymous readers, kept in the default cache.

What is stored: the response to an anonymous GET of a page under a language prefix
(`/en/…`, `/ar/…`), with no query string or only the filter and pagination parameters
of `PAGE_CACHE_QUERY_PARAMETERS`, that is a 200 text/html response (or text/calendar:
the public events feed, the same for everyone and costly to render) which sets no
cookie, asks not to be cached by nobody, and used no CSRF token while rendering.

What never is: anything for a request that carries a session or a pending message
(a signed-in member, or someone in the middle of signing up), the member area and the
other unprefixed addresses (`/members/`, `/accounts/`, `/newsletter/`, the admin),
POST requests, and pages that render a form with a CSRF token. The site's public GET
forms (search, filters) carry no token, so those pages are cached; the newsletter
sign-up form lives at the unprefixed `/newsletter/` and is never cached.

Pages are kept in the `default` cache (Redis, or each worker's own memory without it),
under keys that hold the content version (home/frame.py). Every request reads that
version from the cache all processes share, so a publish, an unpublish, a withdrawn
consent, an edit of a snippet or the settings, or a change to a member's public profile
or an event retires every cached page at once in every worker, whichever process made
the change; `PAGE_CACHE_SECONDS` bounds how long an entry may live otherwise.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers

from home.frame import content_version

HEADER = "X-Page-Cache"
KEPT_HEADERS = (
    "Content-Type",
    "Content-Language",
    "Content-Disposition",
    "Vary",
    "X-Frame-Options",
    "Link",
)
STORED_TYPES = ("text/html", "text/calendar")


def _language_prefixes() -> tuple[str, ...]:
    return tuple(f"/{code}/" for code, _name in settings.LANGUAGES)


def cache_key(request) -> str | None:
    """The key of this request's page, or None when it must not come from the cache."""
    if not settings.PAGE_CACHE_ENABLED or request.method not in ("GET", "HEAD"):
        return None
    if not request.path.startswith(_language_prefixes()):
        return None
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES:
        return None
    allowed = set(settings.PAGE_CACHE_QUERY_PARAMETERS)
    if any(name not in allowed for name in request.GET):
        return None
    version = content_version(request)
    if version is None:
        return None
    query = urlencode(sorted(request.GET.lists()), doseq=True)
    return f"acn:page:{version}:{request.get_host()}:{request.path}?{query}"


def is_storable(request, response) -> bool:
    if response.status_code != 200 or response.streaming:
        return False
    if not response.get("Content-Type", "").startswith(STORED_TYPES):
        return False
    if response.cookies or request.META.get("CSRF_COOKIE_USED"):
        return False
    cache_control = response.get("Cache-Control", "")
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


class AnonymousPageCacheMiddleware:
    """Serve anonymous readers' pages from the cache, without touching the
    database; store the pages that are safe to share."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = cache_key(request)
        if key is None:
            return self.get_response(request)
        stored = cache.get(key)
        if stored is not None:
            content, headers = stored
            response = HttpResponse(content)
            for name, value in headers.items():
                response[name] = value
            response[HEADER] = "hit"
            patch_vary_headers(response, ("Cookie",))
            return response
        response = self.get_response(request)
        if is_storable(request, response):
            headers = {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}
            cache.set(key, (response.content, headers), settings.PAGE_CACHE_SECONDS)
            response[HEADER] = "miss"
        patch_vary_headers(response, ("Cookie",))
        return response
