"""Demo programmes: the three from the seed documents and one open right now.

Facts (dates, session slots, topics, deadlines) follow the seeds; the wording is ours
and every contact address is at example.org.
"""

from datetime import date, datetime, time, timedelta
from pathlib import Path

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Locale

from home.demo_translations import translate_all
from home.i18n import sync_translations
from home.impact import ImpactSource
from home.models import Funder, Organisation, Skill
from home.tokens import hash_token, new_token
from programmes.models import (
    ProgrammeFunder,
    ProgrammeIndexPage,
    ProgrammeOutcomeFigure,
    ProgrammePage,
    ProgrammePartner,
    ProgrammeScheduleNote,
    ProgrammeSession,
)
from programmes.setup import ensure_programme_index
from programmes.status import ApplicationStatus

OPEN_PROGRAMME_SLUG = "speak-up-lead-locally"


def local(day: date, hour: int, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def session(day, start, end, title, kind="training", place="in-person", description=""):
    return ProgrammeSession(
        date=day,
        start_time=time(*start),
        end_time=time(*end),
        title=title,
        kind=kind,
        place=place,
        description=description,
    )


def hkmap() -> dict:
    both = "both"
    saturdays = [
        (
            date(2023, 9, 23),
            "Introduction, and immigration in the UK",
            "How can we make a difference?",
        ),
        (date(2023, 10, 21), "Leadership and creating change", "Sharing your own aspiration"),
        (date(2023, 11, 18), "Campaigning", "Media training"),
        (date(2023, 12, 16), "Community organising", "Democracy and lobbying: civil society"),
        (
            date(2024, 1, 20),
            "Democracy and lobbying: government",
            "Democracy and lobbying: Parliament",
        ),
    ]
    sessions = []
    for day, first, second in saturdays:
        sessions.append(session(day, (14, 0), (15, 30), first, place=both))
        sessions.append(session(day, (15, 45), (17, 15), second, place=both))
    sessions.append(
        session(
            date(2024, 2, 10),
            (14, 0),
            (15, 30),
            "Finding your opportunity, and closing",
            place=both,
        )
    )
    return {
        "slug": "hkmap-2023",
        "title": "Hongkongers' Migrants' Aspiration Programme (HKMAP)",
        "summary": (
            "A free six-month course for Hong Kong migrants in the UK who want to lead and "
            "make a difference in their community."
        ),
        "body": [
            (
                "paragraph",
                "<p>HKMAP brings the Migrants' Aspiration Programme to people who have moved "
                "from Hong Kong to the UK. Experts lead modules on campaigning, democratic "
                "participation and lobbying, storytelling and media, so that participants "
                "grow as community and political leaders.</p>",
            ),
        ],
        "organiser": "Migrants' Rights Network",
        "partners": ["Hongkongers in Britain"],
        "funders": ["Greater London Authority"],
        "start_date": date(2023, 9, 23),
        "end_date": date(2024, 2, 10),
        "languages": "English",
        "delivery_mode": "hybrid",
        "venue": "Central London, and online",
        "region": "london",
        "audience": "<p>Any Hong Kong migrant in the UK who wants to lead and make a "
        "difference in their community. No experience is needed.</p>",
        "priority_note": (
            "The Greater London Authority funds this programme, so residents of Greater "
            "London are offered places first."
        ),
        "topics": [
            "Immigration in the UK",
            "Leadership and creating change",
            "Campaigning and media training",
            "Community organising",
            "Democracy and lobbying",
            "UK Government and Parliament",
            "Funding and job opportunities",
        ],
        "skills": [
            "Self-advocacy",
            "Campaigning",
            "Media and storytelling",
            "Problem solving",
            "Networking",
            "Leadership",
            "Democratic participation",
        ],
        "learning_outcomes": [
            "how to know your own strengths and speak up for yourself and your community",
            "how to plan a campaign and tell your story in the media",
            "how to read what is happening around you and find answers to your community's problems",
            "how to grow your network and work alongside your community",
            "how to lead with confidence",
            "how to take part in the UK's democratic process",
        ],
        "schedule_introduction": "One Saturday a month, in English, with two afternoon sessions.",
        "sessions": sessions,
        "application_deadline": local(date(2023, 9, 20), 23, 59),
        "how_to_apply": "<p>Write to the programme team to find out more and to apply. "
        "Tell us a little about yourself and what you would like to change.</p>",
        "apply_email": "hkmap@example.org",
    }


def academy() -> dict:
    evening = ((18, 0), (20, 0))
    sessions = [
        session(
            date(2016, 9, 8), (16, 0), (20, 0), "Session 1: community organising and the academy"
        ),
        session(
            date(2016, 9, 17),
            (10, 0),
            (16, 0),
            "Refugee Welcome Walk",
            kind="action",
            description="We join a walk of 100,000 people across London with one message: "
            "refugees are welcome here.",
        ),
        session(
            date(2016, 9, 21), *evening, "Session 2: our power, and why understanding it matters"
        ),
        session(date(2016, 10, 6), *evening, "Session 3: building power to be more effective"),
        session(
            date(2016, 10, 19),
            *evening,
            "Session 4: speaking out with testimony and a convincing argument",
        ),
        session(
            date(2016, 11, 3), *evening, "Session 5: speaking out by influencing and negotiating"
        ),
        session(
            date(2016, 11, 16), *evening, "Session 6: common ground through community listening"
        ),
        session(
            date(2016, 11, 26),
            (10, 0),
            (16, 0),
            "Session 7: action planning day with all members",
            kind="planning",
        ),
        session(
            date(2016, 12, 1), *evening, "Session 8: common ground through networks and leadership"
        ),
    ]
    notes = [
        ProgrammeScheduleNote(
            starts_on=date(2017, 1, 1),
            ends_on=date(2017, 5, 31),
            title="January to May 2017: dates to be confirmed",
            text="Fewer seminars and more time for your own actions, with tailored one-to-one "
            "support from the organisers. Training dates will be confirmed.",
        )
    ]
    return {
        "slug": "community-leadership-academy-2016-17",
        "title": "Community Leadership Academy 2016–17",
        "summary": (
            "Nine months of training and action for people who lead, build or belong to "
            "migrant and refugee community organisations."
        ),
        "body": [
            (
                "paragraph",
                "<p>The academy trains migrant and refugee leaders and groups who want to "
                "build a movement strong enough to make the UK a welcoming society. Joining "
                "means joining a network: trying new ways of organising, and speaking out on "
                "isolation, discrimination, immigration policy and structural racism.</p>",
            ),
        ],
        "organiser": "Migrants Organise",
        "partners": [],
        "funders": [],
        "start_date": date(2016, 9, 8),
        "end_date": date(2017, 5, 31),
        "languages": "English",
        "delivery_mode": "in-person",
        "venue": "London",
        "region": "london",
        "audience": "<p>People who lead, build or are members of refugee and migrant "
        "community organisations and are committed to social justice. Ideally you are well "
        "connected to local people and groups.</p>",
        "priority_note": "",
        "topics": ["Community organising", "Power", "Speaking out", "Building common ground"],
        "skills": [
            "Community organising",
            "Public speaking",
            "Negotiation",
            "Leadership",
            "Mentoring",
        ],
        "focus_areas": [
            (
                "Building power to create change",
                "Understanding power, and building it through negotiation, influence and action.",
            ),
            (
                "Speaking out on issues",
                "Practical training and learning through action to say what matters to you so that others act.",
            ),
            (
                "Building common ground",
                "Strong, diverse teams and alliances, with practical tools to build them.",
            ),
            (
                "Mentoring",
                "Peer mentoring within the cohort and one-to-one support from the organisers, so you grow leaders around you.",
            ),
        ],
        "schedule_introduction": "Weekday evening seminars from September to December, "
        "two Saturday days, then tailored support from January to May.",
        "sessions": sessions,
        "notes": notes,
        "applications_open_at": local(date(2016, 7, 1), 0, 0),
        "application_deadline": local(date(2016, 9, 1), 23, 59),
        "how_to_apply": "<p>Fill in the short form online, or download the application "
        "form, complete it and email it to us.</p>",
        "apply_email": "academy@example.org",
        "apply_url": "https://example.org/academy/apply/",
        "application_form": (
            "Community Leadership Academy application form",
            "cla-application-form.rtf",
        ),
    }


def active_citizens_together() -> dict:
    return {
        "slug": "active-citizens-together",
        "title": "Active Citizens Together",
        "summary": (
            "A two-year project across the East of England that helped European citizens "
            "who had moved to the UK become active in their communities."
        ),
        "body": [
            (
                "paragraph",
                "<p>Part of the European Commission's Rights, Equality and Citizenship "
                "Programme, the project offered workshops, learning materials, ESOL classes "
                "and mentoring on active citizenship across the region, and grew a "
                "region-wide network of active citizens.</p>"
                "<p>Through its mentoring, qualified professionals volunteered in schools as a "
                "step back into their careers, and five local politicians mentored "
                "participants. Network events closed the project to share good practice and "
                "agree next steps.</p>",
            ),
        ],
        "organiser": "Strategic Migration Partnership, East of England",
        "partners": [],
        "funders": ["European Commission"],
        "start_date": date(2015, 10, 1),
        "end_date": date(2017, 9, 30),
        "languages": "English, with ESOL classes",
        "delivery_mode": "in-person",
        "venue": "Towns and cities across the region",
        "region": "england-east",
        "audience": "<p>European citizens who have moved to the East of England and want to "
        "improve life for their neighbours, whatever their background.</p>",
        "priority_note": "",
        "topics": ["Active citizenship", "ESOL", "Mentoring", "Local democracy"],
        "skills": ["Mentoring", "Democratic participation", "Networking"],
        "schedule_introduction": "Workshops, ESOL classes and mentoring meetings ran throughout the project.",
        "sessions": [],
        "notes": [
            ProgrammeScheduleNote(
                starts_on=date(2015, 10, 1),
                ends_on=date(2017, 6, 30),
                title="October 2015 to June 2017: workshops, ESOL and mentoring",
                text="Sessions were arranged locally with partners across the region.",
            ),
            ProgrammeScheduleNote(
                starts_on=date(2017, 7, 1),
                ends_on=date(2017, 9, 30),
                title="Summer 2017: closing network events",
                text="Events to share good practice and agree next steps for the network.",
            ),
        ],
        "how_to_apply": "",
        "outcome_figures": ACT_OUTCOME_FIGURES,
    }


# The seven figures of the Active Citizens Together seed document, exactly.
ACT_OUTCOME_FIGURES = [
    # label, delivered, target, unit
    ("Workshops", 24, 20, "workshop | workshops"),
    ("Workshop participants", 256, 200, "person | people"),
    ("ESOL classes", 47, 20, "class | classes"),
    ("ESOL class participants", 280, 200, "person | people"),
    ("Mentoring meetings", 23, 20, "meeting | meetings"),
    ("People involved in mentoring", 58, 40, "person | people"),
    ("Network members", 111, 50, "person | people"),
]


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


DEMO_DIR = Path(__file__).resolve().parent.parent  # the app folder, which holds demo_translations/


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


# Skills before and after, and equality monitoring (issue 20) ---------------------------
#
# Speak Up, Lead Locally (open) has more applicants, a first self-assessment round open
# now with answers, and sixteen monitoring answers: enough that some counts show and
# some are suppressed. HKMAP (finished) has both rounds closed, so its funder report
# shows the change per skill. Everything is looked up first: a second load adds nothing.

EXTRA_APPLICANTS = [
    # email, name, status
    ("amal.applicant@example.org", "Amal Example", "accepted"),
    ("bogdan.applicant@example.org", "Bogdan Example", "accepted"),
    ("chiara.applicant@example.org", "Chiara Example", "accepted"),
    ("dawit.applicant@example.org", "Dawit Example", "accepted"),
    ("eun.applicant@example.org", "Eun Example", "received"),
    ("fatima.applicant@example.org", "Fatima Example", "received"),
    ("grace.applicant@example.org", "Grace Example", "shortlisted"),
    ("hana.applicant@example.org", "Hana Example", "received"),
    ("ilya.applicant@example.org", "Ilya Example", "received"),
    ("joy.applicant@example.org", "Joy Example", "received"),
]

# Sixteen answers: (age band, gender, ethnic group, disability, country of birth), each
# with a count. Small counts show as "fewer than 5"; the lone "non-binary" answer also
# hides the count of men, which would otherwise reveal it.
MONITORING_ANSWERS = [
    (("25-34", "woman", "asian-chinese", "no", "asia-east"), 4),
    (("35-44", "woman", "black-african", "no", "africa-west-central"), 3),
    (("25-34", "man", "asian-other", "no", "asia-east"), 2),
    (("35-44", "man", "black-african", "yes", "africa-west-central"), 2),
    (("18-24", "woman", "white-other", "prefer-not", "eu"), 2),
    (("25-34", "man", "other-arab", "yes", "middle-east"), 1),
    (("45-54", "man", "white-roma", "no", "eu"), 1),
    (("prefer-not", "non-binary", "other-arab", "yes", "middle-east"), 1),
]


def _skill_rating(person: int, skill: int, stage: str) -> int:
    """A made-up but plausible rating: most people start low and end higher."""
    start = 1 + (person + skill) % 3
    if stage == "start":
        return start
    return min(5, start + (person * 7 + skill) % 3)


def _ensure_round(programme, stage, opened, closes, skills, members, answering, run):
    from programmes.models import (
        AssessmentInvitation,
        AssessmentPseudonym,
        SkillAnswerSet,
        SkillAssessmentRound,
        SkillRating,
    )

    if SkillAssessmentRound.objects.filter(programme=programme, stage=stage).exists():
        return
    round = SkillAssessmentRound.objects.create(
        programme=programme, stage=stage, opened_at=opened, closes_at=closes
    )
    round.skills.set(skills)
    AssessmentInvitation.objects.bulk_create(
        # The demo sends no email: its links are random and never shown.
        AssessmentInvitation(
            round=round,
            cohort_member=member,
            token_hash=hash_token(new_token()),
            sent_at=opened,
        )
        for member in members
    )
    for person, member in enumerate(members[:answering]):
        pseudonym, _created = AssessmentPseudonym.objects.get_or_create(cohort_member=member)
        answer_set = SkillAnswerSet.objects.create(round=round, pseudonym=pseudonym.value)
        SkillRating.objects.bulk_create(
            SkillRating(
                answer_set=answer_set,
                skill=skill,
                rating=_skill_rating(person, number, stage),
            )
            for number, skill in enumerate(skills)
            if (person + number) % 5  # some questions are skipped: answering is optional
        )
    run.note(f"self-assessment round ({stage}) for {programme.title}")


def _extra_applicants(page, run):
    from programmes.models import Application, CohortMember

    known = set(Application.objects.filter(programme=page).values_list("email", flat=True))
    added = 0
    now = timezone.now()
    for number, (email, name, status) in enumerate(EXTRA_APPLICANTS):
        if email in known:
            continue
        application = Application.objects.create(
            programme=page,
            name=name,
            email=email,
            home_area="england-north-west",
            languages="English",
            language="en",
            status=status,
            status_changed_at=now if status != "received" else None,
            answers=[],
        )
        Application.objects.filter(pk=application.pk).update(
            submitted_at=now - timedelta(days=9 - number % 9)
        )
        if status == "accepted":
            CohortMember.objects.create(
                programme=page, application=application, display_name=name, confirmed_at=now
            )
        added += 1
    if added:
        run.note(f"{added} more applications to {page.title}")


def _monitoring_answers(page, run):
    from programmes.models import MonitoringResponse

    if MonitoringResponse.objects.filter(programme=page).exists():
        return
    fields = ["age_band", "gender", "ethnic_group", "disability", "birth_region"]
    MonitoringResponse.objects.bulk_create(
        MonitoringResponse(programme=page, **dict(zip(fields, answers, strict=True)))
        for answers, times in MONITORING_ANSWERS
        for _copy in range(times)
    )
    run.note(
        f"{sum(times for _a, times in MONITORING_ANSWERS)} monitoring answers for {page.title}"
    )


def load_impact_demo(run):
    """The `demo_content` step after applications: self-assessment and monitoring."""
    from programmes.models import CohortMember

    speak_up = ProgrammePage.objects.filter(
        slug=OPEN_PROGRAMME_SLUG, locale=Locale.get_default()
    ).first()
    if speak_up is not None:
        _extra_applicants(speak_up, run)
        _monitoring_answers(speak_up, run)
        members = list(CohortMember.objects.filter(programme=speak_up).order_by("pk"))
        skills = list(speak_up.skills.all())
        if members and skills:
            first_day = speak_up.start_date
            _ensure_round(
                speak_up,
                "start",
                local(run.today, 9),
                local(first_day, 23, 59),
                skills,
                members,
                len(members) - 1,
                run,
            )
    hkmap_page = ProgrammePage.objects.filter(
        slug="hkmap-2023", locale=Locale.get_default()
    ).first()
    if hkmap_page is not None:
        members = list(CohortMember.objects.filter(programme=hkmap_page).order_by("pk"))
        skills = list(hkmap_page.skills.all())
        if len(members) >= 10 and skills:
            start, end = hkmap_page.start_date, hkmap_page.end_date
            _ensure_round(
                hkmap_page,
                "start",
                local(start - timedelta(days=7), 9),
                local(start + timedelta(days=7), 23, 59),
                skills,
                members,
                len(members) - 1,
                run,
            )
            _ensure_round(
                hkmap_page,
                "end",
                local(end, 17),
                local(end + timedelta(days=14), 23, 59),
                skills,
                members,
                len(members) - 2,
                run,
            )
            # The end round has closed: nobody can tie these answers to a person any more.
            from programmes.models import AssessmentPseudonym

            AssessmentPseudonym.objects.filter(cohort_member__programme=hkmap_page).delete()
