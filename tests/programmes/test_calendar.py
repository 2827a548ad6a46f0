"""`<programme url>calendar.ics`: a programme's sessions for calendar apps."""

from datetime import UTC, date, datetime, time, timedelta

import pytest
from django.urls import reverse
from icalendar import Calendar
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import querydict_from_html

from programmes.models import ProgrammePage, ProgrammeSession
from tests.factories import ProgrammePageFactory, ProgrammeSessionFactory, london


def get_calendar(client, programme):
    response = client.get(programme.url + "calendar.ics")
    assert response.status_code == 200
    return Calendar.from_ical(response.content)


def events(calendar) -> list:
    return calendar.walk("VEVENT")


def uids(calendar) -> list[str]:
    return [str(event["UID"]) for event in events(calendar)]


@pytest.fixture
def programme(programme_index):
    """Runs from Saturday 23 September 2023 (BST) to Saturday 18 November 2023 (GMT)."""
    return ProgrammePageFactory(
        parent=programme_index,
        title="Speak Up",
        slug="speak-up",
        venue="Community Hall, Hackney",
        application_deadline=london(date(2023, 9, 1), 23, 59),
        start_date=date(2023, 9, 23),
        end_date=date(2023, 11, 18),
    )


@pytest.fixture
def sessions(programme):
    return [
        ProgrammeSessionFactory(
            page=programme,
            date=date(2023, 9, 23),
            start_time=time(14, 0),
            end_time=time(16, 30),
            title="Welcome and first steps",
        ),
        ProgrammeSessionFactory(
            page=programme,
            date=date(2023, 10, 14),
            start_time=time(10, 0),
            end_time=time(12, 0),
            title="Telling your story",
            venue="Online",
        ),
        ProgrammeSessionFactory(
            page=programme,
            date=date(2023, 11, 18),
            start_time=time(14, 0),
            end_time=time(17, 0),
            title="Graduation",
        ),
    ]


def event_titled(calendar, title):
    matching = [event for event in events(calendar) if title in str(event["SUMMARY"])]
    assert len(matching) == 1, f"expected one event for {title!r}"
    return matching[0]


# The file -------------------------------------------------------------------------------


def test_calendar_is_served_as_an_icalendar_download(client, programme, sessions):
    response = client.get(programme.url + "calendar.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="speak-up.ics"'
    assert response.content.startswith(b"BEGIN:VCALENDAR\r\n")
    assert response.content.rstrip().endswith(b"END:VCALENDAR")


def test_programme_page_links_to_its_calendar(client, programme, sessions):
    response = client.get(programme.url)
    assert f'href="{programme.url}calendar.ics"' in response.text


def test_calendar_has_one_event_per_session(client, programme, sessions):
    calendar = get_calendar(client, programme)
    assert calendar["VERSION"] == "2.0"
    assert str(calendar["X-WR-CALNAME"]) == "Speak Up"
    assert len(events(calendar)) == len(sessions) == 3


def test_two_sessions_on_one_day_are_two_events(client, programme, sessions):
    ProgrammeSessionFactory(
        page=programme,
        date=date(2023, 9, 23),
        start_time=time(17, 0),
        end_time=time(18, 0),
        title="Social",
    )
    calendar = get_calendar(client, programme)
    assert len(events(calendar)) == 4
    assert event_titled(calendar, "Social")["DTSTART"].dt == london(date(2023, 9, 23), 17)


def test_event_summary_names_the_session_and_the_programme(client, programme, sessions):
    calendar = get_calendar(client, programme)
    summaries = sorted(str(event["SUMMARY"]) for event in events(calendar))
    assert summaries == [
        "Graduation (Speak Up)",
        "Telling your story (Speak Up)",
        "Welcome and first steps (Speak Up)",
    ]


def test_event_location_is_the_session_venue_or_else_the_programme_venue(
    client, programme, sessions
):
    calendar = get_calendar(client, programme)
    assert str(event_titled(calendar, "Telling your story")["LOCATION"]) == "Online"
    assert str(event_titled(calendar, "Graduation")["LOCATION"]) == "Community Hall, Hackney"


def test_event_links_back_to_the_programme_page(client, programme, sessions):
    calendar = get_calendar(client, programme)
    for event in events(calendar):
        assert str(event["URL"]) == "http://testserver/en/programmes/speak-up/"


# Times and the time zone ----------------------------------------------------------------


def test_session_in_british_summer_time_is_at_its_uk_wall_clock_time(client, programme, sessions):
    response = client.get(programme.url + "calendar.ics")
    assert b"DTSTART;TZID=Europe/London:20230923T140000\r\n" in response.content
    assert b"DTEND;TZID=Europe/London:20230923T163000\r\n" in response.content

    event = event_titled(Calendar.from_ical(response.content), "Welcome and first steps")
    assert event["DTSTART"].params["TZID"] == "Europe/London"
    assert event["DTEND"].params["TZID"] == "Europe/London"
    start = event["DTSTART"].dt
    assert (start.year, start.month, start.day, start.hour, start.minute) == (2023, 9, 23, 14, 0)
    assert start.utcoffset() == timedelta(hours=1)
    assert start.astimezone(UTC) == datetime(2023, 9, 23, 13, 0, tzinfo=UTC)
    assert event["DTEND"].dt.astimezone(UTC) == datetime(2023, 9, 23, 15, 30, tzinfo=UTC)


def test_session_in_greenwich_mean_time_is_at_its_uk_wall_clock_time(client, programme, sessions):
    response = client.get(programme.url + "calendar.ics")
    assert b"DTSTART;TZID=Europe/London:20231118T140000\r\n" in response.content
    assert b"DTEND;TZID=Europe/London:20231118T170000\r\n" in response.content

    event = event_titled(Calendar.from_ical(response.content), "Graduation")
    assert event["DTSTART"].params["TZID"] == "Europe/London"
    start = event["DTSTART"].dt
    assert (start.year, start.month, start.day, start.hour, start.minute) == (2023, 11, 18, 14, 0)
    assert start.utcoffset() == timedelta(0)
    assert start.astimezone(UTC) == datetime(2023, 11, 18, 14, 0, tzinfo=UTC)
    assert event["DTEND"].dt.astimezone(UTC) == datetime(2023, 11, 18, 17, 0, tzinfo=UTC)


def test_calendar_defines_the_europe_london_time_zone_with_both_offsets(
    client, programme, sessions
):
    calendar = get_calendar(client, programme)
    timezones = calendar.walk("VTIMEZONE")
    assert [str(tz["TZID"]) for tz in timezones] == ["Europe/London"]
    offsets = {
        component["TZOFFSETTO"].td
        for component in timezones[0].subcomponents
        if component.name in {"STANDARD", "DAYLIGHT"}
    }
    assert offsets == {timedelta(0), timedelta(hours=1)}
    assert str(calendar["X-WR-TIMEZONE"]) == "Europe/London"


def test_event_stamp_is_written_in_utc(client, programme, sessions):
    response = client.get(programme.url + "calendar.ics")
    stamps = [line for line in response.content.decode().splitlines() if line.startswith("DTSTAMP")]
    assert len(stamps) == 3
    for line in stamps:
        assert line.startswith("DTSTAMP:") and line.endswith("Z")


# UIDs -----------------------------------------------------------------------------------


def test_event_uids_are_unique(client, programme, sessions):
    calendar = get_calendar(client, programme)
    assert len(set(uids(calendar))) == 3
    for uid in uids(calendar):
        assert uid.endswith("@testserver")


def test_event_uids_are_the_same_on_every_download(client, programme, sessions):
    first = uids(get_calendar(client, programme))
    second = uids(get_calendar(client, programme))
    assert first == second


def test_event_uids_survive_editing_and_republishing_the_page(client, programme, sessions):
    before = {
        str(event["SUMMARY"]): str(event["UID"])
        for event in events(get_calendar(client, programme))
    }

    page = ProgrammePage.objects.get(pk=programme.pk)
    page.title = "Speak Up 2023"
    edited = list(page.sessions.all())
    for session in edited:
        if session.title == "Telling your story":
            session.title = "Telling your own story"
    page.sessions = edited
    page.save_revision().publish()
    page = ProgrammePage.objects.get(pk=programme.pk)
    page.save_revision().publish()

    calendar = get_calendar(client, page)
    after = {str(event["SUMMARY"]): str(event["UID"]) for event in events(calendar)}
    assert after == {
        "Welcome and first steps (Speak Up 2023)": before["Welcome and first steps (Speak Up)"],
        "Telling your own story (Speak Up 2023)": before["Telling your story (Speak Up)"],
        "Graduation (Speak Up 2023)": before["Graduation (Speak Up)"],
    }


def test_new_session_gets_a_new_uid_and_others_keep_theirs(client, programme, sessions):
    before = set(uids(get_calendar(client, programme)))
    ProgrammeSessionFactory(page=programme, date=date(2023, 10, 28), title="Added later")
    after = set(uids(get_calendar(client, programme)))
    assert before < after
    assert len(after - before) == 1


def test_sessions_in_an_unpublished_draft_are_not_in_the_calendar(client, programme, sessions):
    page = ProgrammePage.objects.get(pk=programme.pk)
    page.sessions = [
        *page.sessions.all(),
        ProgrammeSession(
            date=date(2023, 10, 28), start_time=time(14), end_time=time(15), title="Draft session"
        ),
    ]
    page.save_revision()

    calendar = get_calendar(client, programme)
    assert len(events(calendar)) == 3
    assert "Draft session" not in {str(event["SUMMARY"]) for event in events(calendar)}

    ProgrammePage.objects.get(pk=programme.pk).get_latest_revision().publish()
    calendar = get_calendar(client, programme)
    assert len(events(calendar)) == 4
    assert event_titled(calendar, "Draft session")


# Empty and missing calendars ------------------------------------------------------------


def test_programme_without_sessions_has_a_valid_empty_calendar(client, programme):
    response = client.get(programme.url + "calendar.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    assert calendar.name == "VCALENDAR"
    assert calendar["VERSION"] == "2.0"
    assert str(calendar["PRODID"])
    assert events(calendar) == []


def test_calendar_of_the_programme_index_is_not_found(client, programme_index, programme):
    response = client.get(programme_index.url + "calendar.ics")
    assert response.status_code == 404


def test_calendar_of_the_home_page_path_is_not_found(client, home_page):
    response = client.get("/en/calendar.ics")
    assert response.status_code == 404


def test_calendar_of_an_unpublished_programme_is_not_found(client, programme_index):
    draft = ProgrammePageFactory(parent=programme_index, slug="draft-programme", live=False)
    ProgrammeSessionFactory(page=draft, title="Secret session")
    response = client.get("/en/programmes/draft-programme/calendar.ics")
    assert response.status_code == 404
    assert b"Secret session" not in response.content


def test_calendar_of_a_withdrawn_programme_is_not_found(client, programme, sessions):
    url = programme.url + "calendar.ics"
    programme.unpublish()
    response = client.get(url)
    assert response.status_code == 404
    assert b"Welcome and first steps" not in response.content


def test_calendar_of_a_private_programme_is_not_found(client, programme, sessions):
    PageViewRestriction.objects.create(
        page=programme, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    response = client.get(programme.url + "calendar.ics")
    assert response.status_code == 404
    assert b"Welcome and first steps" not in response.content


@pytest.mark.parametrize(
    "path",
    [
        "/en/programmes/no-such-programme/calendar.ics",
        "/en/no-such-section/calendar.ics",
        "/en/programmes/speak-up/no-such-child/calendar.ics",
    ],
)
def test_calendar_of_a_nonexistent_page_is_not_found(client, programme, path):
    response = client.get(path)
    assert response.status_code == 404


def test_event_uids_survive_editing_the_schedule_in_the_admin(
    client, programme, sessions, django_user_model
):
    before = {
        str(event["SUMMARY"]): str(event["UID"])
        for event in events(get_calendar(client, programme))
    }
    editor = django_user_model.objects.create_superuser("editor@example.org", "password")
    client.force_login(editor)
    edit_url = reverse("wagtailadmin_pages:edit", args=[programme.pk])
    data = querydict_from_html(client.get(edit_url).text, form_id="page-edit-form")
    for stream in ["body", "learning_outcomes", "focus_areas"]:
        data[f"{stream}-count"] = "0"  # StreamFields are built by JavaScript in a browser
    assert data["sessions-1-title"] == "Telling your story"
    data["sessions-1-title"] = "Telling your own story"
    data["sessions-1-start_time"] = "10:30"
    data["action-publish"] = "action-publish"
    response = client.post(edit_url, data)
    assert response.status_code == 302
    client.logout()

    calendar = get_calendar(client, programme)
    after = {str(event["SUMMARY"]): str(event["UID"]) for event in events(calendar)}
    assert after == {
        "Welcome and first steps (Speak Up)": before["Welcome and first steps (Speak Up)"],
        "Telling your own story (Speak Up)": before["Telling your story (Speak Up)"],
        "Graduation (Speak Up)": before["Graduation (Speak Up)"],
    }
    moved = event_titled(calendar, "Telling your own story")
    assert moved["DTSTART"].dt == london(date(2023, 10, 14), 10, 30)
