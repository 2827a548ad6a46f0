"""allauth's account adapter: where sign-in leads, depending on membership."""

from allauth.account.adapter import DefaultAccountAdapter
from django.urls import reverse


class AccountAdapter(DefaultAccountAdapter):
    """Members land in the member area after signing in; staff land in the admin."""

    def get_login_redirect_url(self, request):
        if request.user.is_staff:
            return reverse("wagtailadmin_home")
        return reverse("members:dashboard")
