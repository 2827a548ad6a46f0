"""Staff accounts hold everyone's data: with STAFF_REQUIRE_MFA their extra sight needs a
second factor completed in this session, on every page and not only in the admin.

The middleware marks the signed-in user with whether this session's sign-in included a
second factor (allauth's record of authentication methods); `is_member_staff` reads that
mark, so without it staff see the member area as an ordinary member does. The admin,
where staff have nothing else to see, sends them to set up or enter their second factor.
"""

from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.middleware import get_user
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from members.services.privacy import completed_second_factor, mark_second_factor


class StaffMFAMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.user = SimpleLazyObject(lambda: mark_second_factor(request, get_user(request)))
        if (
            settings.STAFF_REQUIRE_MFA
            and request.path.startswith("/admin/")
            and request.user.is_authenticated
            and request.user.is_staff
            and not completed_second_factor(request.user)
        ):
            if is_mfa_enabled(request.user):
                messages.warning(
                    request, _("Enter a code from your authenticator app to reach the admin.")
                )
                return redirect(
                    f"{reverse('mfa_reauthenticate')}?{urlencode({'next': request.path})}"
                )
            messages.warning(
                request,
                _("Staff accounts need two-factor authentication. Set it up to reach the admin."),
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)
