"""Staff accounts hold everyone's data: with STAFF_REQUIRE_MFA they must turn on
two-factor authentication before the Wagtail admin opens for them."""

from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _


class StaffMFAMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            settings.STAFF_REQUIRE_MFA
            and request.path.startswith("/admin/")
            and request.user.is_authenticated
            and request.user.is_staff
            and not is_mfa_enabled(request.user)
        ):
            messages.warning(
                request,
                _("Staff accounts need two-factor authentication. Set it up to reach the admin."),
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)
