"""Demo content for the shared ground: accounts, the site, the home page and the
organisations, funders and skills the seed programmes name.

Other apps add their own demo content through the `demo_content` hook; every step
looks things up before creating them, so running the command again changes nothing.
"""

from dataclasses import dataclass, field
from datetime import date

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Locale, Page, Site

from home.i18n import translate_page
from home.models import Funder, HomePage, HomePageFunder, Organisation, SiteSettings, Skill

DEMO_PASSWORD = "active-citizens-demo"  # noqa: S105 - printed for the demo on purpose

DEMO_ACCOUNTS = [
    # email, name, role, groups
    ("admin@example.org", "Ada Admin", "administrator", []),
    ("editor@example.org", "Eddie Editor", "editor", ["Editors"]),
    ("moderator@example.org", "Mo Moderator", "moderator", ["Moderators"]),
]

ORGANISATIONS = [
    {
        "name": "Migrants' Rights Network",
        "short_name": "MRN",
        "website": "https://mrn.example.org/",
        "description": "<p>A national charity that campaigns with migrants for their rights.</p>",
    },
    {
        "name": "Hongkongers in Britain",
        "short_name": "HKB",
        "website": "https://hkb.example.org/",
        "description": "<p>A community organisation for people from Hong Kong living in the UK.</p>",
    },
    {
        "name": "Migrants Organise",
        "short_name": "",
        "website": "https://migrants-organise.example.org/",
        "description": "<p>A platform where migrants and refugees organise for power and justice.</p>",
    },
    {
        "name": "Strategic Migration Partnership, East of England",
        "short_name": "SMP",
        "website": "https://smp.example.org/",
        "description": "<p>A regional partnership of councils and agencies working on migration.</p>",
    },
    {
        "name": "Active Citizens Network",
        "short_name": "ACN",
        "website": "https://example.org/",
        "description": "<p>The network of people who took part in these programmes.</p>",
    },
]

FUNDERS = [
    {
        "name": "Greater London Authority",
        "funding_scheme": "",
        "website": "https://gla.example.org/",
    },
    {
        "name": "European Commission",
        "funding_scheme": "Rights, Equality and Citizenship Programme 2014–2020",
        "website": "https://ec.example.org/",
    },
]

SKILLS = [
    ("Self-advocacy", "Speaking up for yourself and the community you represent."),
    ("Campaigning", "Planning a campaign that wins a concrete change."),
    ("Media and storytelling", "Telling your story so that journalists and the public listen."),
    ("Problem solving", "Reading a situation and finding solutions with the people affected."),
    ("Networking", "Building relationships and working with your community."),
    ("Leadership", "Leading others with confidence and helping them lead too."),
    ("Democratic participation", "Using elections, councils and Parliament to be heard."),
    ("Community organising", "Bringing people together to build power and act."),
    ("Public speaking", "Speaking to a room, a meeting or a microphone."),
    ("Negotiation", "Reaching agreements with people who hold power."),
    ("Mentoring", "Supporting someone else to grow."),
]


@dataclass
class DemoRun:
    """What every demo step needs, and what it reports back to the person running it."""

    home_page: HomePage
    today: date
    created: list[str] = field(default_factory=list)
    # Logins other apps add to the printed list: (role, email), same demo password.
    extra_logins: list[tuple[str, str]] = field(default_factory=list)

    def note(self, what: str):
        self.created.append(what)


def ensure_accounts(run: DemoRun):
    User = get_user_model()
    for email, name, role, groups in DEMO_ACCOUNTS:
        first, last = name.split(" ", 1)
        user, created = User.objects.get_or_create(
            email=email,
            defaults={
                "first_name": first,
                "last_name": last,
                "is_staff": True,
                "is_superuser": role == "administrator",
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
            user.groups.set(Group.objects.filter(name__in=groups))
            run.note(f"account {email}")
        EmailAddress.objects.get_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )


def ensure_home_page(today: date) -> tuple[HomePage, bool]:
    """The site's root page and the default site pointing at it."""
    existing = HomePage.objects.filter(depth=2).first()
    if existing:
        return existing, False
    root = Page.get_first_root_node()
    # Wagtail's installer leaves a plain "Welcome" page; the home page replaces it.
    Page.objects.filter(depth=2, content_type__model="page", slug="home").delete()
    root.refresh_from_db()
    home = HomePage(
        title="Leadership for change, led by migrants",
        slug="home",
        locale=Locale.get_default(),
        introduction=(
            "Free programmes that help migrants and refugees in the UK lead in their "
            "communities, and a network that keeps alumni connected afterwards."
        ),
        mission=(
            "<p>Organisations in our network run free leadership and active citizenship "
            "programmes: monthly sessions on campaigning, organising, media and the UK's "
            "democracy, with mentoring in between.</p>"
            "<p>When a programme ends, participants join the alumni network to find each "
            "other by skill and area, meet at local events and mentor the next cohort.</p>"
        ),
        seo_title="Active Citizens Network",
        search_description=(
            "Free leadership and active citizenship programmes for migrants and refugees in the UK."
        ),
    )
    root.add_child(instance=home)
    home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site(is_default_site=True)
    site.hostname = "127.0.0.1"
    site.port = 8000
    site.site_name = "Active Citizens Network"
    site.root_page = home
    site.save()
    return home, True


def ensure_site_settings(home: HomePage):
    site = Site.objects.get(root_page=home)
    settings = SiteSettings.for_site(site)
    if settings.contact_email:
        return
    settings.organisation_name = "Active Citizens Network"
    settings.tagline = "Leadership and active citizenship for migrants and refugees"
    settings.contact_email = "hello@example.org"
    # Child rows of a clusterable model are written when the parent is saved.
    settings.social_links.create(
        label="Mastodon", url="https://social.example.org/@activecitizens", sort_order=0
    )
    settings.social_links.create(
        label="Bluesky", url="https://bsky.example.org/activecitizens", sort_order=1
    )
    settings.save()


def ensure_shared_content(run: DemoRun):
    for fields in ORGANISATIONS:
        _, created = Organisation.objects.get_or_create(name=fields["name"], defaults=fields)
        if created:
            run.note(f"organisation {fields['name']}")
    for fields in FUNDERS:
        _, created = Funder.objects.get_or_create(name=fields["name"], defaults=fields)
        if created:
            run.note(f"funder {fields['name']}")
    for name, description in SKILLS:
        Skill.objects.get_or_create(name=name, defaults={"description": description})
    if not run.home_page.funder_placements.exists():
        for order, funder in enumerate(Funder.objects.order_by("name")):
            HomePageFunder.objects.create(page=run.home_page, funder=funder, sort_order=order)
        run.home_page.save_revision().publish()


HOME_PAGE_ZH_HANT = {
    "Leadership for change, led by migrants": "由移民帶領的改變與領導力",
    "Active Citizens Network": "積極公民網絡",
    "Free leadership and active citizenship programmes for migrants and refugees in the UK.": (
        "為英國移民及難民而設的免費領袖及積極公民課程。"
    ),
    "Free programmes that help migrants and refugees in the UK lead in their communities, "
    "and a network that keeps alumni connected afterwards.": (
        "免費課程，協助在英國的移民及難民在社區中擔當領袖；課程完結後，校友網絡讓大家繼續保持聯繫。"
    ),
    "Organisations in our network run free leadership and active citizenship programmes: "
    "monthly sessions on campaigning, organising, media and the UK's democracy, with "
    "mentoring in between.": (
        "我們網絡內的機構舉辦免費的領袖及積極公民課程：每月一次的課堂，內容涵蓋倡議運動、"
        "社區組織、傳媒及英國民主制度，課堂之間更有導師支援。"
    ),
    "When a programme ends, participants join the alumni network to find each other by "
    "skill and area, meet at local events and mentor the next cohort.": (
        "課程完結後，參加者會加入校友網絡，按技能及地區互相聯繫，參與本地活動，"
        "並成為下一屆學員的導師。"
    ),
}


def ensure_home_translations(run: DemoRun):
    if translate_page(run.home_page, "zh-hant", HOME_PAGE_ZH_HANT):
        run.note("home page in Traditional Chinese")
