"""Building the demo programmes: the one open now, the pages from their specs, documents,
and their translations; safe to repeat."""

from datetime import date, timedelta
from pathlib import Path

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from home.demo_translations import translate_all
from home.i18n import sync_translations
from home.models import Funder, Organisation
from programmes.demo.programmes.figures import (
    SKILL_GROWTH_FIGURES,
    _computed_figures,
    _ensure_attendance_figures,
    _ensure_computed_figures,
    _ensure_skill_growth_figure,
    _in_order,
    _outcome_figures,
    give_units_their_forms,
    number_unordered_children,
)
from programmes.demo.programmes.seeds import (
    OPEN_PROGRAMME_SLUG,
    academy,
    active_citizens_together,
    hkmap,
    local,
    session,
)
from programmes.models import (
    ProgrammeFunder,
    ProgrammeIndexPage,
    ProgrammeOutcomeFigure,
    ProgrammePage,
    ProgrammePartner,
)
from programmes.setup import ensure_programme_index
from programmes.status import ApplicationStatus


def open_programme(today: date) -> dict:
    """A programme whose applications are open on the day the demo is loaded."""
    deadline_day = today + timedelta(days=21)
    first_saturday = deadline_day + timedelta(days=(5 - deadline_day.weekday()) % 7 + 7)
    days = [first_saturday + timedelta(weeks=4 * month) for month in range(6)]
    titles = [
        ("Welcome, and how change happens locally", "Your story and why it matters"),
        ("Power in your area: councils and services", "Listening to your community"),
        ("Planning a campaign", "Working with local media"),
        ("Meeting your councillor and MP", "Speaking in public meetings"),
        ("Building a team", "Funding your community project"),
        ("Presenting your action", "Celebration and joining the alumni network"),
    ]
    sessions = []
    for index, (day, (first, second)) in enumerate(zip(days, titles, strict=True)):
        place = "both" if index in {0, 5} else "online"
        sessions.append(session(day, (10, 30), (12, 0), first, place=place))
        sessions.append(
            session(
                day,
                (12, 45),
                (14, 15),
                second,
                place=place,
                kind="social" if index == 5 else "training",
            )
        )
    return {
        "slug": OPEN_PROGRAMME_SLUG,
        "title": "Speak Up, Lead Locally",
        "summary": (
            "Six monthly Saturdays, mostly online, for migrants and refugees in the North West "
            "who want to change something where they live."
        ),
        "body": [
            (
                "paragraph",
                "<p>Bring one thing you want to change in your area. Over six months you "
                "will learn how local decisions are made, plan a small campaign with people "
                "who share your goal, and present it to local decision makers.</p>",
            ),
        ],
        "organiser": "Active Citizens Network",
        "partners": [],
        "funders": [],
        "start_date": days[0],
        "end_date": days[-1],
        "languages": "English, with interpreting on request",
        "delivery_mode": "hybrid",
        "venue": "Manchester city centre (first and last day), online otherwise",
        "region": "england-north-west",
        "audience": "<p>Migrants and refugees living in the North West of England, whatever "
        "their immigration status. You do not need any experience.</p>",
        "priority_note": "People who have not taken part in a leadership programme before are offered places first.",
        "topics": ["Local democracy", "Campaigning and media training", "Community organising"],
        "skills": ["Campaigning", "Public speaking", "Democratic participation", "Leadership"],
        "learning_outcomes": [
            "how decisions are made by your council and who to talk to",
            "how to plan and run a small local campaign",
            "how to speak at a public meeting with confidence",
        ],
        "schedule_introduction": "One Saturday a month, two sessions with a lunch break.",
        "sessions": sessions,
        "applications_open_at": local(today - timedelta(days=14), 9, 0),
        "application_deadline": local(deadline_day, 23, 59),
        "how_to_apply": "<p>Apply online in about ten minutes. We reply to everyone within "
        "two weeks of the deadline.</p>",
        "apply_email": "speakup@example.org",
        "apply_url": "https://example.org/speak-up/apply/",
        "computed_figures": _computed_figures(today),
    }


def _ensure_document(title: str, filename: str):
    Document = get_document_model()
    document = Document.objects.filter(title=title).first()
    if document is None:
        text = (
            r"{\rtf1\ansi{\fonttbl\f0\fswiss Helvetica;}\f0\pard "
            r"Community Leadership Academy: application form\par\par "
            r"Your name (or the name you use):\par\par "
            r"Your community organisation:\par\par "
            r"Why do you want to join the academy?\par}"
        )
        document = Document(title=title)
        document.file.save(filename, ContentFile(text.encode("ascii")), save=False)
        document.save()
    return document


def _build(index: ProgrammeIndexPage, spec: dict) -> ProgrammePage:
    organisations = {o.name: o for o in Organisation.objects.all()}
    funders = {f.name: f for f in Funder.objects.all()}
    page = ProgrammePage(
        title=spec["title"],
        slug=spec["slug"],
        locale=index.locale,
        summary=spec["summary"],
        body=[(kind, value) for kind, value in spec["body"]],
        organiser=organisations[spec["organiser"]],
        start_date=spec["start_date"],
        end_date=spec["end_date"],
        languages=spec["languages"],
        delivery_mode=spec["delivery_mode"],
        venue=spec["venue"],
        region=spec["region"],
        audience=spec["audience"],
        priority_note=spec["priority_note"],
        learning_outcomes=[("outcome", text) for text in spec.get("learning_outcomes", [])],
        focus_areas=[
            ("focus_area", {"title": title, "description": text})
            for title, text in spec.get("focus_areas", [])
        ],
        schedule_introduction=spec["schedule_introduction"],
        applications_open_at=spec.get("applications_open_at"),
        application_deadline=spec.get("application_deadline"),
        how_to_apply=spec["how_to_apply"],
        apply_email=spec.get("apply_email", ""),
        apply_url=spec.get("apply_url", ""),
    )
    if "application_form" in spec:
        page.application_form = _ensure_document(*spec["application_form"])
    page.sessions = spec["sessions"]
    page.schedule_notes = spec.get("notes", [])
    page.partner_placements = [
        ProgrammePartner(organisation=organisations[name], sort_order=position)
        for position, name in enumerate(spec["partners"])
    ]
    page.funder_placements = [
        ProgrammeFunder(funder=funders[name], sort_order=position)
        for position, name in enumerate(spec["funders"])
    ]
    page.outcome_figures = _in_order(_outcome_figures(spec) + spec.get("computed_figures", []))
    index.add_child(instance=page)
    page.topics.add(*spec["topics"])
    page.skills.add(*spec["skills"])
    page.save_revision().publish()
    return page


def _refresh_open_programme(page: ProgrammePage, today: date):
    """Keep the demo's open programme open when the demo is loaded again on a later day."""
    if page.application_status in {ApplicationStatus.OPEN, ApplicationStatus.CLOSING_SOON}:
        return False
    spec = open_programme(today)
    for name in ("start_date", "end_date", "applications_open_at", "application_deadline"):
        setattr(page, name, spec[name])
    page.sessions = spec["sessions"]
    page.save_revision().publish()
    return True


def load_programmes(run):
    """The `demo_content` step for programmes."""
    index = ensure_programme_index(run)
    existing = {page.slug: page for page in ProgrammePage.objects.child_of(index).specific()}
    for spec in (open_programme(run.today), hkmap(), academy(), active_citizens_together()):
        page = existing.get(spec["slug"])
        if page is None:
            _build(index, spec)
            run.note(f"programme {spec['title']}")
        elif spec["slug"] == OPEN_PROGRAMME_SLUG and _refresh_open_programme(page, run.today):
            sync_translations(page)
            run.note(f"new dates for {spec['title']}")
        elif spec.get("outcome_figures") and not page.outcome_figures.exists():
            # Sites loaded before outcome figures existed gain them once.
            page.outcome_figures = _outcome_figures(spec)
            page.save_revision().publish()
            run.note(f"outcome figures for {spec['title']}")
    open_page = ProgrammePage.objects.child_of(index).filter(slug=OPEN_PROGRAMME_SLUG).first()
    if open_page and _ensure_computed_figures(open_page.specific, run.today):
        run.note("computed outcome figures for the open programme")
    # The open programme has not met yet; HKMAP, finished, shows what its registers
    # delivered (the applications demo takes them), counted live, with no target.
    hkmap_page = ProgrammePage.objects.child_of(index).filter(slug="hkmap-2023").first()
    if hkmap_page and _ensure_attendance_figures(hkmap_page.specific):
        run.note("computed attendance figures for HKMAP")
    for slug, label, skill_name, target in SKILL_GROWTH_FIGURES:
        page = ProgrammePage.objects.child_of(index).filter(slug=slug).first()
        if page and _ensure_skill_growth_figure(page.specific, label, skill_name, target):
            run.note(f"skill growth figure for {page.title}")
    if number_unordered_children([ProgrammeOutcomeFigure, ProgrammePartner, ProgrammeFunder]):
        run.note("figures, partners and funders put in their order")
    for page in ProgrammePage.objects.child_of(index).specific():
        if give_units_their_forms(page):
            run.note(f"units with singular and plural for {page.title}")


DEMO_DIR = Path(__file__).resolve().parents[2]  # the app folder, which holds demo_translations/


def load_programme_translations(run):
    """The programme index, the open programme and HKMAP in the five other languages,
    through wagtail-localize (programmes/demo_translations/<language>.po)."""
    index = ProgrammeIndexPage.objects.child_of(run.home_page).first()
    if index is None:
        return
    translate_all(DEMO_DIR, index, "page:programmes", run, "programme index")
    for slug in (OPEN_PROGRAMME_SLUG, "hkmap-2023"):
        page = ProgrammePage.objects.child_of(index).filter(slug=slug).first()
        if page is not None:
            translate_all(DEMO_DIR, page, f"page:programmes/{slug}", run, page.title)
