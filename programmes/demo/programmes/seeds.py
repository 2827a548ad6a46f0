"""The three programmes of the seed documents (HKMAP, the Academy, Active Citizens
Together), as plain dicts that loading.py builds pages from."""

from datetime import date, datetime, time

from django.utils import timezone

from programmes.models import (
    ProgrammeScheduleNote,
    ProgrammeSession,
)

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
