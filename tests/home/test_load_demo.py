"""`manage.py load_demo`: the demo site follows the seed documents and can be loaded again."""

import io
import re
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from allauth.account.models import EmailAddress
from bs4 import BeautifulSoup
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Locale, Page, Revision, Site

from home.demo import DEMO_ACCOUNTS
from home.models import Funder, HomePage, Organisation, SiteSettings
from members.models import User
from programmes.models import (
    ProgrammeIndexPage,
    ProgrammePage,
    ProgrammeScheduleNote,
    ProgrammeSession,
)
from programmes.status import ApplicationStatus

LONDON = ZoneInfo("Europe/London")
DEMO_HOST = "127.0.0.1:8000"
NOTHING_CHANGED = "Demo content already in place; nothing changed."
ACCEPTING = {ApplicationStatus.OPEN, ApplicationStatus.CLOSING_SOON}


def load_demo() -> str:
    out = io.StringIO()
    call_command("load_demo", force=True, stdout=out)
    return out.getvalue()


def printed_password(output: str) -> str:
    match = re.search(r"password for each: (\S+)\)", output)
    assert match, output
    return match.group(1)


def stored_counts() -> dict:
    return {
        "pages": Page.objects.count(),
        "live pages": Page.objects.live().count(),
        "programme sessions": ProgrammeSession.objects.count(),
        "schedule notes": ProgrammeScheduleNote.objects.count(),
        "users": User.objects.count(),
        "email addresses": EmailAddress.objects.count(),
        "organisations": Organisation.objects.count(),
        "funders": Funder.objects.count(),
        "documents": get_document_model().objects.count(),
        "revisions": Revision.objects.count(),
        "sites": Site.objects.count(),
    }


def programme(slug: str) -> ProgrammePage:
    return ProgrammePage.objects.get(slug=slug, locale=Locale.get_default())


def slots(page: ProgrammePage) -> list[tuple[date, str, str]]:
    return [
        (s.date, s.start_time.strftime("%H:%M"), s.end_time.strftime("%H:%M"))
        for s in page.ordered_sessions
    ]


@pytest.fixture
def demo_output(demo_loaded, db):
    return demo_loaded


# Running the command -----------------------------------------------------------------


def test_first_run_reports_what_it_created(demo_output):
    counts = stored_counts()

    assert {
        name: counts[name]
        for name in (
            "programme sessions",
            "schedule notes",
            "organisations",
            "funders",
            "documents",
        )
    } == {
        # HKMAP and the open programme are translated (into Traditional Chinese only,
        # in the test settings), and each translation carries its sessions too
        "programme sessions": 12 * 2 + 11 * 2 + 9,
        "schedule notes": 1 + 2,
        "organisations": 5,
        "funders": 2,
        "documents": 1,
    }
    assert "Demo content created:" in demo_output
    assert "+ home page" in demo_output
    assert "+ Hongkongers' Migrants' Aspiration Programme (HKMAP) in zh-hant" in demo_output
    assert User.objects.filter(email__in=[a[0] for a in DEMO_ACCOUNTS]).count() == 3
    assert "+ programme Hongkongers' Migrants' Aspiration Programme (HKMAP)" in demo_output
    assert NOTHING_CHANGED not in demo_output


def test_second_run_changes_nothing_and_says_so(demo_output):
    after_first_run = stored_counts()

    second_output = load_demo()

    assert stored_counts() == after_first_run
    assert NOTHING_CHANGED in second_output
    assert "  + " not in second_output


def test_the_demo_publishes_a_privacy_notice_under_the_home_page(client, demo_output):
    from home.models import PrivacyNoticePage

    notice = PrivacyNoticePage.objects.get(locale=Locale.get_default())
    assert notice.live and notice.get_parent().specific_class is HomePage
    assert "+ privacy notice" in demo_output
    response = client.get(notice.url, HTTP_HOST=DEMO_HOST)
    assert response.status_code == 200 and "Information Commissioner" in response.text


def test_demo_builds_one_home_page_one_index_and_four_programmes(demo_output):
    home = HomePage.objects.get(locale=Locale.get_default())
    index = ProgrammeIndexPage.objects.get(locale=Locale.get_default())

    assert index.get_parent().pk == home.pk
    assert sorted(ProgrammePage.objects.child_of(index).live().values_list("slug", flat=True)) == [
        "active-citizens-together",
        "community-leadership-academy-2016-17",
        "hkmap-2023",
        "speak-up-lead-locally",
    ]
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_page_id) == ("127.0.0.1", 8000, home.pk)


def test_a_run_on_a_later_day_gives_the_open_programme_new_dates(demo_output, monkeypatch):
    two_months_later = timezone.now() + timedelta(days=60)
    monkeypatch.setattr(timezone, "now", lambda: two_months_later)

    later_output = load_demo()

    assert "+ new dates for Speak Up, Lead Locally" in later_output
    open_programme = programme("speak-up-lead-locally")
    assert open_programme.application_status in ACCEPTING
    assert open_programme.start_date > timezone.localdate(two_months_later)
    assert open_programme.sessions.count() == 12
    assert all(
        open_programme.start_date <= day <= open_programme.end_date
        for day, _start, _end in slots(open_programme)
    )


# The seed facts ---------------------------------------------------------------------------


def test_hkmap_meets_on_six_saturdays_in_two_afternoon_slots(demo_output):
    hkmap = programme("hkmap-2023")
    first_slot, second_slot = ("14:00", "15:30"), ("15:45", "17:15")
    saturdays = [
        date(2023, 9, 23),
        date(2023, 10, 21),
        date(2023, 11, 18),
        date(2023, 12, 16),
        date(2024, 1, 20),
        date(2024, 2, 10),
    ]
    expected = [(day, *slot) for day in saturdays[:-1] for slot in (first_slot, second_slot)] + [
        (saturdays[-1], *first_slot)
    ]

    assert len(hkmap.ordered_sessions) == 11
    assert slots(hkmap) == expected
    assert all(day.weekday() == 5 for day in saturdays)
    assert (hkmap.start_date, hkmap.end_date) == (saturdays[0], saturdays[-1])


def test_hkmap_deadline_is_one_minute_to_midnight_on_20_september_2023_uk_time(demo_output):
    hkmap = programme("hkmap-2023")

    assert hkmap.application_deadline == datetime(2023, 9, 20, 23, 59, tzinfo=LONDON)
    assert hkmap.application_deadline == datetime(2023, 9, 20, 22, 59, tzinfo=ZoneInfo("UTC"))


def test_hkmap_is_hybrid_in_london_with_the_seven_seed_topics(demo_output):
    hkmap = programme("hkmap-2023")

    assert hkmap.delivery_mode == "hybrid"
    assert hkmap.region == "london"
    assert sorted(hkmap.topics.names()) == sorted(
        [
            "Immigration in the UK",
            "Leadership and creating change",
            "Campaigning and media training",
            "Community organising",
            "Democracy and lobbying",
            "UK Government and Parliament",
            "Funding and job opportunities",
        ]
    )
    assert hkmap.organiser.name == "Migrants' Rights Network"
    assert [p.organisation.name for p in hkmap.partner_placements.all()] == [
        "Hongkongers in Britain"
    ]
    assert [p.funder.name for p in hkmap.funder_placements.all()] == ["Greater London Authority"]


def test_academy_has_eight_numbered_sessions_and_the_refugee_welcome_walk(demo_output):
    academy = programme("community-leadership-academy-2016-17")
    sessions = academy.ordered_sessions

    assert len(sessions) == 9
    numbered = [s for s in sessions if s.title.startswith("Session ")]
    assert [s.title.split(":")[0] for s in numbered] == [f"Session {n}" for n in range(1, 9)]
    first = sessions[0]
    assert (first.title.split(":")[0], first.date, first.start_time, first.end_time) == (
        "Session 1",
        date(2016, 9, 8),
        time(16, 0),
        time(20, 0),
    )
    walk = next(s for s in sessions if s.title == "Refugee Welcome Walk")
    assert (walk.date, walk.start_time, walk.end_time, walk.kind) == (
        date(2016, 9, 17),
        time(10, 0),
        time(16, 0),
        "action",
    )
    planning = next(s for s in sessions if s.kind == "planning")
    assert planning.date == date(2016, 11, 26)


def test_academy_schedule_ends_with_a_january_to_may_2017_notice(demo_output):
    academy = programme("community-leadership-academy-2016-17")

    (notice,) = academy.schedule_notes.all()

    assert (notice.starts_on, notice.ends_on) == (date(2017, 1, 1), date(2017, 5, 31))
    assert "January to May 2017" in notice.title
    assert academy.schedule()[-1] == notice
    assert academy.application_form is not None


def test_active_citizens_together_ran_two_years_in_the_east_of_england(demo_output):
    project = programme("active-citizens-together")

    assert (project.start_date, project.end_date) == (date(2015, 10, 1), date(2017, 9, 30))
    assert project.region == "england-east"
    assert project.application_status == ApplicationStatus.FINISHED


def test_open_programme_accepts_applications_on_the_day_the_demo_is_loaded(demo_output):
    open_programme = programme("speak-up-lead-locally")

    assert open_programme.application_status in ACCEPTING
    assert open_programme.is_accepting_applications
    assert all(
        open_programme.start_date <= day <= open_programme.end_date
        for day, _start, _end in slots(open_programme)
    )


def test_every_demo_contact_address_is_at_example_org(demo_output):
    addresses = [
        *User.objects.values_list("email", flat=True),
        *EmailAddress.objects.values_list("email", flat=True),
        *ProgrammePage.objects.exclude(apply_email="").values_list("apply_email", flat=True),
        *SiteSettings.objects.values_list("contact_email", flat=True),
    ]

    assert len(addresses) >= 10
    assert [a for a in addresses if not a.endswith("@example.org")] == []


# The demo logins ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("email", "group"),
    [
        ("admin@example.org", None),
        ("editor@example.org", "Editors"),
        ("moderator@example.org", "Moderators"),
    ],
)
def test_demo_login_authenticates_with_the_printed_password(demo_output, email, group):
    user = authenticate(email=email, password=printed_password(demo_output))

    assert user is not None
    assert user.email == email
    assert user.is_staff
    assert user.is_superuser == (group is None)
    assert list(user.groups.values_list("name", flat=True)) == ([group] if group else [])


def test_demo_editor_signs_in_through_the_sign_in_page_and_reaches_the_admin(client, demo_output):
    response = client.post(
        reverse("account_login"),
        {"login": "editor@example.org", "password": printed_password(demo_output)},
        HTTP_HOST=DEMO_HOST,
    )
    dashboard = client.get(reverse("wagtailadmin_home"), HTTP_HOST=DEMO_HOST)

    assert response.status_code == 302
    assert dashboard.status_code == 200


def test_wrong_password_does_not_authenticate_a_demo_login(demo_output):
    assert authenticate(email="editor@example.org", password="not-the-demo-password") is None


# What visitors see ------------------------------------------------------------------------


def test_programme_index_lists_the_hkmap_programme(client, demo_output):
    index = ProgrammeIndexPage.objects.get(locale=Locale.get_default())

    response = client.get(index.url, HTTP_HOST=DEMO_HOST)

    assert response.status_code == 200
    assert "Hongkongers" in response.text


def test_hkmap_page_shows_the_deadline_as_people_read_it(client, demo_output):
    response = client.get(programme("hkmap-2023").url, HTTP_HOST=DEMO_HOST)

    assert response.status_code == 200
    assert "23:59, Wednesday 20 September 2023" in response.text
    assert "Applications for this programme have closed." in response.text


def test_home_page_lists_the_open_programme_under_open_for_applications(client, demo_output):
    response = client.get("/en/", HTTP_HOST=DEMO_HOST)

    assert response.status_code == 200
    soup = BeautifulSoup(response.text, "html.parser")
    section = soup.select_one('section[aria-labelledby="open-programmes"]')
    assert section.h2.get_text(strip=True) == "Open for applications"
    titles = [a.get_text(strip=True) for a in section.select(".card__title a")]
    assert titles == ["Speak Up, Lead Locally"]


def test_no_rendered_demo_page_links_to_an_address_outside_example_org(client, demo_output):
    mailto = []
    for page in Page.objects.live().filter(depth__gt=1).specific():
        response = client.get(page.url, HTTP_HOST=DEMO_HOST)
        assert response.status_code == 200, page.url
        soup = BeautifulSoup(response.text, "html.parser")
        mailto += [a["href"] for a in soup.select('a[href^="mailto:"]')]

    assert "mailto:hello@example.org" in mailto
    assert [href for href in mailto if not href.endswith("@example.org")] == []
