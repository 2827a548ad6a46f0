"""Views of the shared ground: site search and robots.txt."""

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from home.search import search_pages, searchable_types

RESULTS_PER_PAGE = 20
MAX_QUERY_LENGTH = 200


@require_GET
def search_view(request):
    """Search programmes and stories; filter by type; counts for each type."""
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    types = searchable_types()
    chosen = request.GET.get("type", "")
    if chosen not in {searchable.key for searchable in types}:
        chosen = ""
    counts, results = [], []
    if query:
        for searchable in types:
            found = search_pages(query, searchable)
            counts.append((searchable, len(found)))
            if not chosen or chosen == searchable.key:
                results.extend((searchable, page) for page in found)
    page_obj = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
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
