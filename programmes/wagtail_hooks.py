"""What programmes/ registers with Wagtail and with the project's hooks (home/hooks.py):
its home page section, search filter, site set-up and demo content; in the admin the
"Impact" dashboard, the applications, register and self-assessment screens
(programmes/viewsets.py), their buttons and audit actions; the impact counters its
data feeds; and its part of a member's data download and account deletion."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets.button import Button
from wagtail.permissions import register_permission_policy

from home.frame import public, section_index
from home.hooks import (
    DEMO_CONTENT,
    HOME_PAGE_SECTIONS,
    MEMBER_ACCOUNT_DELETING,
    MEMBER_DATA_EXPORT,
    REGISTER_IMPACT_COUNTERS,
    SEARCHABLE_PAGE_TYPES,
    SETUP_SITE,
)
from home.i18n import default_locale_version, localize_pages
from home.impact import ImpactSource
from home.search import SearchableType
from home.sections import HomeSection
from programmes.demo import applications as applications_demo
from programmes.demo import programmes as programmes_demo
from programmes.models import ProgrammeAccess, ProgrammeIndexPage, ProgrammePage
from programmes.services import access, assessments, attendance, member_data
from programmes.services.funder_report import REPORT_EXPORTED
from programmes.services.impact import editable_programmes
from programmes.setup import ensure_programme_index
from programmes.status import accepting_applications_q
from programmes.urls import admin as admin_urls
from programmes.urls import impact as impact_admin_urls
from programmes.viewsets import (
    ApplicationsMenuItem,
    ImpactMenuItem,
    ProgrammeAccessViewSet,
    SuperuserOnlyPolicy,
)

# The public site --------------------------------------------------------------------


@hooks.register(HOME_PAGE_SECTIONS)
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


@hooks.register(SEARCHABLE_PAGE_TYPES)
def searchable_programmes():
    return SearchableType(key="programmes", label=_("Programmes"), model=ProgrammePage, order=10)


@hooks.register(SETUP_SITE, order=10)
def programme_section(run):
    """`manage.py setup_site` (and load_demo): the programme index."""
    ensure_programme_index(run)


# Demo content, in load_demo's order (home/hooks.py DEMO_CONTENT) --------------------


@hooks.register(DEMO_CONTENT, order=10)
def programme_demo_content(run):
    programmes_demo.load_programmes(run)


@hooks.register(DEMO_CONTENT, order=50)
def application_demo_content(run):
    """After the members, who apply and take part."""
    applications_demo.load_applications(run)


@hooks.register(DEMO_CONTENT, order=60)
def programme_demo_translations(run):
    """After the applications demo, which gives the open programme its questions."""
    programmes_demo.load_programme_translations(run)


@hooks.register(DEMO_CONTENT, order=60)
def impact_demo_content(run):
    programmes_demo.load_impact_demo(run)


# The admin: impact, applications, register, self-assessment and funder report ------

register_permission_policy(ProgrammeAccess, SuperuserOnlyPolicy(ProgrammeAccess))


@hooks.register("register_admin_viewset")
def register_programme_access_viewset():
    return ProgrammeAccessViewSet("programme_access")


@hooks.register("register_admin_urls")
def impact_admin_urls_hook():
    return [path("impact/", include(impact_admin_urls, namespace="programmes_impact"))]


@hooks.register("register_admin_urls")
def programme_admin_urls():
    return [path("programmes/", include(admin_urls, namespace="programmes_admin"))]


@hooks.register("register_admin_menu_item")
def impact_admin_menu_item():
    return ImpactMenuItem(
        _("Impact"), reverse("programmes_impact:dashboard"), icon_name="table", order=240
    )


@hooks.register("register_admin_menu_item")
def applications_menu_item():
    return ApplicationsMenuItem(
        _("Applications"),
        reverse("programmes_admin:programmes"),
        icon_name="form",
        order=235,
    )


@hooks.register("register_page_header_buttons")
def application_buttons(page, user, view_name, next_url=None):
    """ "Applications" and "Register" beside a programme page's title in the admin."""
    if not isinstance(page.specific_deferred, ProgrammePage):
        return
    source = default_locale_version(page)
    if access.can_review(user, source):
        yield Button(
            _("Applications"),
            reverse("programmes_admin:applications", args=[source.pk]),
            icon_name="form",
            priority=80,
        )
        yield Button(
            _("Register"),
            reverse("programmes_admin:sessions", args=[source.pk]),
            icon_name="list-ul",
            priority=81,
        )
        yield Button(
            _("Self-assessment"),
            reverse("programmes_admin:assessments", args=[source.pk]),
            icon_name="tick",
            priority=82,
        )


@hooks.register("register_page_header_buttons")
def funder_report_button(page, user, view_name, next_url=None):
    """ "Funder report" beside a programme page's title, for staff who see its impact."""
    if not isinstance(page.specific_deferred, ProgrammePage):
        return
    source = default_locale_version(page)
    if editable_programmes(user).filter(pk=source.pk).exists():
        yield Button(
            _("Funder report"),
            reverse("programmes_impact:report", args=[source.pk]),
            icon_name="table",
            priority=83,
        )


@hooks.register("register_log_actions")
def application_log_actions(actions):
    actions.register_action(
        access.VIEWED_LIST, _("View applications"), _("Applications list viewed")
    )
    actions.register_action(access.VIEWED, _("View an application"), _("Application viewed"))
    actions.register_action(
        access.EXPORTED, _("Export applications"), _("Applications exported as CSV")
    )
    actions.register_action(
        access.STATUS_CHANGED, _("Change an application's status"), _("Application status changed")
    )
    actions.register_action(access.REGISTER_TAKEN, _("Take a register"), _("Register taken"))


@hooks.register("register_log_actions")
def impact_log_actions(actions):
    actions.register_action(
        assessments.ROUND_OPENED,
        _("Open a self-assessment round"),
        _("Self-assessment round opened"),
    )
    actions.register_action(
        assessments.ROUND_CLOSED,
        _("Close a self-assessment round"),
        _("Self-assessment round closed"),
    )
    actions.register_action(
        REPORT_EXPORTED, _("Export a funder report"), _("Funder report exported")
    )


# For the other apps: impact counters and a member's data --------------------------


@hooks.register(REGISTER_IMPACT_COUNTERS)
def programme_impact_counters():
    """Sessions delivered, participants who attended and skill growth, counted from the
    register and the self-assessment rounds."""
    return {
        ImpactSource.SESSIONS_DELIVERED: attendance.count_sessions_delivered,
        ImpactSource.PARTICIPANTS_ATTENDED: attendance.count_participants_attended,
        ImpactSource.SKILL_GROWTH: assessments.count_skill_growth,
    }


@hooks.register(MEMBER_DATA_EXPORT)
def programme_data_export(user):
    """A member's applications, cohorts and own self-assessment answers."""
    return {
        **member_data.export_applications(user),
        "self_assessment": assessments.member_answers(user),
    }


@hooks.register(MEMBER_ACCOUNT_DELETING)
def programme_data_forget(user):
    """A leaving member's applications, cohort names and links to their answers."""
    member_data.forget_applications(user)
    assessments.forget_member(user)
