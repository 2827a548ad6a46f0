"""The account itself: the privacy notice it is made under, joining by invitation,
downloading everything held about me, and deleting it all."""

import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from home.i18n import mark_fallback, reader_url
from home.privacy import live_privacy_notice
from members.decorators import private_page
from members.forms.invitations import InvitationAcceptForm
from members.forms.profile import DeleteAccountForm
from members.services import invitations, member_data


@private_page
@login_required
def export_data(request):
    """Download everything held about me, as JSON."""
    if request.method == "POST":
        data = member_data.export_member_data(request.user)
        response = HttpResponse(
            json.dumps(data, indent=2, ensure_ascii=False),
            content_type="application/json; charset=utf-8",
        )
        response["Content-Disposition"] = 'attachment; filename="my-data.json"'
        return response
    return render(request, "members/export.html")


@private_page
@login_required
def delete_account(request):
    """Delete my account, confirmed with my password."""
    form = DeleteAccountForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        messages.get_messages(request).used = True  # waiting messages name the account
        logout(request)
        member_data.delete_member(user)
        messages.success(request, _("Your account and your personal data are deleted."))
        return redirect("/")
    return render(request, "members/delete_account.html", {"form": form})


def privacy_notice(request):
    """The address sign-up, the application form and the footer link to: the published
    privacy notice page in the reader's language, or a short built-in notice until an
    organisation publishes its own."""
    notice = live_privacy_notice(get_language())
    if notice is not None:
        # Untranslated, it is read at the reader's own address, marked as English.
        return redirect(reader_url(mark_fallback(notice, get_language(), request), request))
    return render(
        request,
        "members/privacy_notice.html",
        {"version": settings.PRIVACY_NOTICE_VERSION},
    )


@private_page
def accept_invitation(request, token):
    """Join by a staff invitation: choose a name and password, accept the notice, and
    the membership is approved at once."""
    try:
        invitations.find_open_invitation(token)
    except invitations.InvitationInvalid:
        return render(request, "members/invitation_invalid.html", status=404)
    form = InvitationAcceptForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = invitations.accept(
                token,
                display_name=form.cleaned_data["display_name"],
                password=form.cleaned_data["password"],
                consented=form.cleaned_data["privacy_consent"],
            )
        except invitations.InvitationInvalid:
            return render(request, "members/invitation_invalid.html", status=404)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Welcome to the network. Your membership is approved."))
        return redirect("members:edit_profile")
    return render(request, "members/invitation_accept.html", {"form": form})
