"""Dates, times, numbers and the outcome chart as each language writes them (CLDR)."""

from datetime import date, datetime, time

import pytest
from bs4 import BeautifulSoup
from django.template import Context, Template
from django.utils import translation
from wagtail.models import Locale

from home.i18n import translate_page
from programmes.models import ProgrammeOutcomeFigure
from tests.factories import ProgrammePageFactory, ProgrammeSessionFactory, london

SATURDAY_AFTERNOON = london(date(2027, 1, 2), 14)
DEADLINE = london(date(2023, 9, 20), 23, 59)


def render(source: str, language: str, **context) -> str:
    with translation.override(language):
        return Template("{% load l10n_tags %}" + source).render(Context(context)).strip()


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "14:00, Saturday 2 January 2027"),
        ("zh-hant", "2027年1月2日 星期六 下午2:00"),
        # Arabic in Latin digits, the form CLDR's `ar` writes dates in (home/l10n.py).
        ("ar", "السبت، 2 يناير 2027، 2:00 م"),
        ("ro", "sâmbătă, 2 ianuarie 2027, 14:00"),
        ("pl", "sobota, 2 stycznia 2027 14:00"),
        ("uk", "субота, 2 січня 2027\u202fр., 14:00"),
    ],
)
def test_a_moment_reads_in_each_languages_own_words_and_order(language, expected):
    assert render("{{ moment|local_datetime }}", language, moment=SATURDAY_AFTERNOON) == expected


def test_romanian_weekdays_and_months_are_not_capitalised():
    assert render('{{ day|local_date:"full" }}', "ro", day=date(2027, 1, 2)) == (
        "sâmbătă, 2 ianuarie 2027"
    )


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "12,345"), ("ro", "12.345"), ("pl", "12\xa0345"), ("ar", "12,345")],
)
def test_numbers_take_each_languages_separators(language, expected):
    assert render("{{ value|local_number }}", language, value=12345) == expected


def test_percentages_take_each_languages_spacing():
    assert render("{{ value|local_percent }}", "en", value=45) == "45%"
    assert render("{{ value|local_percent }}", "ro", value=45) == "45\xa0%"


@pytest.fixture
def programme(programme_index):
    page = ProgrammePageFactory(
        parent=programme_index,
        title="Speak Up",
        slug="speak-up",
        start_date=date(2023, 10, 7),
        end_date=date(2024, 3, 2),
        application_deadline=DEADLINE,
    )
    ProgrammeSessionFactory(page=page, date=date(2023, 10, 7), start_time=time(14))
    ProgrammeOutcomeFigure.objects.create(
        page=page, locale=page.locale, label="Network members", delivered=50, target=111
    )
    page.save_revision().publish()
    return page


@pytest.fixture
def translated(home_page, programme_index, programme):
    for language, label in (("zh-hant", "網絡成員"), ("ar", "أعضاء الشبكة"), ("ro", "Membri")):
        translate_page(home_page, language, {})
        translate_page(programme_index, language, {})
        translate_page(programme, language, {"Network members": label})
    return programme


@pytest.mark.parametrize(
    ("language", "deadline", "first_day"),
    [
        ("en", "23:59, Wednesday 20 September 2023", "Saturday 7 October 2023"),
        ("zh-hant", "2023年9月20日 星期三 晚上11:59", "2023年10月7日 星期六"),
        ("ar", "الأربعاء، 20 سبتمبر 2023، 11:59 م", "السبت، 7 أكتوبر 2023"),
        ("ro", "miercuri, 20 septembrie 2023, 23:59", "sâmbătă, 7 octombrie 2023"),
    ],
)
def test_programme_page_gives_the_deadline_and_dates_in_the_readers_language(
    client, translated, language, deadline, first_day
):
    html = client.get(f"/{language}/programmes/speak-up/").text
    assert deadline in html
    assert first_day in html
    # Machines still read ISO.
    assert 'datetime="2023-09-20T23:59:00+01:00"' in html


def chart(html: str):
    return BeautifulSoup(html, "html.parser").select_one("svg.outcomes__chart")


def test_arabic_chart_is_mirrored_inside_its_canvas_with_figures_in_order(client, translated):
    svg = chart(client.get("/ar/programmes/speak-up/").text)
    width = int(svg["viewbox"].split()[2])
    assert svg["direction"] == "rtl"
    label = svg.select_one(".outcomes__label")
    assert label.get_text() == "أعضاء الشبكة"
    # The label starts at the right edge and runs leftwards, inside the canvas.
    assert (int(label["x"]), label["text-anchor"], label["direction"]) == (width, "start", "rtl")
    track, bar = svg.select_one(".outcomes__track"), svg.select_one(".outcomes__bar")
    for rect in (track, bar):
        assert int(rect["x"]) >= 0 and int(rect["x"]) + int(rect["width"]) == width
    target = int(svg.select_one(".outcomes__target")["x1"])
    assert int(track["x"]) <= target <= width
    assert int(bar["x"]) > target  # 50 of 111: the bar stops short of the target line
    value = svg.select_one(".outcomes__value")
    assert value.get_text() == "50 / 111 (45%)"
    assert (value["direction"], value["text-anchor"]) == ("ltr", "end")
    assert 0 < int(value["x"]) < int(track["x"])


def test_english_chart_grows_from_the_left(client, translated):
    svg = chart(client.get("/en/programmes/speak-up/").text)
    label, bar = svg.select_one(".outcomes__label"), svg.select_one(".outcomes__bar")
    assert (label["x"], label["direction"], bar["x"]) == ("0", "ltr", "0")
    value = svg.select_one(".outcomes__value")
    assert value["text-anchor"] == "start" and int(value["x"]) > int(bar["width"])


def test_outcome_table_writes_figures_as_the_language_does(client, translated):
    html = client.get("/ro/programmes/speak-up/").text
    cells = BeautifulSoup(html, "html.parser").select("table.outcomes__table tbody td")
    assert cells[2].get_text(strip=True) == "45\xa0%"


def test_story_dates_in_listings_read_in_the_readers_language(client, home_page):
    from tests.stories.factories import StoryIndexPageFactory, StoryPageFactory

    index = StoryIndexPageFactory(parent=home_page)
    StoryPageFactory(parent=index, title="Finding my voice", date=date(2027, 1, 2))
    translate_page(home_page, "ro", {})
    translate_page(index, "ro", {})
    html = client.get("/ro/stories/").text
    assert "2 ianuarie 2027" in html
    assert 'datetime="2027-01-02"' in html
    assert Locale.objects.filter(language_code="ro").exists()


def test_consent_message_dates_read_in_the_editors_language():
    from stories.models.consent import consent_problem

    with translation.override("ro"):
        message = consent_problem(
            needs_consent=True,
            scope="name",
            given_on=date(2026, 1, 1),
            withdrawn_on=date(2026, 12, 22),
            shows_participant=False,
        )
    assert "22 decembrie 2026" in message


def test_a_plain_datetime_outside_a_template_is_formatted_too():
    from home import l10n

    with translation.override("zh-hant"):
        assert l10n.format_date(datetime(2027, 1, 2, 14), "full") == "2027年1月2日 星期六"
