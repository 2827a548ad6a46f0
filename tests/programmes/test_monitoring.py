"""Equality monitoring: offered after applying, separately consented, stored apart from
the application, shown only as suppressed counts, deleted by the retention rule."""

from datetime import date

import pytest

from programmes.models import Application, MonitoringResponse
from programmes.services import monitoring
from programmes.services.applications import purge_expired
from tests.programmes.conftest import answers_for

ANSWERS = {
    "age_band": "25-34",
    "gender": "woman",
    "ethnic_group": "asian-chinese",
    "disability": "prefer-not",
    "birth_region": "asia-east",
    "consent": "on",
}


def monitoring_url(page):
    return f"{page.apply_form_url}monitoring/"


@pytest.fixture
def applied(client, open_programme):
    response = client.post(open_programme.apply_form_url, answers_for(open_programme))
    assert response.status_code == 302
    return open_programme


def test_the_form_is_offered_right_after_applying(client, applied):
    thanks = client.get(f"{applied.apply_form_url}?sent=1")

    assert monitoring_url(applied) in thanks.text
    assert "Help us report fairly (optional)" in thanks.text


def test_answers_are_stored_apart_from_the_application(client, applied):
    page = client.get(monitoring_url(applied))
    response = client.post(monitoring_url(applied), ANSWERS)

    assert page.status_code == 200 and "Prefer not to say" in page.text
    assert response.status_code == 302
    stored = MonitoringResponse.objects.get()
    assert (stored.age_band, stored.gender, stored.disability) == ("25-34", "woman", "prefer-not")
    # Nothing a staff user could follow back to the applicant: no link, no time.
    related = {f.related_model for f in MonitoringResponse._meta.get_fields() if f.is_relation}
    assert related == {type(applied)}
    assert not {"submitted_at", "created_at", "user", "application"} & {
        f.name for f in MonitoringResponse._meta.get_fields()
    }
    # Offered once: a second go is refused.
    assert client.post(monitoring_url(applied), ANSWERS).status_code == 403
    assert MonitoringResponse.objects.count() == 1


def test_consent_is_asked_separately_and_nothing_is_stored_without_it(client, applied):
    answers = dict(ANSWERS)
    answers.pop("consent")

    response = client.post(monitoring_url(applied), answers)

    assert response.status_code == 200
    assert "Tick this box to send your answers" in response.text
    assert not MonitoringResponse.objects.exists()


def test_every_question_may_be_left_blank_or_declined(client, applied):
    assert client.post(monitoring_url(applied), {"consent": "on"}).status_code == 302
    stored = MonitoringResponse.objects.get()
    assert stored.age_band == stored.gender == stored.ethnic_group == ""


def test_no_thanks_stores_nothing(client, applied):
    response = client.post(monitoring_url(applied), {"action": "decline"})

    assert response.status_code == 302
    assert not MonitoringResponse.objects.exists()
    assert client.get(monitoring_url(applied)).status_code == 403


def test_without_applying_the_form_is_not_offered(client, open_programme):
    response = client.post(monitoring_url(open_programme), ANSWERS)

    assert response.status_code == 403
    assert not MonitoringResponse.objects.exists()


def test_answers_are_deleted_with_the_programmes_applications(open_programme):
    monitoring.record(open_programme, {"gender": "man"})
    Application.objects.create(programme=open_programme, name="A", email="a@example.org")
    end = open_programme.end_date

    purge_expired(today=date(end.year + 1, end.month, 1), months=6)

    assert not MonitoringResponse.objects.exists()
    assert not Application.objects.exists()


def test_the_aggregates_show_only_suppressed_counts(open_programme):
    for gender, times in (("woman", 9), ("man", 6), ("non-binary", 1)):
        for _ in range(times):
            monitoring.record(open_programme, {"gender": gender, "disability": "no"})

    tables = {table.question: table for table in monitoring.monitoring_tables(open_programme)}

    gender = {cell.label: cell.display for cell in tables["Gender"].cells}
    assert gender["Woman"] == "9"
    assert gender["Non-binary"] == "fewer than 5"
    assert gender["Man"] == "not shown"  # it would reveal the non-binary count
    assert tables["Gender"].total == 16
    disability = {
        cell.label: cell.display for cell in tables["Disability (Equality Act 2010)"].cells
    }
    assert disability["No"] == "16" and disability["Yes"] == "0"
