"""The funder report of one programme: who may open it, what it shows, its exports and
the audit trail of who exported what."""

import csv
import io
from datetime import date, time, timedelta

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry, PageLogEntry

from home.impact import ImpactSource
from programmes.models import CohortMember, ProgrammeOutcomeFigure, ProgrammeSession
from programmes.services import monitoring
from tests.factories import ProgrammePageFactory
from tests.members.factories import ProfileFactory, StaffFactory, UserFactory


@pytest.fixture
def together(programme_index):
    today = timezone.localdate()
    programme = ProgrammePageFactory(
        parent=programme_index,
        title="Active Citizens Together",
        slug="act",
        start_date=today - timedelta(days=100),
        end_date=today + timedelta(days=30),
        application_deadline=None,
    )
    for order, (label, fields) in enumerate(
        [
            ("Workshops", {"delivered": 24, "target": 20}),
            ("=Sessions", {"source": ImpactSource.SESSIONS_DELIVERED, "target": 4}),
        ]
    ):
        ProgrammeOutcomeFigure.objects.create(
            page=programme, locale=programme.locale, label=label, sort_order=order, **fields
        )
    held = ProgrammeSession.objects.create(
        page=programme,
        locale=programme.locale,
        date=today - timedelta(days=20),
        start_time=time(10),
        end_time=time(12),
        title="Welcome",
    )
    ProgrammeSession.objects.create(
        page=programme,
        locale=programme.locale,
        date=today + timedelta(days=20),
        start_time=time(10),
        end_time=time(12),
        title="Closing day",
    )
    member = CohortMember.objects.create(
        programme=programme, display_name="Ana Example", confirmed_at=timezone.now()
    )
    held.attendance.create(cohort_member=member, present=True)
    for gender, times in (("woman", 9), ("man", 6), ("non-binary", 1)):
        for _ in range(times):
            monitoring.record(programme, {"gender": gender})
    return programme


@pytest.fixture
def editor(db):
    user = UserFactory(email="editor@example.org")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def urls(programme):
    return [
        reverse(name, args=[programme.pk])
        for name in (
            "programmes_impact:report",
            "programmes_impact:report_csv",
            "programmes_impact:report_xlsx",
        )
    ]


def test_the_report_is_for_staff_who_may_see_the_programmes_impact(client, together):
    for url in urls(together):
        client.logout()
        assert client.get(url)["Location"].startswith("/accounts/login/")
        client.force_login(ProfileFactory().user)
        assert client.get(url).status_code in {302, 403}
        client.force_login(StaffFactory())  # admin access, edits no page
        response = client.get(url)
        assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))


def test_an_unknown_programme_is_not_found(client, editor):
    client.force_login(editor)
    assert client.get(reverse("programmes_impact:report", args=[999999])).status_code == 404


def test_the_report_shows_every_section_and_names_nobody(client, together, editor):
    client.force_login(editor)

    response = client.get(reverse("programmes_impact:report", args=[together.pk]))

    html = response.text
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    for heading in (
        "Figures against targets",
        "Attendance by session",
        "Skills before and after",
        "Equality monitoring",
        "Published stories",
    ):
        assert heading in html
    assert "Reported by the programme team" in html and "Counted from this site" in html
    assert 'role="img"' in html  # the chart
    assert "Delivered" in html and "Not begun yet" in html and "1 of 1" in html
    assert "fewer than 5" in html and "not shown" in html
    assert "Ana Example" not in html
    assert "funder_report.css" in html  # the print stylesheet


def test_the_csv_export_holds_the_sections_safely_and_is_audited(client, together, editor):
    client.force_login(editor)

    response = client.get(reverse("programmes_impact:report_csv", args=[together.pk]))

    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "funder-report-act.csv" in response["Content-Disposition"]
    assert ["Figures against targets"] in rows and ["Equality monitoring"] in rows
    labels = [row[0] for row in rows if row]
    assert "'=Sessions" in labels  # never run as a formula
    gender = {row[1]: row[2] for row in rows if len(row) == 3 and row[0] == "Gender"}
    assert gender["Woman"] == "9" and gender["Non-binary"] == "fewer than 5"
    assert gender["Man"] == "not shown"
    entry = PageLogEntry.objects.get(action="programmes.impact.report_exported")
    assert (entry.user, entry.data) == (editor, {"format": "csv"})


def test_the_xlsx_export_has_one_sheet_per_section_and_is_audited(client, together, editor):
    client.force_login(editor)

    response = client.get(reverse("programmes_impact:report_xlsx", args=[together.pk]))

    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == [
        "Figures against targets",
        "Attendance by session",
        "Skills before and after",
        "Equality monitoring",
        "Published stories",
    ]
    figures = list(workbook["Figures against targets"].iter_rows(values_only=True))
    assert figures[1][:4] == ("Workshops", 24, 20, 120)
    assert figures[2][0] == "'=Sessions"
    assert workbook["Figures against targets"]["A3"].data_type == "s"
    assert (
        PageLogEntry.objects.filter(
            action="programmes.impact.report_exported", data={"format": "xlsx"}
        ).exists()
        or ModelLogEntry.objects.filter(action="programmes.impact.report_exported").exists()
    )


def test_a_story_about_the_programme_is_listed(client, together, editor, home_page):
    from stories.models import StoryProgramme
    from tests.stories.factories import StoryIndexPageFactory, StoryPageFactory

    index = StoryIndexPageFactory(parent=home_page)
    story = StoryPageFactory(parent=index, title="What changed for us", date=date(2025, 5, 1))
    StoryProgramme.objects.create(page=story, programme=together, sort_order=0)
    client.force_login(editor)

    html = client.get(reverse("programmes_impact:report", args=[together.pk])).text

    assert "What changed for us" in html
