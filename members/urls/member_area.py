"""The member area, mounted at /members/ (the directory is the area's front page)."""

from django.urls import path

from members.views import conversations as conversation_views
from members.views import events as event_views
from members.views import mentoring as mentoring_views
from members.views import newsletter as newsletter_views
from members.views import profile as views

app_name = "members"

urlpatterns = [
    path("", views.directory, name="directory"),
    path("me/", views.dashboard, name="dashboard"),
    path("me/profile/", views.edit_profile, name="edit_profile"),
    path("me/welcome/", views.first_choices, name="welcome"),
    path("me/programmes/", views.claim_programme, name="claim_programme"),
    path("me/stories/", views.my_stories, name="my_stories"),
    path("me/stories/new/", views.submit_story, name="submit_story"),
    path("me/newsletter/", newsletter_views.newsletter_settings, name="newsletter"),
    path("newsletter/stop/<str:token>/", newsletter_views.newsletter_stop, name="newsletter_stop"),
    path("me/data/", views.export_data, name="export_data"),
    path("me/delete/", views.delete_account, name="delete_account"),
    path("privacy/", views.privacy_notice, name="privacy_notice"),
    path("invitation/<str:token>/", views.accept_invitation, name="accept_invitation"),
    path("messages/", conversation_views.inbox, name="messages"),
    path("messages/<uuid:public_id>/", conversation_views.conversation, name="conversation"),
    path(
        "messages/report/<uuid:public_id>/",
        conversation_views.report_message,
        name="report_message",
    ),
    path("events/", event_views.my_events, name="my_events"),
    path("events/propose/", event_views.propose_event, name="propose_event"),
    path("events/calendar/reset/", event_views.reset_event_feed, name="reset_event_feed"),
    path("events/calendar/<str:token>.ics", event_views.personal_event_feed, name="event_feed"),
    path("events/<uuid:public_id>/reply/", event_views.reply_to_event, name="event_reply"),
    path("events/<uuid:public_id>/give-up/", event_views.give_up_event, name="event_give_up"),
    path("events/<uuid:public_id>/edit/", event_views.edit_event, name="edit_event"),
    path("events/<uuid:public_id>/cancel/", event_views.cancel_own_event, name="cancel_event"),
    path("events/<uuid:public_id>/attendees/", event_views.event_attendees, name="attendees"),
    path(
        "events/<uuid:public_id>/message/",
        conversation_views.event_message,
        name="event_message",
    ),
    path("mentoring/", mentoring_views.mentoring_home, name="mentoring"),
    path("mentoring/offer/", mentoring_views.edit_offer, name="mentoring_offer"),
    path("mentoring/looking/", mentoring_views.edit_wish, name="mentoring_wish"),
    path("mentoring/mentors/", mentoring_views.find_mentor, name="find_mentor"),
    path(
        "mentoring/mentors/<uuid:public_id>/ask/",
        mentoring_views.request_mentor,
        name="request_mentor",
    ),
    path(
        "mentoring/requests/<uuid:public_id>/withdraw/",
        mentoring_views.withdraw_request,
        name="withdraw_mentor_request",
    ),
    path("mentoring/pairs/<uuid:public_id>/", mentoring_views.pair_detail, name="mentoring_pair"),
    path(
        "mentoring/pairs/<uuid:public_id>/message/",
        conversation_views.message_mentoring_partner,
        name="mentoring_message",
    ),
    path("skills/<slug:slug>/", views.skill_detail, name="skill"),
    path("<uuid:public_id>/", views.profile_detail, name="profile"),
    path("<uuid:public_id>/profile.json", views.profile_json, name="profile_json"),
    path("<uuid:public_id>/photo/", views.profile_photo, name="photo"),
    path("<uuid:public_id>/message/", conversation_views.message_member, name="message"),
    path("<uuid:public_id>/block/", views.block_member, name="block"),
    path("<uuid:public_id>/report/", views.report_member, name="report"),
]
