"""The programmes' screens in the Wagtail admin, declared here and registered by
programmes/wagtail_hooks.py: who may read a programme's applications (superusers
decide), and the menu items that show only to staff with something to see."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import AuthenticationOnlyPermissionPolicy

from programmes.models import ProgrammeAccess
from programmes.services import access
from programmes.services.impact import can_view_impact


class ImpactMenuItem(MenuItem):
    """Shown to staff who can edit at least one programme."""

    def is_shown(self, request):
        return can_view_impact(request.user)


class ApplicationsMenuItem(MenuItem):
    """Shown to staff who may read the applications of at least one programme."""

    def is_shown(self, request):
        return access.reviewable_programmes(request.user).exists()


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


class ProgrammeAccessViewSet(ModelViewSet):
    """Superusers give staff access to one programme's applications, cohort and register."""

    model = ProgrammeAccess
    icon = "lock"
    menu_label = _("Access to applications")
    add_to_settings_menu = True
    list_display = ["programme", "user", "granted_at"]
    form_fields = ["programme", "user"]
