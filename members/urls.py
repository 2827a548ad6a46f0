"""The member area, mounted at /members/ (the directory is the area's front page)."""

from django.urls import path

from members import views

app_name = "members"

urlpatterns = [
    path("", views.directory, name="directory"),
    path("me/", views.dashboard, name="dashboard"),
    path("me/profile/", views.edit_profile, name="edit_profile"),
    path("me/programmes/", views.claim_programme, name="claim_programme"),
    path("me/stories/", views.my_stories, name="my_stories"),
    path("me/stories/new/", views.submit_story, name="submit_story"),
    path("me/data/", views.export_data, name="export_data"),
    path("me/delete/", views.delete_account, name="delete_account"),
    path("privacy/", views.privacy_notice, name="privacy_notice"),
    path("invitation/<str:token>/", views.accept_invitation, name="accept_invitation"),
    path("skills/<slug:slug>/", views.skill_detail, name="skill"),
    path("<uuid:public_id>/", views.profile_detail, name="profile"),
    path("<uuid:public_id>/profile.json", views.profile_json, name="profile_json"),
    path("<uuid:public_id>/photo/", views.profile_photo, name="photo"),
    path("<uuid:public_id>/message/", views.message_member, name="message"),
    path("<uuid:public_id>/block/", views.block_member, name="block"),
    path("<uuid:public_id>/report/", views.report_member, name="report"),
]
