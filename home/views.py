"""Views of the shared ground that are not Wagtail pages: the language switch, site
search, robots.txt, the health check and the error pages."""

import logging
import re
import sys

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import (
    Http404,
    HttpResponse,
    HttpResponseRedirect,
    HttpResponseServerError,
    JsonResponse,
)
from django.shortcuts import render
from django.template import loader
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from wagtail.models import Page
from wagtail.views import serve as wagtail_serve

from home import task_queue
from home.cache import cache_is_failing
from home.frame import frame_for_request
from home.i18n import mark_fallback, safe_next_url
from home.search import SearchHits, search_pages, searchable_types

logger = logging.getLogger(__name__)

RESULTS_PER_PAGE = 20
MAX_QUERY_LENGTH = 200
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@require_GET
def search(request):
    """Search programmes and stories; filter by type; counts for each type."""
    # Control characters (NUL above all, which PostgreSQL refuses in text) never
    # belong in a search; drop them rather than fail.
    query = CONTROL_CHARACTERS.sub("", request.GET.get("q", "")).strip()[:MAX_QUERY_LENGTH]
    types = searchable_types()
    chosen = request.GET.get("type", "")
    if chosen not in {searchable.key for searchable in types}:
        chosen = ""
    counts, shown = [], []
    if query:
        for searchable in types:
            found = search_pages(query, searchable, request)
            count = len(found)
            counts.append((searchable, count))
            if not chosen or chosen == searchable.key:
                shown.append((searchable, found, count))
    page_obj = Paginator(SearchHits(shown), RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    query_string = request.GET.copy()
    query_string.pop("page", None)
    return TemplateResponse(
        request,
        "home/search.html",
        {
            "query": query,
            "types": types,
            "chosen_type": chosen,
            "counts": counts,
            "total": sum(count for _searchable, count in counts),
            "results": page_obj.object_list,
            "page_obj": page_obj,
            "filter_query": query_string.urlencode(),
        },
    )


@require_GET
def robots_txt(request):
    return TemplateResponse(request, "robots.txt", {}, content_type="text/plain; charset=utf-8")


@never_cache
def switch_language(request, language_code):
    """Follow a language-switcher link and remember the choice in a cookie.

    A plain link (GET) so the switcher needs no JavaScript and no form; it only sets
    a preference and redirects to the page in that language.
    """
    if language_code not in dict(settings.LANGUAGES):
        raise Http404
    response = HttpResponseRedirect(
        safe_next_url(request, request.GET.get("next", ""), fallback=f"/{language_code}/")
    )
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language_code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        secure=request.is_secure(),
        httponly=True,
    )
    return response


def serve_page(request, path):
    """Wagtail's page view, routed from the site frame: the root page in the reader's
    language comes from the frame and the deepest page on the path is found in one
    query (plus one for its specific type), however deep it lies."""
    if not hasattr(request, "_wagtail_route_for_request"):
        frame = frame_for_request(request)
        if frame is not None:
            request._wagtail_route_for_request = route_in_frame(frame, request, path)
    return wagtail_serve(request, path)


def route_in_frame(frame, request, path):
    """The page at `path` in the reader's language; where that language has no live
    version of it, the source page at the same address (never a 404 for content that
    exists in the default language). A page shown that way is marked as a fallback, so
    its links stay in the reader's language and the page says it is not yet translated.
    Only live, public pages are routed either way: a draft or an unpublished story
    (consent withdrawn) is found in no language."""
    language = translation.get_language()
    root = frame.root_for(language)
    components = [component for component in path.split("/") if component]
    result = _route_under(root, request, components)
    default_root = frame.root_for(settings.LANGUAGE_CODE)
    if result is None and root.pk != default_root.pk:
        result = _route_under(default_root, request, components)
    if result is not None:
        mark_fallback(result[0], language, request)
    return result


def _route_under(root, request, components):
    try:
        if not components:
            return root.route(request, [])
        prefixes = [
            root.url_path + "/".join(components[:length]) + "/"
            for length in range(1, len(components) + 1)
        ]
        deepest = (
            Page.objects.filter(url_path__in=prefixes, path__startswith=root.path)
            .order_by("-depth")
            .first()
        )
        if deepest is None:
            return root.route(request, components)
        remaining = components[deepest.depth - root.depth :]
        return deepest.specific.route(request, remaining)
    except Http404:
        return None


@never_cache
@require_GET
def healthz(request):
    """For load balancers: is this app server able to serve? Checks the database and,
    when a shared cache is configured, the cache. Names only what failed, never why
    (an error message can carry host names or credentials)."""
    checks = {"database": _database_answers()}
    if settings.REDIS_URL:
        checks["cache"] = _cache_answers()
    healthy = all(checks.values())
    body = {
        "status": "ok" if healthy else "unavailable",
        "checks": {name: "ok" if passed else "failing" for name, passed in checks.items()},
    }
    if checks["database"] and task_queue.queue_kind():
        # A late queue (the worker is down) is reported, not a 503: this app server
        # still serves, and taking every one out of the load balancer for it would
        # turn a delay of emails into an outage of the site.
        body["checks"]["tasks"], body["oldest_waiting_task_seconds"] = _tasks_on_time()
        if healthy and body["checks"]["tasks"] != "ok":
            body["status"] = "degraded"
    return JsonResponse(body, status=200 if healthy else 503)


def _database_answers() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        logger.warning("healthz: the database does not answer", exc_info=True)
        return False


def _tasks_on_time() -> tuple[str, int]:
    """("ok" | "late" | "failing", the oldest due task's wait in whole seconds)."""
    try:
        waited = task_queue.oldest_waiting_seconds()
    except Exception:  # a queue that cannot be read (Redis for RQ) is failing; logged
        logger.warning("healthz: the task queue cannot be read", exc_info=True)
        return "failing", 0
    if waited is None:
        return "ok", 0
    return ("late" if waited > settings.TASKS_LATE_AFTER_SECONDS else "ok"), int(waited)


def _cache_answers() -> bool:
    key = "healthz:probe"
    try:
        if hasattr(cache, "probe"):  # home.cache.ResilientRedisCache: asks Redis itself
            return cache.probe()
        cache.set(key, "1", timeout=10)
        return cache.get(key) == "1"
    except Exception:  # any backend failure means "not healthy"; logged, never shown
        logger.warning("healthz: the cache does not answer", exc_info=True)
        return False


def rate_limited(request):
    """allauth's answer to a rate-limited request (ROOT_URLCONF.handler429). While Redis
    does not answer nothing can be counted, so the limited actions are refused for
    everyone (home/cache.py): then say so, as a 503 to try again shortly, rather than
    blame the visitor for attempts they did not make."""
    if cache_is_failing():
        response = render(request, "home/paused.html", status=503)
        response["Retry-After"] = "60"
        add_never_cache_headers(response)
        return response
    return render(request, "429.html", status=429)


def server_error(request):
    """The last resort page. A database that cannot be reached is "unavailable" (503,
    try again shortly), not a bug (500): load balancers and people both read it so.
    Renders without a request context, so it needs neither the database nor sessions."""
    error = sys.exc_info()[1]
    if isinstance(error, OperationalError | InterfaceError):
        return service_unavailable(request)
    return HttpResponseServerError(loader.get_template("500.html").render())


def service_unavailable(request):
    response = HttpResponse(loader.get_template("503.html").render(), status=503)
    response["Retry-After"] = "30"
    add_never_cache_headers(response)
    return response
