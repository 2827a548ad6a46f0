"""Forms for programme pages: the editor's page form and the readers' filters."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from programmes.status import StatusFilter, status_filter_q


class ProgrammePageForm(WagtailAdminPageForm):
    """Checks that the schedule fits inside the programme's dates.

    The messages land on the session or notice that is wrong, so an editor with
    twelve sessions can see which one to fix.
    """

    def clean(self):
        cleaned_data = super().clean()
        start = cleaned_data.get("start_date")
        end = cleaned_data.get("end_date")
        if not (start and end) or end < start:
            return cleaned_data
        outside = _("This date is outside the programme's first and last day.")
        checks = {"sessions": ("date",), "schedule_notes": ("starts_on", "ends_on")}
        for relation, field_names in checks.items():
            formset = self.formsets[relation]
            formset.is_valid()  # cleans each child form so its dates can be read
            for form in formset.forms:
                if formset.can_delete and formset._should_delete_form(form):
                    continue
                for name in field_names:
                    value = getattr(form, "cleaned_data", {}).get(name)
                    if value and not start <= value <= end:
                        form.add_error(name, outside)
        return cleaned_data


class ProgrammeIndexFilterForm(forms.Form):
    """Filters for the programme list; submitted with GET so it works without JavaScript."""

    status = forms.ChoiceField(
        label=_("Applications"),
        required=False,
        choices=[("", _("Any"))] + StatusFilter.choices,
    )
    mode = forms.ChoiceField(label=_("How it is delivered"), required=False)
    topic = forms.ChoiceField(label=_("Topic"), required=False)

    def __init__(self, *args, programmes, **kwargs):
        from home.models import Topic
        from programmes.models.pages import DeliveryMode

        super().__init__(*args, **kwargs)
        self.fields["mode"].choices = [("", _("Any"))] + DeliveryMode.choices
        topics = (
            Topic.objects.filter(programme_items__content_object__in=programmes)
            .distinct()
            .order_by("name")
            .values_list("slug", "name")
        )
        self.fields["topic"].choices = [("", _("Any"))] + list(topics)

    def filter(self, programmes):
        data = self.cleaned_data
        if data.get("status"):
            programmes = programmes.filter(status_filter_q(data["status"]))
        if data.get("mode"):
            programmes = programmes.filter(delivery_mode=data["mode"])
        if data.get("topic"):
            programmes = programmes.filter(topic_items__tag__slug=data["topic"]).distinct()
        return programmes
