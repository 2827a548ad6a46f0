"""The programme a request is about, found once for the views that share it: by id
for staff who may review its applications, by address for the public pages under it."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from wagtail.models import Page

from programmes.models import ProgrammePage
from programmes.services import access, applications


def reviewable_programme(user, programme_id) -> ProgrammePage:
    """The programme (in its source language) if `user` may review it; 403 otherwise."""
    programme = get_object_or_404(ProgrammePage, pk=programme_id)
    programme = applications.source_programme(programme)
    if not access.can_review(user, programme):
        raise PermissionDenied
    return programme


def public_programme_at(request, path) -> ProgrammePage | None:
    """The programme page served at `path`, or None when the address is another kind of
    page or a programme behind a view restriction."""
    route = Page.route_for_request(request, path)
    if route is None:
        return None
    page = route[0]
    if not isinstance(page, ProgrammePage) or page.get_view_restrictions().exists():
        return None
    return page
