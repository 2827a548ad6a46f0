"""The member chooser of the Wagtail admin: approved members by display name, searched
by it, for fields naming a member's account (a story's "author's account"). Email
addresses never show; staff and editors reach it, members do not (admin access)."""

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.views.generic import chooser as chooser_views
from wagtail.admin.viewsets.chooser import ChooserViewSet

from members.models import MembershipStatus


class MemberSearchForm(BaseFilterForm):
    q = forms.CharField(
        label=_("Search term"),
        widget=forms.TextInput(attrs={"placeholder": _("Search by display name")}),
        required=False,
    )

    def filter(self, objects):
        objects = super().filter(objects)
        query = self.cleaned_data.get("q", "").strip()
        if query:
            objects = objects.filter(profile__display_name__icontains=query)
            self.is_searching = True
            self.search_query = query
        return objects


class MemberChooseView(chooser_views.ChooseView):
    filter_form_class = MemberSearchForm


class MemberChooseResultsView(chooser_views.ChooseResultsView):
    filter_form_class = MemberSearchForm


class MemberAccountChooserViewSet(ChooserViewSet):
    """Chooses an approved member's account; each is listed by display name."""

    model = settings.AUTH_USER_MODEL
    icon = "user"
    choose_one_text = _("Choose a member")
    choose_another_text = _("Choose another member")
    page_title = _("Choose a member")
    per_page = 20
    # Only the fields that ask for it (home.panels.AccountChooserPanel): staff accounts
    # chosen elsewhere (programme access) must stay choosable.
    register_widget = False
    choose_view_class = MemberChooseView
    choose_results_view_class = MemberChooseResultsView

    def get_object_list(self):
        return (
            get_user_model()
            .objects.filter(profile__status=MembershipStatus.APPROVED)
            .select_related("profile")
            .order_by("profile__display_name", "pk")
        )


member_account_chooser = MemberAccountChooserViewSet("member_account_chooser")
