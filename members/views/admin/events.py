"""The events members proposed, for staff to publish or decline (Wagtail's report
view; deciding posts to `membership.decide_event`)."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column

from home.admin_tables import PlainListView, ShortDateTimeColumn, TemplateColumn
from members.models import Event, EventAudience, EventFormat, EventState


class ProposedEventFilterSet(WagtailFilterSet):
    format = django_filters.ChoiceFilter(label=_("Format"), choices=EventFormat.choices)
    audience = django_filters.ChoiceFilter(label=_("Audience"), choices=EventAudience.choices)
    starts_at = django_filters.DateFromToRangeFilter(
        label=_("Starts"), widget=DateRangePickerWidget
    )

    class Meta:
        model = Event
        fields = ["format", "audience", "starts_at"]


class ProposedEventsView(PlainListView):
    """Events members proposed, the soonest first, to publish or decline."""

    page_title = _("Proposed events")
    header_icon = "date"
    index_url_name = "members_admin:proposed_events"
    index_results_url_name = "members_admin:proposed_events_results"
    filterset_class = ProposedEventFilterSet
    search_fields = ["title", "description", "venue", "organiser__profile__display_name"]
    export_filename = "proposed-events"
    no_results_message = _("No events are waiting for a decision.")
    columns = [
        TemplateColumn("event", "members/admin/cells/proposed_event.html", label=_("Event")),
        ShortDateTimeColumn("starts_at", label=_("When")),
        Column("organiser.profile.display_name", label=_("Organiser")),
        TemplateColumn("decide", "members/admin/cells/decide_event.html", label=_("Decision")),
    ]
    list_export = ["title", "starts_at", "format", "audience", "area_label", "organiser_name"]
    export_headings = {
        "title": _("Event"),
        "starts_at": _("When"),
        "format": _("Format"),
        "audience": _("Audience"),
        "area_label": _("Area"),
        "organiser_name": _("Organiser"),
    }

    def get_queryset(self):
        return (
            Event.objects.filter(state=EventState.PROPOSED)
            .select_related("organiser__profile")
            .order_by("starts_at", "pk")
        )

    def decorate_paginated_queryset(self, object_list):
        events = list(object_list)
        for event in events:
            profile = getattr(event.organiser, "profile", None) if event.organiser else None
            event.organiser_name = profile.display_name if profile else ""
        return events
