"""The member area's access rules, as view decorators: who may open a page, and that
every member-area response is personal (never indexed, never kept by a shared cache).

Every view module of members/ takes its rules from here, so a rule is changed once and
no view module imports another to borrow one.
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from home.http import make_private, private_response
from members.services.privacy import is_approved_member, is_member_staff


def private_page(view):
    """Mark a response as personal: never indexed, never stored by a shared cache."""
    return private_response(view, noindex=True)


def approved_members_only(view):
    """Open to approved members and to staff who moderate members; pending members and
    others get a page that says why."""

    @wraps(view)
    @login_required
    def wrapped(request, *args, **kwargs):
        if not (is_approved_member(request.user) or is_member_staff(request.user)):
            return render(request, "members/not_yet_approved.html", status=403)
        return view(request, *args, **kwargs)

    return private_page(wrapped)


def member_staff_only(view):
    """The member-moderation screens in the admin: staff with the
    `members.moderate_members` permission (and their second factor, see
    `is_member_staff`); anyone else is refused with 403."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not is_member_staff(request.user):
            raise PermissionDenied
        return make_private(view(request, *args, **kwargs))

    return wrapped
