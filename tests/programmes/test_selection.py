"""Selection in the admin: who may see applications, the audit log, CSV, offers and purge."""

import csv
import io
import re
from datetime import date, timedelta

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import ModelLogEntry, PageLogEntry

from members.models import MembershipStatus, Profile
from programmes.models import Application, CohortMember, ProgrammeAccess
from programmes.services import applications
from tests.factories import ProgrammePageFactory
from tests.members.factories import ProfileFactory, UserFactory

# Emails are queued after commit; these tests read them as delivered (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("deliver_emails")


def admin_staff(**kwargs):
    """Staff who can open the Wagtail admin, with no access to any programme yet."""
    user = UserFactory(is_staff=True, **kwargs)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


@pytest.fixture
def application(open_programme):
    return Application.objects.create(
        programme=open_programme,
        name="Amira Example",
        email="amira@example.org",
        home_area="england-north-west",
        answers=[{"question": "Why do you want to join?", "answer": "=SUM(A1)"}],
    )


@pytest.fixture
def reviewer(open_programme):
    user = admin_staff()
    ProgrammeAccess.objects.create(programme=open_programme, user=user)
    return user


def viewers(open_programme, reviewer):
    other = ProgrammePageFactory(parent=open_programme.get_parent())
    elsewhere = admin_staff()
    ProgrammeAccess.objects.create(programme=other, user=elsewhere)
    return {
        "anonymous": (None, False),
        "member": (ProfileFactory().user, False),
        "staff without access": (admin_staff(), False),
        "staff with access to another programme": (elsewhere, False),
        "staff with access": (reviewer, True),
        "superuser": (UserFactory(is_staff=True, is_superuser=True), True),
    }


def test_only_the_right_staff_see_a_programmes_applications(
    client, open_programme, application, reviewer
):
    urls = [
        f"/admin/programmes/{open_programme.pk}/applications/",
        f"/admin/programmes/{open_programme.pk}/applications/?format=csv",
        f"/admin/programmes/applications/{application.pk}/",
        f"/admin/programmes/{open_programme.pk}/register/",
    ]
    for kind, (user, allowed) in viewers(open_programme, reviewer).items():
        client.logout()
        if user is not None:
            client.force_login(user)
        for url in urls:
            response = client.get(url)
            assert (response.status_code == 200) is allowed, (kind, url, response.status_code)
            if "register" not in url:
                shown = "amira@example.org" in response.content.decode()
                assert shown is allowed, (kind, url)


def test_the_applications_menu_lists_only_programmes_the_person_may_see(
    client, open_programme, application, reviewer
):
    other = ProgrammePageFactory(parent=open_programme.get_parent(), title="Hidden Programme")
    client.force_login(reviewer)
    html = client.get("/admin/programmes/applications/").content.decode()
    assert open_programme.title in html
    assert other.title not in html


def test_views_and_exports_are_recorded_in_the_audit_log(
    client, open_programme, application, reviewer
):
    client.force_login(reviewer)
    client.get(f"/admin/programmes/{open_programme.pk}/applications/")
    client.get(f"/admin/programmes/applications/{application.pk}/")
    client.get(f"/admin/programmes/{open_programme.pk}/applications/?format=csv")
    page_actions = list(
        PageLogEntry.objects.filter(page=open_programme, user=reviewer).values_list(
            "action", "data"
        )
    )
    assert ("programmes.applications.list", {"count": 1, "status": ""}) in page_actions
    assert ("programmes.applications.export", {"count": 1, "status": ""}) in page_actions
    viewed = ModelLogEntry.objects.get(action="programmes.application.view")
    assert viewed.user == reviewer
    assert viewed.object_id == str(application.pk)
    assert "Amira" not in viewed.label  # the log names no applicant


def test_only_superusers_may_give_access(client, reviewer):
    client.force_login(reviewer)
    assert client.get("/admin/programme_access/").status_code in {302, 403}
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    assert client.get("/admin/programme_access/").status_code == 200


def test_the_csv_export_holds_every_application_with_its_answers(
    client, open_programme, application, reviewer
):
    Application.objects.create(
        programme=open_programme,
        name="Bo Example",
        email="bo@example.org",
        status="shortlisted",
        answers=[{"question": "Which slot suits you?", "answer": "Mornings"}],
    )
    client.force_login(reviewer)
    response = client.get(f"/admin/programmes/{open_programme.pk}/applications/?format=csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == applications.CSV_HEADER + [
        "Why do you want to join?",
        "Which slot suits you?",
        "notes",
    ]
    assert [row[3:5] for row in rows[1:]] == [
        ["Amira Example", "amira@example.org"],
        ["Bo Example", "bo@example.org"],
    ]
    assert rows[1][9] == "'=SUM(A1)"  # a formula is written as text
    assert rows[2][2] == "shortlisted" and rows[2][10] == "Mornings"
    filtered = client.get(
        f"/admin/programmes/{open_programme.pk}/applications/?status=shortlisted&format=csv"
    )
    assert len(list(csv.reader(io.StringIO(filtered.content.decode())))) == 2


def test_bulk_status_change_and_notes(client, open_programme, application, reviewer):
    second = Application.objects.create(programme=open_programme, name="B", email="b@example.org")
    client.force_login(reviewer)
    response = client.post(
        f"/admin/programmes/{open_programme.pk}/applications/",
        {"selected": [application.pk, second.pk], "new_status": "shortlisted"},
    )
    assert response.status_code == 302
    assert set(Application.objects.values_list("status", flat=True)) == {"shortlisted"}
    client.post(
        f"/admin/programmes/applications/{application.pk}/",
        {"notes": "Strong local plan.", "status": "waitlisted"},
    )
    application.refresh_from_db()
    assert (application.notes, application.status) == ("Strong local plan.", "waitlisted")


# Offers -------------------------------------------------------------------------------


def offer(client, application, reviewer):
    client.force_login(reviewer)
    client.post(
        f"/admin/programmes/{application.programme_id}/applications/",
        {"selected": [application.pk], "new_status": "offered"},
    )
    client.logout()
    message = mail.outbox[-1]
    assert message.to == [application.email]
    return re.search(r"http://[^/]+(/en/applications/offer/[^/\s]+/)", message.body).group(1)


def test_accepting_an_offer_makes_an_approved_member_in_the_cohort(client, application, reviewer):
    link = offer(client, application, reviewer)
    assert "Accept my place" in client.get(link).content.decode()
    response = client.post(link, {"decision": "accept"})
    assert response.status_code == 200
    assert "Welcome to the cohort" in response.content.decode()
    application.refresh_from_db()
    assert application.status == "accepted"
    member = CohortMember.objects.get()
    assert member.programme_id == application.programme_id
    assert member.user.email == "amira@example.org"
    profile = Profile.objects.get(user=member.user)
    assert profile.status == MembershipStatus.APPROVED
    assert profile.display_name == "Amira Example"
    welcome = mail.outbox[-1]
    assert welcome.to == ["amira@example.org"]
    assert "/accounts/password/reset/key/" in welcome.body
    # The link is used up.
    assert client.post(link, {"decision": "accept"}).status_code == 404


def test_accepting_links_an_existing_account_by_email(client, application, reviewer):
    existing = ProfileFactory(
        user=UserFactory(email="Amira@example.org"), status=MembershipStatus.PENDING
    )
    link = offer(client, application, reviewer)
    client.post(link, {"decision": "accept"})
    member = CohortMember.objects.get()
    assert member.user == existing.user
    existing.refresh_from_db()
    assert existing.status == MembershipStatus.APPROVED
    assert Profile.objects.count() == 1


def test_the_cohort_shows_on_the_profile_as_its_owner_chose(client, application, reviewer):
    link = offer(client, application, reviewer)
    client.post(link, {"decision": "accept"})
    profile = Profile.objects.get(user__email="amira@example.org")
    viewer = ProfileFactory().user
    client.force_login(viewer)
    url = f"/members/{profile.public_id}/"
    assert application.programme.title in client.get(url).content.decode()
    profile.cohorts_visibility = "staff"
    profile.save()
    assert application.programme.title not in client.get(url).content.decode()


def test_declining_an_offer_records_it_and_makes_no_account(client, application, reviewer):
    link = offer(client, application, reviewer)
    response = client.post(link, {"decision": "decline"})
    assert "You have declined the place" in response.content.decode()
    application.refresh_from_db()
    assert application.status == "declined"
    assert not CohortMember.objects.exists()
    assert not Profile.objects.filter(user__email="amira@example.org").exists()


def test_an_expired_or_unknown_offer_link_works_no_more(client, application, reviewer):
    link = offer(client, application, reviewer)
    Application.objects.filter(pk=application.pk).update(
        offer_expires_at=timezone.now() - timedelta(minutes=1)
    )
    response = client.post(link, {"decision": "accept"})
    assert response.status_code == 404
    assert "This link no longer works" in response.content.decode()
    assert client.get("/en/applications/offer/not-a-token/").status_code == 404
    assert not CohortMember.objects.exists()


def test_the_offer_link_answers_nothing_on_a_plain_visit(client, application, reviewer):
    link = offer(client, application, reviewer)
    client.get(link)
    application.refresh_from_db()
    assert application.status == "offered"


# Retention ----------------------------------------------------------------------------


def test_purge_deletes_applications_months_after_the_programme_ended(
    programme_index, settings, monkeypatch
):
    settings.APPLICATION_RETENTION_MONTHS = 6
    ended = ProgrammePageFactory(
        parent=programme_index,
        start_date=date(2025, 1, 10),
        end_date=date(2025, 3, 31),
        application_deadline=None,
    )
    Application.objects.create(programme=ended, name="A", email="a@example.org")

    monkeypatch.setattr(timezone, "localdate", lambda *args: date(2025, 9, 30))
    call_command("purge_applications")
    assert Application.objects.count() == 1  # the last day of the sixth month keeps it

    monkeypatch.setattr(timezone, "localdate", lambda *args: date(2025, 10, 1))
    call_command("purge_applications")
    assert not Application.objects.exists()


def test_purge_keeps_the_cohort_and_applications_of_programmes_still_running(
    open_programme, programme_index
):
    ended = ProgrammePageFactory(
        parent=programme_index,
        start_date=date(2020, 1, 10),
        end_date=date(2020, 3, 31),
        application_deadline=None,
    )
    old = Application.objects.create(programme=ended, name="A", email="a@example.org")
    CohortMember.objects.create(
        programme=ended, application=old, display_name="A", confirmed_at=timezone.now()
    )
    Application.objects.create(programme=open_programme, name="B", email="b@example.org")
    assert applications.purge_expired(months=6) == 1
    assert list(Application.objects.values_list("email", flat=True)) == ["b@example.org"]
    assert CohortMember.objects.get().application is None
