"""Units after a number in the form their language needs: never "1 sessions".

A unit holds its forms separated by "|" in the order of the language's plural
categories (CLDR, through Babel): English two, Romanian, Polish and Ukrainian three,
Arabic six, Chinese one.
"""

import pytest
from django.core.exceptions import ValidationError

from home.demo_translations import translate
from home.localized import LocalizedText
from home.plurals import plural_categories, unit_for
from programmes.models import ProgrammeOutcomeFigure
from tests.factories import ProgrammePageFactory

ARABIC_SESSION = "جلسة | جلسة | جلستان | جلسات | جلسةً | جلسة"


@pytest.mark.parametrize(
    ("language", "categories"),
    [
        ("en", ("one", "other")),
        ("ro", ("one", "few", "other")),
        ("pl", ("one", "few", "many")),
        ("uk", ("one", "few", "many")),
        ("ar", ("zero", "one", "two", "few", "many", "other")),
        ("zh-hant", ("other",)),
    ],
)
def test_each_language_has_the_plural_forms_of_its_whole_numbers(language, categories):
    assert plural_categories(language) == categories


@pytest.mark.parametrize(
    ("count", "form"),
    [(0, "sessions"), (1, "session"), (2, "sessions"), (21, "sessions")],
)
def test_english_units_read_one_session_and_many_sessions(count, form):
    assert unit_for(count, "session | sessions", "en") == form


@pytest.mark.parametrize(
    ("count", "form"),
    [
        (1, "osoba"),
        (2, "osoby"),
        (4, "osoby"),
        (5, "osób"),
        (12, "osób"),
        (22, "osoby"),
        (25, "osób"),
    ],
)
def test_polish_units_take_three_forms(count, form):
    assert unit_for(count, "osoba | osoby | osób", "pl") == form


@pytest.mark.parametrize(
    ("count", "form"),
    [
        (0, "جلسة"),
        (1, "جلسة"),
        (2, "جلستان"),
        (3, "جلسات"),
        (10, "جلسات"),
        (11, "جلسةً"),
        (100, "جلسة"),
    ],
)
def test_arabic_units_take_six_forms(count, form):
    assert unit_for(count, ARABIC_SESSION, "ar") == form


def test_ukrainian_twenty_one_takes_the_singular():
    assert unit_for(21, "особа | особи | осіб", "uk") == "особа"
    assert unit_for(11, "особа | особи | осіб", "uk") == "осіб"


def test_chinese_and_single_form_units_are_the_same_after_every_number():
    assert unit_for(1, "節", "zh-hant") == unit_for(12, "節", "zh-hant") == "節"


def test_an_english_unit_shown_on_an_arabic_page_keeps_english_rules():
    english = LocalizedText("person | people", "en")
    assert unit_for(1, english, "ar") == "person"
    assert unit_for(2, english, "ar") == "people"


def test_a_unit_without_its_forms_is_refused_on_the_field(programme_index):
    page = ProgrammePageFactory(parent=programme_index)
    figure = ProgrammeOutcomeFigure(
        page=page, locale=page.locale, label="Workshops", delivered=1, unit="workshops"
    )
    with pytest.raises(ValidationError) as error:
        figure.full_clean()
    assert list(error.value.message_dict) == ["unit"]
    figure.unit = "workshop | workshops"
    figure.full_clean()


def test_programme_page_reads_one_session_and_twelve_people(client, programme_index):
    page = ProgrammePageFactory(parent=programme_index, slug="speak-up")
    page.outcome_figures = [
        ProgrammeOutcomeFigure(
            label="Sessions", delivered=1, target=12, unit="session | sessions", sort_order=0
        ),
        ProgrammeOutcomeFigure(
            label="Participants", delivered=12, target=1, unit="person | people", sort_order=1
        ),
    ]
    page.save_revision().publish()
    html = client.get(page.url).text
    assert "<td>1 session</td>" in html
    assert "<td>12 sessions</td>" in html
    assert "<td>12 people</td>" in html
    assert "<td>1 person</td>" in html
    assert "1 sessions" not in html
    assert "Sessions: 1 session delivered against a target of 12" in html


def test_arabic_translation_of_a_figure_uses_the_arabic_forms(client, home_page, programme_index):
    page = ProgrammePageFactory(parent=programme_index, title="Speak Up", slug="speak-up")
    page.outcome_figures = [
        ProgrammeOutcomeFigure(
            label="Sessions", delivered=2, target=11, unit="session | sessions", sort_order=0
        )
    ]
    page.save_revision().publish()
    for source in (home_page, programme_index):
        translate(source, "ar", {})
    translate(page, "ar", {"Sessions": "الجلسات", "session | sessions": ARABIC_SESSION})
    html = client.get("/ar/programmes/speak-up/").text
    assert "<td>2 جلستان</td>" in html
    assert "<td>11 جلسةً</td>" in html
