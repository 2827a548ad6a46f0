"""Programmes on the home page, through the home app's section hook; the staff
"Impact" dashboard in the Wagtail admin."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from home.frame import public, section_index
from home.i18n import default_locale_version, localize_pages
from home.search import SearchableType
from home.sections import HomeSection
from programmes.models import ProgrammeIndexPage, ProgrammePage
from programmes.status import accepting_applications_q


@hooks.register("home_page_sections")
def open_programmes_section(home_page, request):
    """Programmes open for applications, soonest deadline first, in the reader's language."""
    source_home = default_locale_version(home_page, request)
    programmes = (
        public(ProgrammePage.objects.live())
        .descendant_of(source_home)
        .filter(accepting_applications_q())
        .order_by("application_deadline", "title")
        .prefetch_related("topic_items__tag")[:6]
    )
    index = section_index(ProgrammeIndexPage)
    if index is None:
        index = public(ProgrammeIndexPage.objects.live()).descendant_of(source_home).first()
        index = localize_pages([index], request)[0] if index else None
    return HomeSection(
        order=10,
        template="programmes/includes/open_programmes_section.html",
        context={
            "open_programmes": localize_pages(programmes, request),
            "programme_index": index,
        },
    )


@hooks.register("searchable_page_types")
def searchable_programmes():
    return SearchableType(key="programmes", label=_("Programmes"), model=ProgrammePage, order=10)


@hooks.register("demo_content", order=10)
def programme_demo_content(run):
    from programmes.demo import load_programme_translations, load_programmes

    load_programmes(run)
    load_programme_translations(run)


class ImpactMenuItem(MenuItem):
    """Shown to staff who can edit at least one programme."""

    def is_shown(self, request):
        from programmes.services.impact import can_view_impact

        return can_view_impact(request.user)


@hooks.register("register_admin_urls")
def impact_admin_urls():
    from programmes import impact_admin_urls

    return [path("impact/", include(impact_admin_urls, namespace="programmes_impact"))]


@hooks.register("register_admin_menu_item")
def impact_admin_menu_item():
    return ImpactMenuItem(
        _("Impact"), reverse("programmes_impact:dashboard"), icon_name="table", order=240
    )
