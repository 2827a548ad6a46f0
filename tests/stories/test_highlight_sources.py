"""Home-page highlights say which programme they come from and for which period, so a
number typed in 2017 ("Network members 111") never reads as today's."""

from datetime import date

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from stories.models import HighlightFigure
from tests.factories import ProgrammePageFactory
from tests.stories.factories import HighlightFigureFactory

ACT_SOURCE = "Active Citizens Together — Reported by the programme team, 1 Oct 2015 – 30 Sep 2017"


@pytest.fixture
def together(programme_index):
    return ProgrammePageFactory(
        parent=programme_index,
        title="Active Citizens Together",
        start_date=date(2015, 10, 1),
        end_date=date(2017, 9, 30),
        application_deadline=None,
    )


def highlight_sources(response) -> dict[str, str]:
    soup = BeautifulSoup(response.content, "html.parser")
    table = soup.select_one("section.highlights table.outcomes__table")
    return {
        row.th.get_text(strip=True): row.find_all("td")[-1].get_text(" ", strip=True)
        for row in table.tbody.find_all("tr")
    }


def test_a_highlight_names_its_programme_and_the_programmes_period(client, home_page, together):
    HighlightFigureFactory(
        label="Network members", delivered=111, target=50, unit="people", programme=together
    )

    response = client.get(home_page.url)

    assert highlight_sources(response) == {"Network members": ACT_SOURCE}
    # The chart's text equivalent says it too.
    assert f"111 people delivered against a target of 50, 222% of target. {ACT_SOURCE}." in (
        response.text
    )


def test_a_highlight_may_give_its_own_period_and_source_in_words(client, home_page, together):
    HighlightFigureFactory(
        label="Mentoring meetings",
        delivered=23,
        programme=together,
        period_start=date(2016, 4, 1),
        period_end=date(2017, 3, 31),
        source_note="Final report to the European Commission",
    )
    HighlightFigureFactory(label="Volunteers", delivered=40, source_note="Annual report 2024")

    sources = highlight_sources(client.get(home_page.url))

    assert sources == {
        "Mentoring meetings": "Active Citizens Together — Final report to the European "
        "Commission, 1 Apr 2016 – 31 Mar 2017",
        "Volunteers": "Annual report 2024",
    }


def test_a_highlight_must_say_where_it_comes_from(home_page):
    figure = HighlightFigure(label="Network members", delivered=111)

    with pytest.raises(ValidationError) as error:
        figure.clean()

    assert list(error.value.message_dict) == ["programme"]


def test_naming_programmes_costs_the_same_queries_for_one_or_six_highlights(
    client, home_page, programme_index
):
    def measure():
        client.get(home_page.url)
        with CaptureQueriesContext(connection) as queries:
            client.get(home_page.url)
        return len(queries)

    first = ProgrammePageFactory(parent=programme_index, application_deadline=None)
    HighlightFigureFactory(label="Figure 0", delivered=1, programme=first)
    one = measure()
    for number in range(1, 6):
        programme = ProgrammePageFactory(parent=programme_index, application_deadline=None)
        HighlightFigureFactory(label=f"Figure {number}", delivered=1, programme=programme)
    six = measure()

    assert one == six
