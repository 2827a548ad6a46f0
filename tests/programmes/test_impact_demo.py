"""The demo's open programme counts its figures live; the seeds' figures stay typed.

The tests share one loaded demo (`demo_loaded`); those about loading it again load it
a second time inside their own transaction."""

import io

from bs4 import BeautifulSoup
from django.core.management import call_command
from wagtail import hooks
from wagtail.models import Locale

from home.impact import ImpactSource
from members.models import MembershipStatus, Profile
from programmes.demo.programmes import ACT_OUTCOME_FIGURES, OPEN_PROGRAMME_SLUG
from programmes.models import (
    CohortMember,
    ProgrammeOutcomeFigure,
    ProgrammePage,
    SessionAttendance,
)


def load_demo() -> str:
    out = io.StringIO()
    call_command("load_demo", force=True, stdout=out)
    return out.getvalue()


def delivered_cells(response) -> dict[str, str]:
    soup = BeautifulSoup(response.content, "html.parser")
    return {
        row.th.get_text(strip=True): row.find_all("td")[0].get_text(" ", strip=True)
        for row in soup.select("table.outcomes__table tbody tr")
    }


def test_the_open_demo_programme_counts_its_figures_live(demo_loaded, db, client):
    figures_after_first_load = ProgrammeOutcomeFigure.objects.count()
    load_demo()
    open_programme = ProgrammePage.objects.get(
        slug=OPEN_PROGRAMME_SLUG, locale=Locale.get_default()
    )
    act = ProgrammePage.objects.get(slug="active-citizens-together", locale=Locale.get_default())

    sources = set(open_programme.outcome_figures.values_list("source", flat=True))
    with hooks.register_temporarily(
        "register_impact_counters", lambda: {ImpactSource.MENTORING_PEOPLE: None}, order=1000
    ):
        cells = delivered_cells(client.get(open_programme.url))
    members = Profile.objects.filter(status=MembershipStatus.APPROVED, user__is_active=True).count()

    assert ProgrammeOutcomeFigure.objects.count() == figures_after_first_load
    assert sources == set(ImpactSource.values) - {ImpactSource.TYPED}
    assert cells["Network members"].startswith(f"{members} people")
    assert cells["People in mentoring pairs"].startswith("Not counted yet")
    # Two demo events belong to the programme: one held five days ago, one to come.
    # One event, in the singular ("1 events" before units had their plural forms).
    assert cells["Events of this programme"].split(" ")[:2] == ["1", "event"]
    assert [
        (f.label, f.source, f.delivered, f.target, f.unit)
        for f in act.outcome_figures.order_by("sort_order")
    ] == [
        (label, "", delivered, target, unit)
        for label, delivered, target, unit in ACT_OUTCOME_FIGURES
    ]


def test_hkmap_in_the_demo_shows_the_attendance_its_registers_recorded(demo_loaded, db, client):
    page = ProgrammePage.objects.get(slug="hkmap-2023", locale__language_code="en")
    attended = (
        SessionAttendance.objects.filter(session__page=page, present=True)
        .values("cohort_member")
        .distinct()
        .count()
    )
    delivered = SessionAttendance.objects.filter(session__page=page).values("session").distinct()
    assert attended > 0 and CohortMember.objects.filter(programme=page).count() >= attended
    html = client.get(page.url).content.decode()
    assert f"{delivered.count()} sessions" in html
    assert f"{attended} people" in html


def test_the_demo_keeps_figures_and_questions_in_their_order_on_any_database(
    demo_loaded, db, client
):
    """They were saved without an order, and PostgreSQL returns rows of equal order in
    any order: the seed's figures came out shuffled there. Sites loaded before are
    numbered by the next load."""
    from programmes.models import ApplicationQuestion

    act = ProgrammePage.objects.get(slug="active-citizens-together", locale=Locale.get_default())
    ProgrammeOutcomeFigure.objects.update(sort_order=None)  # as an earlier load left them
    ApplicationQuestion.objects.update(sort_order=None)
    load_demo()
    assert not ProgrammeOutcomeFigure.objects.filter(sort_order__isnull=True).exists()
    assert not ApplicationQuestion.objects.filter(sort_order__isnull=True).exists()
    shown = list(act.outcome_figures.values_list("label", flat=True))
    assert shown == [label for label, *_rest in ACT_OUTCOME_FIGURES]
    cells = delivered_cells(client.get(act.url))
    assert list(cells) == shown


def test_the_demo_fills_in_the_open_programmes_funder_report(demo_loaded, db, client):
    from django.contrib.auth import get_user_model

    from programmes.models import MonitoringResponse, SkillAnswerSet, SkillAssessmentRound

    counts = (MonitoringResponse.objects.count(), SkillAnswerSet.objects.count())
    load_demo()
    assert (MonitoringResponse.objects.count(), SkillAnswerSet.objects.count()) == counts
    speak_up = ProgrammePage.objects.get(slug=OPEN_PROGRAMME_SLUG, locale=Locale.get_default())
    start = SkillAssessmentRound.objects.get(programme=speak_up, stage="start")
    assert start.is_open() and start.answer_sets.exists()
    assert MonitoringResponse.objects.filter(programme=speak_up).count() >= 12
    client.force_login(get_user_model().objects.get(email="admin@example.org"))

    html = client.get(f"/admin/impact/{speak_up.pk}/report/").text
    hkmap = ProgrammePage.objects.get(slug="hkmap-2023", locale=Locale.get_default())
    hkmap_html = client.get(f"/admin/impact/{hkmap.pk}/report/").text

    soup = BeautifulSoup(html, "html.parser")
    gender = {
        row.th.get_text(strip=True): row.td.get_text(strip=True)
        for table in soup.select("table.impact-table--monitoring")
        if table.caption.get_text(strip=True) == "Gender"
        for row in table.tbody.find_all("tr")
    }
    assert gender["Woman"] == "9" and gender["Non-binary"] == "fewer than 5"
    assert gender["Man"] == "not shown"
    assert "Answered at the start" in html
    # HKMAP's rounds are both closed: its report shows the change per skill.
    assert "Share who moved up" in hkmap_html and "%</td>" in hkmap_html
