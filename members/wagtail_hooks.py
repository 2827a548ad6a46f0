"""The member area in the Wagtail admin (staff views) and in the demo loader."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from members import admin_urls
from members.services import story_submission
from members.services.privacy import is_member_staff


class MemberStaffMenuItem(MenuItem):
    def is_shown(self, request):
        return is_member_staff(request.user)


@hooks.register("register_admin_urls")
def member_admin_urls():
    return [path("members/", include(admin_urls, namespace="members_admin"))]


@hooks.register("register_admin_menu_item")
def member_admin_menu():
    items = [
        (_("Pending members"), "members_admin:pending", "user"),
        (_("Programme claims"), "members_admin:claims", "tick"),
        (_("Reports"), "members_admin:reports", "warning"),
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


@hooks.register("demo_content", order=30)
def members_demo_content(run):
    from members.demo import load_members

    load_members(run)


# The member's stories in their data, and what happens to them when the account goes.


@hooks.register("member_data_export")
def member_stories_export(user):
    return {"stories": story_submission.export_submissions(user)}


@hooks.register("member_account_deleting")
def member_stories_forget(user):
    story_submission.forget_submitter(user)
