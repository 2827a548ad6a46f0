"""Demo stories: one per demo programme, a news item, a newsletter and highlights.

Every participant is invented and every story records consent. The two testimonials
from the Active Citizens Together newsletter are paraphrased and anonymised.
"""

from datetime import date
from pathlib import Path

from wagtail.models import Locale, Page

from home.demo_translations import translate_all
from stories.models import HighlightFigure, StoryPage, StoryProgramme
from stories.setup import ensure_story_index

STORIES = [
    {
        "slug": "finding-my-voice-at-the-town-hall",
        "title": "Finding my voice at the town hall",
        "kind": "story",
        "programme": "speak-up-lead-locally",
        "date": date(2025, 3, 14),
        "introduction": "A participant in Speak Up, Lead Locally on asking her first question at a council meeting.",
        "author_name": "Programme team",
        "topics": ["Local democracy", "Public speaking"],
        "consent": (
            "anonymous",
            date(2025, 2, 28),
            "Signed consent form, February 2025, programme files",
        ),
        "body": [
            (
                "paragraph",
                "<p>When R. moved to Manchester, she did not know that residents could ask questions at council meetings. In the second month of the programme, the group learnt how the council makes decisions and who to write to.</p>",
            ),
            (
                "quote",
                {
                    "quote": "I rehearsed my question with the group three times. When I stood up, my hands were shaking, but the councillor answered me and promised to meet us.",
                    "attribution": "",
                },
            ),
            (
                "paragraph",
                "<p>The meeting has now happened, and the group is planning a small campaign for safer crossings near the school.</p>",
            ),
        ],
    },
    {
        "slug": "from-hong-kong-to-a-london-residents-association",
        "title": "From Hong Kong to a London residents' association",
        "kind": "story",
        "programme": "hkmap-2023",
        "date": date(2024, 3, 8),
        "introduction": "After HKMAP, a participant joined the committee of her residents' association and now welcomes new arrivals.",
        "author_name": "Programme team",
        "topics": ["Community organising", "Leadership and creating change"],
        "consent": ("name", date(2024, 2, 20), "Email consent, February 2024, programme inbox"),
        "body": [
            (
                "paragraph",
                "<p>Wing arrived in London in 2022. The monthly Saturday sessions gave her a map of how local government and Parliament work, and the media training gave her the confidence to tell her own story.</p>",
            ),
            ("heading", {"text": "What changed", "level": "h2"}),
            (
                "paragraph",
                "<p>She now sits on her residents' association committee and runs a monthly coffee morning for families who have recently arrived from Hong Kong.</p>",
            ),
        ],
    },
    {
        "slug": "organising-a-welcome-walk",
        "title": "Organising our part of the welcome walk",
        "kind": "story",
        "programme": "community-leadership-academy-2016-17",
        "date": date(2016, 10, 2),
        "introduction": "Academy members describe how they brought their own community group to the Refugee Welcome Walk.",
        "author_name": "Academy participants",
        "topics": ["Community organising", "Speaking out"],
        "consent": ("anonymous", date(2016, 9, 25), "Group consent recorded at session 2"),
        "body": [
            (
                "paragraph",
                "<p>Two weeks into the academy, the group took part in a walk across London with a simple message: refugees are welcome here. Each member invited people from their own community organisation.</p>",
            ),
            (
                "quote",
                {
                    "quote": "We learnt that power is people who act together. Seeing our members walking beside thousands of others made that real.",
                    "attribution": "An academy member",
                },
            ),
        ],
    },
    {
        "slug": "back-to-the-classroom-through-mentoring",
        "title": "Back to the classroom through mentoring",
        "kind": "story",
        "programme": "active-citizens-together",
        "date": date(2017, 6, 12),
        "introduction": "A qualified teacher found her way back into schools as a volunteer through the project's mentoring.",
        "author_name": "Project team",
        "topics": ["Mentoring", "Active citizenship"],
        "consent": (
            "anonymous",
            date(2017, 5, 30),
            "Signed consent form, May 2017, project archive",
        ),
        "body": [
            (
                "paragraph",
                "<p>Many of the professionals the project met wanted to return to the careers they had before moving. A mentor helped one participant, a teacher, arrange volunteering in a local primary school as a first step.</p>",
            ),
            (
                "paragraph",
                "<p>Five local politicians also took part as mentors, and some participants are now thinking about standing for election themselves.</p>",
            ),
        ],
    },
    {
        "slug": "applications-open-speak-up-lead-locally",
        "title": "Applications are open for Speak Up, Lead Locally",
        "kind": "news",
        "programme": "speak-up-lead-locally",
        "date": date(2025, 1, 10),
        "introduction": "Six Saturdays in the North West for migrants and refugees who want to change something where they live.",
        "author_name": "",
        "topics": ["Local democracy"],
        "consent": None,
        "body": [
            (
                "paragraph",
                "<p>Our new programme is free and mostly online, with the first and last days in Manchester. Interpreting is available on request.</p>",
            ),
        ],
    },
    {
        "slug": "active-citizens-together-a-success",
        "title": "Newsletter: Active Citizens Together, a success",
        "kind": "newsletter",
        "programme": "active-citizens-together",
        "date": date(2017, 9, 1),
        "introduction": "Two years of workshops, ESOL classes and mentoring across the East of England, and what readers told us.",
        "author_name": "Project team",
        "topics": ["Active citizenship", "Mentoring"],
        "consent": None,
        "body": [
            (
                "paragraph",
                "<p>The project ends this month. A small team ran workshops, learning materials, ESOL classes and mentoring on active citizenship, and a region-wide network of active citizens grew out of it.</p>",
            ),
            (
                "figures",
                {
                    "caption": "What the project delivered against its targets",
                    "figures": [
                        {
                            "label": "Workshops",
                            "delivered": 24,
                            "target": 20,
                            "unit": "workshop | workshops",
                        },
                        {
                            "label": "Network members",
                            "delivered": 111,
                            "target": 50,
                            "unit": "person | people",
                        },
                    ],
                },
            ),
            ("heading", {"text": "What readers told us", "level": "h2"}),
            (
                "quote",
                {
                    "quote": "A migrant support organisation thanked us for an interesting read. Since the referendum it has seen hate crime rise sharply, and it valued hearing from a migrant so rooted in British life who has given a great deal to the country.",
                    "attribution": "A migrant support organisation",
                },
            ),
            (
                "quote",
                {
                    "quote": "Another organisation enjoyed the many inspiring stories and was glad to recognise one of its former volunteers. It noticed that most stories come from driven, ambitious migrants working their way back to their professional level, and asked us to also tell the stories of the many people working in hard conditions on farms, in factories and in care homes, which is the reality of migrant life in the UK for most.",
                    "attribution": "A partner organisation",
                },
            ),
        ],
    },
]

HIGHLIGHTS = [
    # label, delivered, target, unit, programme slug
    ("Network members", 111, 50, "person | people", "active-citizens-together"),
    ("Workshop participants", 256, 200, "person | people", "active-citizens-together"),
    ("ESOL classes", 47, 20, "class | classes", "active-citizens-together"),
]


def load_stories(run):
    """The `demo_content` step for stories; looks everything up before creating it."""
    home = run.home_page
    index = ensure_story_index(run)
    programmes = {
        page.slug: page
        for page in Page.objects.descendant_of(home).filter(
            slug__in={spec["programme"] for spec in STORIES}
        )
    }
    existing = set(StoryPage.objects.child_of(index).values_list("slug", flat=True))
    for spec in STORIES:
        if spec["slug"] in existing:
            continue
        _build(index, spec, programmes)
        run.note(f"{spec['kind']} {spec['title']}")
    if not HighlightFigure.objects.exists():
        for order, (label, delivered, target, unit, slug) in enumerate(HIGHLIGHTS):
            HighlightFigure.objects.create(
                label=label,
                delivered=delivered,
                target=target,
                unit=unit,
                page=programmes.get(slug),
                programme=programmes.get(slug),
                sort_order=order,
                locale=Locale.get_default(),
            )
        run.note("highlight figures")
    # Sites loaded before highlights named their programme: the programme they link to.
    unnamed = HighlightFigure.objects.filter(
        programme__isnull=True, source_note="", page__in=list(programmes.values())
    )
    if unnamed.exists():
        for figure in unnamed:
            figure.programme_id = figure.page_id
            figure.save(update_fields=["programme"])
        run.note("highlight figures name their programme")
    default = Locale.get_default()
    for figure in HighlightFigure.objects.filter(locale=default, unit__in=UNIT_FORMS):
        # Sites loaded before units had a singular and a plural gain them once.
        figure.unit = UNIT_FORMS[figure.unit]
        figure.save(update_fields=["unit"])
        run.note(f"units with singular and plural for {figure.label}")
    load_story_translations(run, index)


# The stories the demo shows in every language: the three the home page lists first.
TRANSLATED_STORIES = [
    "finding-my-voice-at-the-town-hall",
    "from-hong-kong-to-a-london-residents-association",
    "applications-open-speak-up-lead-locally",
]
UNIT_FORMS = {"people": "person | people", "classes": "class | classes"}
DEMO_DIR = Path(__file__).resolve().parent.parent  # the app folder, which holds demo_translations/


def load_story_translations(run, index):
    """The story index, three stories and the highlight figures in the five other
    languages, through wagtail-localize (stories/demo_translations/<language>.po)."""
    translate_all(DEMO_DIR, index, "page:stories", run, "story index")
    for slug in TRANSLATED_STORIES:
        story = StoryPage.objects.child_of(index).filter(slug=slug).first()
        if story is not None:
            translate_all(DEMO_DIR, story, f"page:stories/{slug}", run, story.title)
    for figure in HighlightFigure.objects.filter(locale=Locale.get_default()):
        translate_all(DEMO_DIR, figure, "highlight figures", run, f"figure {figure.label}")


def _build(index, spec, programmes):
    story = StoryPage(
        title=spec["title"],
        slug=spec["slug"],
        locale=index.locale,
        kind=spec["kind"],
        date=spec["date"],
        introduction=spec["introduction"],
        author_name=spec["author_name"],
        body=spec["body"],
    )
    if spec["consent"]:
        story.consent_scope, story.consent_given_on, story.consent_note = spec["consent"]
    programme = programmes.get(spec["programme"])
    if programme is not None:
        story.programme_links = [StoryProgramme(programme=programme)]
    index.add_child(instance=story)
    story.topics.add(*spec["topics"])
    story.save_revision().publish()
    return story
