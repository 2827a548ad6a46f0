"""The member area, mounted at /members/ (the directory is the area's front page)."""

from django.urls import path

from members.views import account, dashboard, directory, safety, stories
from members.views import conversations as conversation_views
from members.views import mentoring as mentoring_views
from members.views import newsletter as newsletter_views
from members.views.events import organising, replies

app_name = "members"

urlpatterns = [
    path("", directory.directory, name="directory"),
    path("me/", dashboard.dashboard, name="dashboard"),
    path("me/profile/", dashboard.edit_profile, name="edit_profile"),
    path("me/welcome/", dashboard.first_choices, name="welcome"),
    path("me/programmes/", dashboard.claim_programme, name="claim_programme"),
    path("me/stories/", stories.my_stories, name="my_stories"),
    path("me/stories/new/", stories.submit_story, name="submit_story"),
    path("me/newsletter/", newsletter_views.newsletter_settings, name="newsletter"),
    path("newsletter/stop/<str:token>/", newsletter_views.newsletter_stop, name="newsletter_stop"),
    path("me/data/", account.export_data, name="export_data"),
    path("me/delete/", account.delete_account, name="delete_account"),
    path("privacy/", account.privacy_notice, name="privacy_notice"),
    path("invitation/<str:token>/", account.accept_invitation, name="accept_invitation"),
    path("messages/", conversation_views.inbox, name="messages"),
    path("messages/<uuid:public_id>/", conversation_views.conversation, name="conversation"),
    path(
        "messages/report/<uuid:public_id>/",
        conversation_views.report_message,
        name="report_message",
    ),
    path("events/", replies.my_events, name="my_events"),
    path("events/propose/", organising.propose_event, name="propose_event"),
    path("events/calendar/reset/", replies.reset_event_feed, name="reset_event_feed"),
    path("events/calendar/<str:token>.ics", replies.personal_event_feed, name="event_feed"),
    path("events/<uuid:public_id>/reply/", replies.reply_to_event, name="event_reply"),
    path("events/<uuid:public_id>/give-up/", replies.give_up_event, name="event_give_up"),
    path("events/<uuid:public_id>/edit/", organising.edit_event, name="edit_event"),
    path("events/<uuid:public_id>/cancel/", organising.cancel_own_event, name="cancel_event"),
    path("events/<uuid:public_id>/attendees/", organising.event_attendees, name="attendees"),
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
    path("skills/<slug:slug>/", directory.skill_detail, name="skill"),
    path("<uuid:public_id>/", directory.profile_detail, name="profile"),
    path("<uuid:public_id>/profile.json", directory.profile_json, name="profile_json"),
    path("<uuid:public_id>/photo/", directory.profile_photo, name="photo"),
    path("<uuid:public_id>/message/", conversation_views.message_member, name="message"),
    path("<uuid:public_id>/block/", safety.block_member, name="block"),
    path("<uuid:public_id>/report/", safety.report_member, name="report"),
]
