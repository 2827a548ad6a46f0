"""Newsletter subscribers in the admin (/admin/newsletter-subscribers/): their state
(pending, confirmed, unsubscribed, bounced) with filters, a CSV or XLSX export through
the formula-safe cells of home/spreadsheets.py, and adding someone by hand, which sends
them the opt-in confirmation rather than confirming them: only their own click does."""

from django.forms import modelform_factory
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from home.spreadsheets import safe_cell
from stories.models import Subscriber
from stories.services import newsletter


class FormulaSafeExport:
    """Every exported cell as home/spreadsheets.py writes it: text that a spreadsheet
    would run as a formula starts with an apostrophe."""

    def preprocess_field_value(self, field, value, export_format):
        return safe_cell(super().preprocess_field_value(field, value, export_format))


class SubscriberIndexView(FormulaSafeExport, generic.IndexView):
    pass


class SubscriberCreateView(generic.CreateView):
    """Adding by hand asks the person: the confirmation email goes, the row waits."""

    def save_instance(self):
        data = self.form.cleaned_data
        return newsletter.request_subscription(data["email"], data["language"])

    def get_success_message(self, instance):
        return _("%(email)s has been sent a link to confirm the subscription.") % {
            "email": instance.email
        }


class SubscriberViewSet(ModelViewSet):
    model = Subscriber
    icon = "mail"
    menu_label = _("Newsletter subscribers")
    menu_order = 160
    add_to_admin_menu = True
    url_prefix = "newsletter-subscribers"
    name = "newsletter_subscribers"
    index_view_class = SubscriberIndexView
    add_view_class = SubscriberCreateView
    list_display = [
        "email",
        Column("status", label=_("State"), accessor="get_status_display"),
        Column("language", label=_("Language"), accessor="get_language_display"),
        DateColumn("confirmed_at", label=_("Confirmed")),
        DateColumn("created_at", label=_("Signed up")),
    ]
    list_filter = ["status", "language"]
    search_fields = ["email"]
    list_export = ["email", "status", "language", "consented_at", "confirmed_at"]
    export_filename = "newsletter-subscribers"
    form_fields = ["email", "language"]
    inspect_view_enabled = True

    def get_form_class(self, for_update=False):
        if for_update:
            # An address is changed by its owner signing up again, never by staff.
            return modelform_factory(
                self.model, formfield_callback=self.formfield_for_dbfield, fields=["language"]
            )
        return super().get_form_class(for_update)
