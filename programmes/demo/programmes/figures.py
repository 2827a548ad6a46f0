"""The demo programmes' outcome figures: the seeds' typed ones, and those counted from
the site's own data (sessions, attendance, mentoring, skill growth)."""

from datetime import date, timedelta

from home.impact import ImpactSource
from home.models import Skill
from programmes.demo.programmes.seeds import OPEN_PROGRAMME_SLUG
from programmes.models import (
    ProgrammeOutcomeFigure,
    ProgrammePage,
)

# Units typed before they had a singular and a plural, and the forms they gained.
UNIT_FORMS = {
    "workshops": "workshop | workshops",
    "people": "person | people",
    "classes": "class | classes",
    "meetings": "meeting | meetings",
    "sessions": "session | sessions",
    "events": "event | events",
}


def give_units_their_forms(page) -> bool:
    """Sites loaded before units had plural forms gain them once ("1 session")."""
    figures = list(page.outcome_figures.all())
    stale = [figure for figure in figures if figure.unit in UNIT_FORMS]
    if not stale:
        return False
    for figure in stale:
        figure.unit = UNIT_FORMS[figure.unit]
    page.outcome_figures = figures
    page.save_revision().publish()
    return True


def _in_order(children: list) -> list:
    """Number a page's inline children (figures, partners, questions) in list order.
    Made without a number they all had none, and PostgreSQL returns rows of equal order
    in any order: the seeds' figures came out shuffled on the page."""
    for position, child in enumerate(children):
        child.sort_order = position
    return children


def number_unordered_children(models_and_parents) -> int:
    """Sites loaded before the demo numbered its inline children: number every page's
    children in the order they were created, once (later loads find none to number)."""
    numbered = 0
    for model in models_and_parents:
        pages = set(model.objects.filter(sort_order__isnull=True).values_list("page_id", flat=True))
        for page_id in pages:
            rows = model.objects.filter(page_id=page_id).order_by("pk").values_list("pk", flat=True)
            for position, pk in enumerate(rows):
                model.objects.filter(pk=pk).update(sort_order=position)
                numbered += 1
    return numbered


def _outcome_figures(spec: dict) -> list[ProgrammeOutcomeFigure]:
    return [
        ProgrammeOutcomeFigure(label=label, delivered=delivered, target=target, unit=unit)
        for label, delivered, target, unit in spec.get("outcome_figures", [])
    ]


# The open programme's figures are counted from the site's own data, next to the
# seeds' typed ones: label, source, target, unit, days before loading to count from
# (None: from the programme's first day). Sessions, attendance and mentoring show
# numbers once the apps that count them are installed; until then "not counted yet".
OPEN_PROGRAMME_COMPUTED_FIGURES = [
    ("Sessions delivered", ImpactSource.SESSIONS_DELIVERED, 12, "session | sessions", None),
    ("Participants who attended", ImpactSource.PARTICIPANTS_ATTENDED, 20, "person | people", None),
    ("Mentoring meetings", ImpactSource.MENTORING_MEETINGS, 20, "meeting | meetings", 120),
    ("People in mentoring pairs", ImpactSource.MENTORING_PEOPLE, 16, "person | people", 120),
    ("Network members", ImpactSource.NETWORK_MEMBERS, 60, "person | people", None),
    ("Network events held", ImpactSource.EVENTS_HELD, 6, "event | events", 90),
    ("Events of this programme", ImpactSource.PROGRAMME_EVENTS, 4, "event | events", 90),
]


def _computed_figures(today: date, sources=None) -> list[ProgrammeOutcomeFigure]:
    return [
        ProgrammeOutcomeFigure(
            label=label,
            source=source,
            target=target,
            unit=unit,
            period_start=None if days_before is None else today - timedelta(days=days_before),
        )
        for label, source, target, unit, days_before in OPEN_PROGRAMME_COMPUTED_FIGURES
        if sources is None or source in sources
    ]


def _ensure_computed_figures(page: ProgrammePage, today: date) -> bool:
    """Sites loaded before a source existed gain its figure once; later loads change
    nothing."""
    present = set(page.outcome_figures.values_list("source", flat=True))
    missing = {source for _l, source, _t, _u, _d in OPEN_PROGRAMME_COMPUTED_FIGURES} - present
    if not missing:
        return False
    page.outcome_figures = _in_order(
        list(page.outcome_figures.all()) + _computed_figures(today, missing)
    )
    page.save_revision().publish()
    return True


HKMAP_COMPUTED_FIGURES = [
    ("Sessions delivered", ImpactSource.SESSIONS_DELIVERED, "session | sessions"),
    ("Participants who attended", ImpactSource.PARTICIPANTS_ATTENDED, "person | people"),
]


def _ensure_attendance_figures(page: ProgrammePage) -> bool:
    if page.outcome_figures.exclude(source=ImpactSource.TYPED).exists():
        return False
    page.outcome_figures = _in_order(
        list(page.outcome_figures.all())
        + [
            ProgrammeOutcomeFigure(label=label, source=source, unit=unit)
            for label, source, unit in HKMAP_COMPUTED_FIGURES
        ]
    )
    page.save_revision().publish()
    return True


# "Participants reporting growth in <skill>", counted from the self-assessment:
# programme slug, label, skill, target.
SKILL_GROWTH_FIGURES = [
    (OPEN_PROGRAMME_SLUG, "Participants reporting growth in public speaking", "Public speaking", 8),
    ("hkmap-2023", "Participants reporting growth in campaigning", "Campaigning", None),
]


def _ensure_skill_growth_figure(page: ProgrammePage, label: str, skill_name: str, target) -> bool:
    skill = Skill.objects.filter(name=skill_name).first()
    if skill is None or page.outcome_figures.filter(source=ImpactSource.SKILL_GROWTH).exists():
        return False
    page.outcome_figures = _in_order(
        list(page.outcome_figures.all())
        + [
            ProgrammeOutcomeFigure(
                label=label,
                source=ImpactSource.SKILL_GROWTH,
                skill=skill,
                target=target,
                unit="people",
            )
        ]
    )
    page.save_revision().publish()
    return True
