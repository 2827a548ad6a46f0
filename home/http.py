"""The site's one way to mark a response as personal, and its one absolute address.

A page that shows one person's data (their profile, an application, an admin list of
members) must never be kept by a shared cache or a browser's back-forward store:
`make_private` sets `Cache-Control: private, no-store` on one response, and
`private_response` does it for every response of a view. Emails, calendar feeds and
links sent outside a request need the site's absolute address: `site_url`.
"""

from collections.abc import Callable
from functools import wraps

from django.conf import settings

PRIVATE_CACHE_CONTROL = "private, no-store"
NOINDEX = "noindex, nofollow"


def make_private(response, *, noindex: bool = False, no_referrer: bool = False):
    """Mark `response` as personal and return it.

    `noindex` also asks search engines not to index or follow it (member pages);
    `no_referrer` keeps a personal link in the address bar from leaking to another
    site through the Referer header (links that are themselves the key).
    """
    response["Cache-Control"] = PRIVATE_CACHE_CONTROL
    if noindex:
        response["X-Robots-Tag"] = NOINDEX
    if no_referrer:
        response["Referrer-Policy"] = "no-referrer"
    return response


def private_response(
    view: Callable | None = None, *, noindex: bool = False, no_referrer: bool = False
):
    """Decorator: every response of the view is marked by `make_private`.

    Use bare (`@private_response`) or with options (`@private_response(noindex=True)`).
    """

    def decorate(view_function):
        @wraps(view_function)
        def wrapped(request, *args, **kwargs):
            response = view_function(request, *args, **kwargs)
            return make_private(response, noindex=noindex, no_referrer=no_referrer)

        return wrapped

    return decorate(view) if view is not None else decorate


def site_url(path: str = "") -> str:
    """The site's absolute address (`WAGTAILADMIN_BASE_URL`, which production requires)
    followed by `path`: `site_url("/members/")` → `https://example.org/members/`."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
