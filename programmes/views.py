"""Views that sit beside Wagtail's page serving."""

from django.http import Http404, HttpResponse
from django.utils.text import slugify
from wagtail.models import Page

from programmes.calendar import programme_calendar
from programmes.models import ProgrammePage


def programme_calendar_view(request, path):
    """`<programme url>calendar.ics`: the programme's schedule for calendar apps.

    Wagtail's page URLs cannot end in a file name, so this view routes the path
    the way Wagtail does and answers only for live, public programme pages.
    """
    route = Page.route_for_request(request, path)
    if route is None:
        raise Http404
    page = route[0]
    if not isinstance(page, ProgrammePage) or page.get_view_restrictions().exists():
        raise Http404
    body = programme_calendar(page, domain=request.get_host().split(":")[0])
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    filename = f"{slugify(page.slug) or 'programme'}.ics"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
