"""Programmes on the home page (the home app's section hook), and in the admin: the staff
"Impact" dashboard, who may read applications, the applications and register views,
their audit actions, and the impact counters the register feeds."""

from django.contrib.auth import get_user_model
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button
from wagtail.permission_policies.base import AuthenticationOnlyPermissionPolicy
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
from home.search import SearchableType
from home.sections import HomeSection
from programmes.models import (
    Application,
    CohortMember,
    ProgrammeAccess,
    ProgrammeIndexPage,
    ProgrammePage,
)
from programmes.services import access
from programmes.status import accepting_applications_q
from programmes.urls import admin as admin_urls


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
    from programmes.setup import ensure_programme_index

    ensure_programme_index(run)


@hooks.register(DEMO_CONTENT, order=10)
def programme_demo_content(run):
    from programmes.demo.programmes import load_programmes

    load_programmes(run)


@hooks.register(DEMO_CONTENT, order=60)
def programme_demo_translations(run):
    """After the applications demo, which gives the open programme its questions."""
    from programmes.demo.programmes import load_programme_translations

    load_programme_translations(run)


class ImpactMenuItem(MenuItem):
    """Shown to staff who can edit at least one programme."""

    def is_shown(self, request):
        from programmes.services.impact import can_view_impact

        return can_view_impact(request.user)


@hooks.register("register_admin_urls")
def impact_admin_urls():
    from programmes.urls import impact as impact_admin_urls

    return [path("impact/", include(impact_admin_urls, namespace="programmes_impact"))]


@hooks.register("register_admin_menu_item")
def impact_admin_menu_item():
    return ImpactMenuItem(
        _("Impact"), reverse("programmes_impact:dashboard"), icon_name="table", order=240
    )


# Applications, cohorts and the register (issue 7) --------------------------------------


class SuperuserOnlyPolicy(AuthenticationOnlyPermissionPolicy):
    """Only superusers decide who may read a programme's applications."""

    def user_has_permission(self, user, action):
        return user.is_authenticated and user.is_active and user.is_superuser

    def user_has_any_permission(self, user, actions):
        return self.user_has_permission(user, None)

    def users_with_any_permission(self, actions):
        return get_user_model().objects.filter(is_active=True, is_superuser=True)

    def users_with_permission(self, action):
        return self.users_with_any_permission([action])


register_permission_policy(ProgrammeAccess, SuperuserOnlyPolicy(ProgrammeAccess))


class ProgrammeAccessViewSet(ModelViewSet):
    """Superusers give staff access to one programme's applications, cohort and register."""

    model = ProgrammeAccess
    icon = "lock"
    menu_label = _("Access to applications")
    add_to_settings_menu = True
    list_display = ["programme", "user", "granted_at"]
    form_fields = ["programme", "user"]


@hooks.register("register_admin_viewset")
def register_programme_access_viewset():
    return ProgrammeAccessViewSet("programme_access")


@hooks.register("register_admin_urls")
def programme_admin_urls():
    return [path("programmes/", include(admin_urls, namespace="programmes_admin"))]


class ApplicationsMenuItem(MenuItem):
    def is_shown(self, request):
        return access.reviewable_programmes(request.user).exists()


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


@hooks.register(REGISTER_IMPACT_COUNTERS)
def attendance_impact_counters():
    from home.impact import ImpactSource
    from programmes.services import attendance

    return {
        ImpactSource.SESSIONS_DELIVERED: attendance.count_sessions_delivered,
        ImpactSource.PARTICIPANTS_ATTENDED: attendance.count_participants_attended,
    }


def applications_of(user):
    """A member's applications: those sent while signed in, and those sent signed out
    from an address the member has verified (the same person, by the site's own proof)."""
    from django.db.models import Q

    verified = {user.email.casefold()} if user.email else set()
    addresses = getattr(user, "emailaddress_set", None)
    if addresses is not None:
        verified = {
            email.casefold()
            for email in addresses.filter(verified=True).values_list("email", flat=True)
        }
    signed_out = Q(pk__in=[])
    for email in verified:
        signed_out |= Q(user__isnull=True, email__iexact=email)
    return Application.objects.filter(Q(user=user) | signed_out)


@hooks.register(MEMBER_DATA_EXPORT)
def applications_export(user):
    """A member's applications and cohorts, for their data download."""
    return {
        "programme_applications": [
            {
                "programme": application.programme.title,
                "submitted_at": application.submitted_at.isoformat(),
                "status": application.status,
                "name": application.name,
                "email": application.email,
                "phone": application.phone,
                "home_area": application.home_area,
                "languages": application.languages,
                "answers": application.answers,
            }
            for application in applications_of(user).select_related("programme")
        ],
        "cohorts": [
            {"programme": member.programme.title, "confirmed_at": member.confirmed_at.isoformat()}
            for member in CohortMember.objects.filter(user=user).select_related("programme")
        ],
    }


@hooks.register(MEMBER_ACCOUNT_DELETING)
def forget_applications(user):
    """A leaving member's applications go, those sent signed out from their address
    too; their cohort place stays, without a name, so registers and impact figures keep
    their history."""
    applications_of(user).delete()
    CohortMember.objects.filter(user=user).update(display_name=_("Former member"))


@hooks.register(DEMO_CONTENT, order=50)
def application_demo_content(run):
    from programmes.demo.applications import load_applications

    load_applications(run)


# Skills before and after, equality monitoring and the funder report (issue 20) ---------


@hooks.register("register_page_header_buttons")
def funder_report_button(page, user, view_name, next_url=None):
    """ "Funder report" beside a programme page's title, for staff who see its impact."""
    if not isinstance(page.specific_deferred, ProgrammePage):
        return
    from programmes.services.impact import editable_programmes

    source = default_locale_version(page)
    if editable_programmes(user).filter(pk=source.pk).exists():
        yield Button(
            _("Funder report"),
            reverse("programmes_impact:report", args=[source.pk]),
            icon_name="table",
            priority=83,
        )


@hooks.register("register_log_actions")
def impact_log_actions(actions):
    from programmes.services.assessments import ROUND_CLOSED, ROUND_OPENED
    from programmes.services.funder_report import REPORT_EXPORTED

    actions.register_action(
        ROUND_OPENED, _("Open a self-assessment round"), _("Self-assessment round opened")
    )
    actions.register_action(
        ROUND_CLOSED, _("Close a self-assessment round"), _("Self-assessment round closed")
    )
    actions.register_action(
        REPORT_EXPORTED, _("Export a funder report"), _("Funder report exported")
    )


@hooks.register(REGISTER_IMPACT_COUNTERS)
def skill_growth_impact_counter():
    from home.impact import ImpactSource
    from programmes.services.assessments import count_skill_growth

    return {ImpactSource.SKILL_GROWTH: count_skill_growth}


@hooks.register(MEMBER_DATA_EXPORT)
def self_assessment_export(user):
    """A member's own self-assessment answers, while they can still be tied to them."""
    from programmes.services.assessments import member_answers

    return {"self_assessment": member_answers(user)}


@hooks.register(MEMBER_ACCOUNT_DELETING)
def forget_self_assessment(user):
    """A leaving member's links to their answers go, and so do answers to open rounds."""
    from programmes.services.assessments import forget_member

    forget_member(user)


@hooks.register(DEMO_CONTENT, order=60)
def impact_demo_content(run):
    from programmes.demo.programmes import load_impact_demo

    load_impact_demo(run)
