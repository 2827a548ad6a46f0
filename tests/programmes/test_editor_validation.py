"""Editors building programme pages in the Wagtail admin: what is saved, what is refused."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils.html import escape
from wagtail.models import Page, Revision
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from members.models import User
from programmes.models import ProgrammePage, ProgrammeSession
from tests.factories import ProgrammePageFactory, ProgrammeSessionFactory

LONDON = ZoneInfo("Europe/London")
LAST_DAY_BEFORE_FIRST = "The last day cannot be before the first day."
OUTSIDE_PROGRAMME = "This date is outside the programme's first and last day."
DEADLINE_AFTER_START = "The deadline must be before the programme starts."
SESSION_ENDS_BEFORE_IT_BEGINS = "A session must end after it begins."
OPENS_AFTER_DEADLINE = "Applications must open before the deadline."


def session_row(day="2030-03-02", start="14:00", end="15:30", title="Welcome"):
    return {
        "date": day,
        "start_time": start,
        "end_time": end,
        "title": title,
        "description": "",
        "kind": "training",
        "place": "in-person",
        "venue": "",
    }


TWO_SESSIONS_ON_ONE_SATURDAY = [
    session_row(start="14:00", end="15:30", title="Welcome, and how change happens"),
    session_row(start="15:45", end="17:15", title="Your story and why it matters"),
]


def programme_post_data(**changes):
    """Everything the programme page form submits, as the admin's own widgets send it.

    Fields are valid unless `changes` replaces them; `sessions` and `schedule_notes`
    take lists of rows (or, for sessions, a ready `inline_formset`), and the action
    defaults to publishing.
    """
    sessions = changes.pop("sessions", TWO_SESSIONS_ON_ONE_SATURDAY)
    notes = changes.pop("schedule_notes", [])
    fields = {
        "title": "Speak Up 2030",
        "slug": "speak-up-2030",
        "summary": "Six Saturdays for people who want to change something where they live.",
        "image": "",
        "body": streamfield([("paragraph", rich_text("<p>Bring one thing to change.</p>"))]),
        "topics": "Campaigning, Local democracy",
        "skills": "",
        "learning_outcomes": streamfield([]),
        "focus_areas": streamfield([]),
        "audience": rich_text("<p>Migrants and refugees in the North West.</p>"),
        "priority_note": "",
        "start_date": "2030-03-02",
        "end_date": "2030-08-03",
        "delivery_mode": "hybrid",
        "languages": "English",
        "venue": "Manchester",
        "region": "england-north-west",
        "fee": "",
        "organiser": "",
        "partner_placements": inline_formset([]),
        "funder_placements": inline_formset([]),
        "outcome_figures": inline_formset([]),
        "schedule_introduction": "One Saturday a month.",
        "sessions": sessions if isinstance(sessions, dict) else inline_formset(sessions),
        "schedule_notes": inline_formset(notes),
        "applications_open_at": "2030-01-06 09:00",
        "application_deadline": "2030-02-10 23:59",
        "how_to_apply": rich_text("<p>Apply online.</p>"),
        "apply_email": "speakup@example.org",
        "apply_url": "",
        "application_form": "",
        "application_questions": inline_formset([]),
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
        "comments": inline_formset([]),
        "action-publish": "action-publish",
    }
    fields.update(changes)
    return nested_form_data(fields)


@pytest.fixture
def editor(client, db):
    user = User.objects.create_superuser(email="editor@example.org", password="not-a-real-pass")
    client.force_login(user)
    return user


@pytest.fixture
def add_url(programme_index):
    return reverse(
        "wagtailadmin_pages:add", args=("programmes", "programmepage", programme_index.pk)
    )


@pytest.fixture
def existing_programme(programme_index):
    """A published programme without sessions, as an editor would open it to edit."""
    programme = ProgrammePageFactory(
        parent=programme_index, title="Speak Up 2030", slug="speak-up-2030"
    )
    programme.save_revision().publish()
    return programme


def stored_state():
    """What a refused form must leave untouched."""
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "sessions": ProgrammeSession.objects.count(),
    }


# Creating a programme ---------------------------------------------------------------


def test_editor_creates_a_programme_with_two_sessions_on_one_date(
    client, editor, programme_index, add_url
):
    before = stored_state()

    response = client.post(add_url, programme_post_data())

    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_explore", args=(programme_index.pk,))
    programme = ProgrammePage.objects.get(slug="speak-up-2030")
    assert programme.live
    assert programme.get_parent().pk == programme_index.pk
    sessions = list(programme.sessions.order_by("start_time"))
    assert [(s.date, s.start_time.isoformat("minutes"), s.title) for s in sessions] == [
        (date(2030, 3, 2), "14:00", "Welcome, and how change happens"),
        (date(2030, 3, 2), "15:45", "Your story and why it matters"),
    ]
    assert sorted(programme.topics.names()) == ["Campaigning", "Local democracy"]
    assert stored_state() == {
        "pages": before["pages"] + 1,
        "revisions": before["revisions"] + 1,
        "sessions": before["sessions"] + 2,
    }


def test_new_programme_appears_in_the_page_tree_under_the_programme_index(
    client, editor, programme_index, add_url
):
    client.post(add_url, programme_post_data(title="Speak Up, Lead Locally"))

    explorer = client.get(reverse("wagtailadmin_explore", args=(programme_index.pk,)))

    assert explorer.status_code == 200
    assert "Speak Up, Lead Locally" in explorer.text


# Refusals -------------------------------------------------------------------------------

PAGE_FIELD_REFUSALS = [
    pytest.param(
        {"start_date": "2030-03-02", "end_date": "2030-03-01", "sessions": []},
        "end_date",
        LAST_DAY_BEFORE_FIRST,
        id="last-day-before-first-day",
    ),
    pytest.param(
        {"application_deadline": "2030-03-02 00:00"},
        "application_deadline",
        DEADLINE_AFTER_START,
        id="deadline-after-programme-starts",
    ),
    pytest.param(
        {"applications_open_at": "2030-02-11 09:00"},
        "applications_open_at",
        OPENS_AFTER_DEADLINE,
        id="opening-after-deadline",
    ),
]

SESSION_REFUSALS = [
    pytest.param(
        [session_row(day="2030-03-02"), session_row(day="2030-09-07", title="Reunion")],
        1,
        "date",
        OUTSIDE_PROGRAMME,
        id="session-outside-programme-dates",
    ),
    pytest.param(
        [session_row(start="15:30", end="14:00")],
        0,
        "end_time",
        SESSION_ENDS_BEFORE_IT_BEGINS,
        id="session-ends-before-it-begins",
    ),
]


@pytest.mark.parametrize(("changes", "field", "message"), PAGE_FIELD_REFUSALS)
def test_adding_a_programme_with_inconsistent_dates_is_refused_on_the_field(
    client, editor, add_url, changes, field, message
):
    before = stored_state()

    response = client.post(add_url, programme_post_data(**changes))

    assert response.status_code == 200
    assert response.context["form"].errors[field] == [message]
    assert escape(message) in response.text
    assert stored_state() == before
    assert not ProgrammePage.objects.filter(slug="speak-up-2030").exists()


@pytest.mark.parametrize(("changes", "field", "message"), PAGE_FIELD_REFUSALS)
def test_editing_a_programme_into_inconsistent_dates_is_refused_on_the_field(
    client, editor, existing_programme, changes, field, message
):
    stored_end_date = existing_programme.end_date
    before = stored_state()

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=(existing_programme.pk,)),
        programme_post_data(**changes),
    )

    assert response.status_code == 200
    assert response.context["form"].errors[field] == [message]
    assert escape(message) in response.text
    assert stored_state() == before
    existing_programme.refresh_from_db()
    assert existing_programme.end_date == stored_end_date
    assert existing_programme.sessions.count() == 0


@pytest.mark.parametrize(("rows", "wrong_row", "field", "message"), SESSION_REFUSALS)
def test_adding_a_programme_with_a_wrong_session_is_refused_on_that_session(
    client, editor, add_url, rows, wrong_row, field, message
):
    before = stored_state()

    response = client.post(add_url, programme_post_data(sessions=rows))

    assert response.status_code == 200
    session_forms = response.context["form"].formsets["sessions"].forms
    assert session_forms[wrong_row].errors[field] == [message]
    assert all(not form.errors for index, form in enumerate(session_forms) if index != wrong_row)
    assert escape(message) in response.text
    assert stored_state() == before


@pytest.mark.parametrize(("rows", "wrong_row", "field", "message"), SESSION_REFUSALS)
def test_editing_a_programme_with_a_wrong_session_is_refused_on_that_session(
    client, editor, existing_programme, rows, wrong_row, field, message
):
    before = stored_state()

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=(existing_programme.pk,)),
        programme_post_data(sessions=rows),
    )

    assert response.status_code == 200
    session_forms = response.context["form"].formsets["sessions"].forms
    assert session_forms[wrong_row].errors[field] == [message]
    assert escape(message) in response.text
    assert stored_state() == before
    assert existing_programme.sessions.count() == 0


def test_schedule_notice_outside_the_programme_dates_is_refused_on_the_notice(
    client, editor, add_url
):
    before = stored_state()
    notice = {
        "starts_on": "2030-07-01",
        "ends_on": "2030-09-30",
        "title": "Summer: dates to be confirmed",
        "text": "Closing events.",
    }

    response = client.post(add_url, programme_post_data(schedule_notes=[notice]))

    assert response.status_code == 200
    notice_form = response.context["form"].formsets["schedule_notes"].forms[0]
    assert notice_form.errors == {"ends_on": [OUTSIDE_PROGRAMME]}
    assert stored_state() == before


def test_deadline_at_one_minute_to_midnight_before_the_first_day_is_accepted(
    client, editor, add_url
):
    response = client.post(add_url, programme_post_data(application_deadline="2030-03-01 23:59"))

    assert response.status_code == 302
    programme = ProgrammePage.objects.get(slug="speak-up-2030")
    assert programme.application_deadline == datetime(2030, 3, 1, 23, 59, tzinfo=LONDON)
    assert programme.applications_close_at == datetime(2030, 3, 2, 0, 0, tzinfo=LONDON)


def test_session_on_the_first_and_last_day_is_accepted(client, editor, add_url):
    rows = [
        session_row(day="2030-03-02", title="First day"),
        session_row(day="2030-08-03", title="Last day"),
    ]

    response = client.post(add_url, programme_post_data(sessions=rows))

    assert response.status_code == 302
    programme = ProgrammePage.objects.get(slug="speak-up-2030")
    assert sorted(s.title for s in programme.sessions.all()) == ["First day", "Last day"]


def test_moving_the_dates_and_deleting_the_session_left_outside_them_is_accepted(
    client, editor, existing_programme
):
    old_session = ProgrammeSessionFactory(
        page=existing_programme, date=date(2030, 1, 5), title="Old taster day"
    )
    old_row = {
        "id": str(old_session.pk),
        **session_row(day="2030-01-05", title="Old taster day"),
        "DELETE": "1",
    }
    sessions = inline_formset([old_row, *TWO_SESSIONS_ON_ONE_SATURDAY], initial=1)

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=(existing_programme.pk,)),
        programme_post_data(sessions=sessions),
    )

    assert response.status_code == 302
    existing_programme.refresh_from_db()
    assert existing_programme.start_date == date(2030, 3, 2)
    assert sorted(s.title for s in existing_programme.sessions.all()) == [
        "Welcome, and how change happens",
        "Your story and why it matters",
    ]


# The edit view and preview -----------------------------------------------------------------


def test_edit_view_shows_the_programme_tabs_with_sessions_under_schedule(
    client, editor, existing_programme
):
    response = client.get(reverse("wagtailadmin_pages:edit", args=(existing_programme.pk,)))

    assert response.status_code == 200
    soup = BeautifulSoup(response.text, "html.parser")
    tab_labels = [
        tab.find(string=True, recursive=False).strip() for tab in soup.select('[role="tab"]')
    ]
    assert tab_labels[:4] == ["Content", "Who, when, where", "Schedule", "Applications"]
    schedule_tab = soup.select_one("#tab-schedule")
    assert schedule_tab.select_one('[name="sessions-TOTAL_FORMS"]') is not None
    assert schedule_tab.select_one('[name="schedule_notes-TOTAL_FORMS"]') is not None
    applications_tab = soup.select_one("#tab-applications")
    assert applications_tab.select_one('[name="application_deadline"]') is not None


def test_preview_shows_unsaved_changes_to_the_editor(client, editor, existing_programme):
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=(existing_programme.pk,))
    before = stored_state()

    posted = client.post(preview_url, programme_post_data(title="Speak Up 2030 (draft title)"))
    shown = client.get(preview_url)

    assert posted.status_code == 200
    assert posted.json() == {"is_valid": True, "is_available": True}
    assert shown.status_code == 200
    assert "Speak Up 2030 (draft title)" in shown.text
    assert "Welcome, and how change happens" in shown.text
    assert stored_state() == before


def test_saving_a_draft_is_refused_for_the_same_reasons_as_publishing(client, editor, add_url):
    before = stored_state()
    draft = programme_post_data(sessions=[session_row(day="2031-01-04")])
    del draft["action-publish"]

    response = client.post(add_url, draft)

    assert response.status_code == 200
    session_form = response.context["form"].formsets["sessions"].forms[0]
    assert session_form.errors["date"] == [OUTSIDE_PROGRAMME]
    assert stored_state() == before


DATE_OUT_OF_RANGE = "Enter a date between the years 1900 and 2100."


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"end_date": "9999-12-31"}, "end_date"),
        ({"start_date": "0001-01-01"}, "start_date"),
        ({"application_deadline": "9999-12-31 23:59"}, "application_deadline"),
    ],
    ids=["last-day-in-9999", "first-day-in-year-1", "deadline-in-9999"],
)
def test_a_programme_date_at_the_ends_of_time_is_refused_on_the_field(
    client, editor, add_url, changes, field
):
    before = stored_state()
    response = client.post(add_url, programme_post_data(**changes))
    assert response.status_code == 200
    assert DATE_OUT_OF_RANGE in response.context["form"].errors[field]
    assert stored_state() == before


def test_a_session_in_year_9999_is_refused_on_the_session(client, editor, add_url):
    before = stored_state()
    response = client.post(
        add_url,
        programme_post_data(end_date="9999-12-31", sessions=[session_row(day="9999-12-31")]),
    )
    assert response.status_code == 200
    session_form = response.context["form"].formsets["sessions"].forms[0]
    assert DATE_OUT_OF_RANGE in session_form.errors["date"]
    assert stored_state() == before
