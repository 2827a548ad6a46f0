"""The member area in the Wagtail admin (staff views), and what members/ gives the other
apps through the project's hooks (home/hooks.py): the participant account programmes/
asks for, the home page's events section, the impact counters, the demo content and
the members who asked for the newsletter.

members/ never talks to itself through a hook: its own parts of a member's data
download and of account deletion are called by members/services/member_data.py."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.viewsets.model import ModelViewSet

from home.hooks import (
    DEMO_CONTENT,
    HOME_PAGE_SECTIONS,
    PROGRAMME_PARTICIPANT_ACCOUNT,
    REGISTER_IMPACT_COUNTERS,
)
from home.impact import ImpactSource
from home.navigation import SITE_NAVIGATION_HOOK
from home.panels import ACCOUNT_CHOOSER_HOOK
from home.sections import HomeSection
from members import demo
from members.models import AuditAction
from members.navigation import member_navigation
from members.services import impact, membership
from members.services import newsletter as member_newsletter
from members.services.events.listing import EventFilters, event_listings, near_areas_of
from members.services.mentoring import pairs as mentoring
from members.services.privacy import is_member_staff
from members.urls import admin as admin_urls
from members.views.admin.choosers import member_account_chooser
from members.views.admin.membership import EventEditView
from stories.services.newsletter import MEMBER_READERS_HOOK


class MemberStaffMenuItem(MenuItem):
    def is_shown(self, request):
        return is_member_staff(request.user)


class EventViewSet(ModelViewSet):
    """All events for staff: edit any event, filter by state; proposed events are
    published or declined from the "Proposed events" page, which emails the organiser.
    Saving tells the people who replied of a new time, place or joining link, and
    gives places freed by a higher capacity to the waitlist (`EventEditView`)."""

    from members.models import Event as model

    edit_view_class = EventEditView

    icon = "date"
    menu_label = _("Events")
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["title", "starts_at", "format", "area", "audience", "state"]
    list_filter = ["state", "format", "audience"]
    search_fields = ["title", "description", "venue"]
    ordering = ["-starts_at"]
    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        MultiFieldPanel(
            [
                FieldPanel("format"),
                FieldRowPanel([FieldPanel("venue"), FieldPanel("area")]),
                FieldPanel("joining_link"),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("audience")]),
                FieldPanel("state"),
                FieldPanel("organiser"),
                FieldPanel("programme"),
                FieldPanel("topics"),
                FieldPanel("skills"),
            ],
            heading=_("Who and how"),
        ),
    ]


@hooks.register("register_admin_viewset")
def register_event_viewset():
    return EventViewSet("member_events")


@hooks.register("register_admin_viewset")
def register_member_account_chooser():
    return member_account_chooser


@hooks.register(ACCOUNT_CHOOSER_HOOK)
def member_account_chooser_widget():
    """The story's "author's account" field chooses among approved members by name."""
    return member_account_chooser.widget_class()


@hooks.register("register_admin_urls")
def member_admin_urls():
    return [path("members/", include(admin_urls, namespace="members_admin"))]


@hooks.register("register_admin_menu_item")
def member_admin_menu():
    items = [
        (_("Pending members"), "members_admin:pending", "user"),
        (_("Programme claims"), "members_admin:claims", "tick"),
        (_("Reports"), "members_admin:reports", "warning"),
        (_("Proposed events"), "members_admin:proposed_events", "date"),
        (_("Mentoring"), "members_admin:mentoring", "group"),
        (_("Invitations"), "members_admin:invitations", "mail"),
        (_("Audit trail"), "members_admin:audit", "history"),
        (_("Export consenting members (CSV)"), "members_admin:export_csv", "download"),
    ]
    menu = Menu(
        items=[
            MemberStaffMenuItem(label, reverse(name), icon_name=icon, order=index)
            for index, (label, name, icon) in enumerate(items)
        ]
    )

    class MembersSubmenu(SubmenuMenuItem):
        def is_shown(self, request):
            return is_member_staff(request.user)

    return MembersSubmenu(_("Members"), menu, icon_name="group", order=250)


@hooks.register("register_log_actions")
def member_log_actions(actions):
    """The member area's actions on Wagtail's log (Reports → Site history); entries name
    members by number only, and the Members → Audit trail list shows their names."""
    for action in AuditAction:
        actions.register_action(action.value, action.label, action.label)


@hooks.register(PROGRAMME_PARTICIPANT_ACCOUNT)
def participant_account(**details):
    """Makes or links the member account of someone who accepted a programme place."""
    return membership.participant_account(**details)


@hooks.register(DEMO_CONTENT, order=30)
def member_area_demo_content(run):
    """Members, their events and mentoring pairs, after programmes and stories."""
    demo.load_member_area(run)


HOME_PAGE_EVENTS = 4


@hooks.register(HOME_PAGE_SECTIONS)
def next_events_section(home_page, request):
    """The next events near the signed-in member (and online), or the next public ones."""
    near = near_areas_of(request.user) if request.user.is_authenticated else set()
    rows = event_listings(request.user, EventFilters(near=near or None), limit=HOME_PAGE_EVENTS)
    if not rows:
        return None
    return HomeSection(
        order=30,
        template="members/events/home_section.html",
        context={"event_rows": rows, "near_me": bool(near)},
    )


@hooks.register(REGISTER_IMPACT_COUNTERS)
def network_impact_counters():
    """Network members, events held across the network and events of the programme,
    mentoring meetings held and people in pairs, for programmes' computed outcome
    figures: a programme counts the pairs staff linked to it (see
    members/services/mentoring/pairs.py)."""
    return {
        ImpactSource.NETWORK_MEMBERS: impact.count_network_members,
        ImpactSource.EVENTS_HELD: impact.count_events_held,
        ImpactSource.PROGRAMME_EVENTS: impact.count_programme_events,
        ImpactSource.MENTORING_MEETINGS: mentoring.count_mentoring_meetings,
        ImpactSource.MENTORING_PEOPLE: mentoring.count_mentoring_people,
    }


@hooks.register(MEMBER_READERS_HOOK)
def newsletter_member_readers(language):
    """Approved members who asked for the newsletter (members/services/newsletter.py),
    for staff's sends to "subscribers and members who opted in"."""
    return member_newsletter.member_readers(language)


# Events, the directory and the "My page" menu in the site header.
hooks.register(SITE_NAVIGATION_HOOK, member_navigation)
