"""Public event pages, mounted under each language prefix at /<language>/events/."""

from django.urls import path

from members.views import guests as guest_views
from members.views.events import listing as event_views

app_name = "events"

urlpatterns = [
    path("", event_views.event_list, name="list"),
    path("calendar/", event_views.event_month, name="month"),
    path("past/", event_views.event_archive, name="archive"),
    path("feed.ics", event_views.public_event_feed, name="feed"),
    path("<uuid:public_id>/", event_views.event_detail, name="detail"),
    path("<uuid:public_id>/event.ics", event_views.event_ics, name="ics"),
    # Guests (no account) at public events: the reply form, and the links in their emails.
    path("<uuid:public_id>/guest/", guest_views.guest_reply, name="guest_reply"),
    path("<uuid:public_id>/confirm/<str:token>/", guest_views.guest_confirm, name="guest_confirm"),
    path("<uuid:public_id>/cancel/<str:token>/", guest_views.guest_cancel, name="guest_cancel"),
]
