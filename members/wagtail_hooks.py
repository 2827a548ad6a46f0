"""The member area in the Wagtail admin (staff views) and in the demo loader."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.viewsets.model import ModelViewSet

from home.hooks import (
    DEMO_CONTENT,
    HOME_PAGE_SECTIONS,
    MEMBER_ACCOUNT_DELETING,
    MEMBER_DATA_EXPORT,
    PROGRAMME_PARTICIPANT_ACCOUNT,
    REGISTER_IMPACT_COUNTERS,
)
from members.services import story_submission
from members.services.privacy import is_member_staff
from members.urls import admin as admin_urls
from members.views.admin.membership import EventEditView


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


@hooks.register(PROGRAMME_PARTICIPANT_ACCOUNT)
def participant_account(**details):
    """Makes or links the member account of someone who accepted a programme place."""
    from members.services.membership import participant_account

    return participant_account(**details)


@hooks.register(DEMO_CONTENT, order=30)
def members_demo_content(run):
    from members.demo.members import load_members

    load_members(run)


# The member's stories in their data, and what happens to them when the account goes.


@hooks.register(MEMBER_DATA_EXPORT)
def member_stories_export(user):
    return {"stories": story_submission.export_submissions(user)}


@hooks.register(MEMBER_ACCOUNT_DELETING)
def member_stories_forget(user):
    story_submission.forget_submitter(user)


@hooks.register(MEMBER_DATA_EXPORT)
def event_replies_export(user):
    """A member's replies to events, for their data download."""
    from members.models import EventReply

    replies = EventReply.objects.filter(user=user).select_related("event").order_by("replied_at")
    return {
        "event_replies": [
            {
                "event": reply.event.title,
                "starts_at": reply.event.starts_at.isoformat(),
                "status": reply.status,
                "show_name": reply.show_name,
                "replied_at": reply.replied_at.isoformat(),
            }
            for reply in replies
        ]
    }


@hooks.register(MEMBER_ACCOUNT_DELETING)
def remove_event_replies(user):
    """A leaving member's replies go (freeing their places for the waitlist), except a
    place at an event already held, which stays counted without them; events they
    organised are handed to staff (`member_data.hand_events_to_staff`)."""
    from django.utils import timezone

    from members.models import EventReply, EventState, ReplyStatus
    from members.services.events import rsvp

    EventReply.objects.filter(
        user=user,
        status=ReplyStatus.CONFIRMED,
        event__state=EventState.PUBLISHED,
        event__ends_at__lte=timezone.now(),
    ).update(user=None, show_name=False)
    for reply in EventReply.objects.filter(user=user, status=ReplyStatus.CONFIRMED).select_related(
        "event"
    ):
        rsvp.give_up_place(reply.event, user)
    EventReply.objects.filter(user=user).delete()


@hooks.register(DEMO_CONTENT, order=40)
def events_demo_content(run):
    from members.demo.events import load_events

    load_events(run)


HOME_PAGE_EVENTS = 4


@hooks.register(HOME_PAGE_SECTIONS)
def next_events_section(home_page, request):
    """The next events near the signed-in member (and online), or the next public ones."""
    from home.sections import HomeSection
    from members.services.events.listing import EventFilters, event_listings, near_areas_of

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
    for programmes' computed outcome figures."""
    from home.impact import ImpactSource
    from members.services.impact import (
        count_events_held,
        count_network_members,
        count_programme_events,
    )

    return {
        ImpactSource.NETWORK_MEMBERS: count_network_members,
        ImpactSource.EVENTS_HELD: count_events_held,
        ImpactSource.PROGRAMME_EVENTS: count_programme_events,
    }


# Mentoring: the member's data, deletion, live impact counters and the demo.


@hooks.register(MEMBER_DATA_EXPORT)
def mentoring_export(user):
    from members.services.mentoring import pairs as mentoring

    return {"mentoring": mentoring.export_mentoring(user)}


@hooks.register(REGISTER_IMPACT_COUNTERS)
def mentoring_impact_counters():
    """Mentoring meetings held and people in pairs, for programmes' computed figures: a
    programme counts the pairs staff linked to it (see members/services/mentoring/pairs.py)."""
    from home.impact import ImpactSource
    from members.services.mentoring import pairs as mentoring

    return {
        ImpactSource.MENTORING_MEETINGS: mentoring.count_mentoring_meetings,
        ImpactSource.MENTORING_PEOPLE: mentoring.count_mentoring_people,
    }


@hooks.register(DEMO_CONTENT, order=45)
def mentoring_demo_content(run):
    from members.demo.members import load_mentoring

    load_mentoring(run)
