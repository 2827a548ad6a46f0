"""What the member area adds to the site header (home/navigation.py): Events for
everyone; for approved members the directory and the full "My page" menu; for people
whose membership is not approved (yet) only their own page, profile and settings.
"""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from home.navigation import NavItem, SiteNavigation
from members.services.conversations import unread_count
from members.services.privacy import is_approved_member, is_member_staff

# Events sits after the first menu page (Programmes), before the second (Stories).
EVENTS_ORDER = 15


def member_links(request) -> list[NavItem]:
    """Links beside the main ones for approved members (and staff who moderate them):
    the directory, and Messages with the number of conversations waiting to be read
    (one COUNT query)."""
    unread = unread_count(request.user)
    return [
        NavItem(_("Members"), reverse("members:directory")),
        NavItem(
            _("Messages"),
            reverse("members:messages"),
            count=unread or None,
            count_label=ngettext("%(count)s unread", "%(count)s unread", unread)
            % {"count": unread},
        ),
    ]


def personal_links(request, *, approved: bool) -> list[NavItem]:
    """The "My page" menu: everything about the signed-in person, in one place."""
    links = [NavItem(_("My page"), reverse("members:dashboard"))]
    links.append(NavItem(_("Edit my profile"), reverse("members:edit_profile")))
    if approved:
        links += [
            NavItem(_("My events"), reverse("members:my_events")),
            NavItem(_("Mentoring"), reverse("members:mentoring")),
            NavItem(_("My stories"), reverse("members:my_stories")),
            NavItem(_("Newsletter"), reverse("members:newsletter")),
        ]
    links.append(NavItem(_("Account settings"), reverse("account_email")))
    return links


def member_navigation(request) -> SiteNavigation:
    """The header's member parts for this request: one query at most (the profile),
    none on member pages, whose view has read it already."""
    events = [NavItem(_("Events"), reverse("events:list"), order=EVENTS_ORDER)]
    user = request.user
    if not user.is_authenticated:
        return SiteNavigation(main=events)
    approved = is_approved_member(user) or is_member_staff(user)
    return SiteNavigation(
        main=events,
        member=member_links(request) if approved else [],
        personal=personal_links(request, approved=approved),
        personal_label=_("My page"),
        sign_out_url=reverse("account_logout"),
    )
