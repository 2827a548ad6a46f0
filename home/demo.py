"""Demo content for the shared ground: accounts, the site, the home page and the
organisations, funders and skills the seed programmes name.

Other apps add their own demo content through the `demo_content` hook; every step
looks things up before creating them, so running the command again changes nothing.
"""

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Locale, Site
from wagtail.rich_text import RichText

from home.demo_translations import demo_languages, demo_strings, translate, translate_all
from home.models import (
    Funder,
    HomePageFunder,
    Organisation,
    SiteSettings,
    Skill,
    SkillName,
    TopicName,
)
from home.setup import SetupRun, ensure_site_texts

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
class DemoRun(SetupRun):
    """A setup run that also builds the demo content, with the logins it prints."""

    # Logins other apps add to the printed list: (role, email), same demo password.
    extra_logins: list[tuple[str, str]] = field(default_factory=list)


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


def ensure_site_settings(home):
    site = Site.objects.get(root_page=home)
    settings = SiteSettings.for_site(site)
    ensure_site_texts(settings)
    if settings.contact_email:
        return
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


DEMO_DIR = Path(__file__).resolve().parent


def ensure_home_translations(run: DemoRun):
    """The home page and the site texts in the demo's other languages, through
    wagtail-localize (home/demo_translations/<language>.po)."""
    translate_all(DEMO_DIR, run.home_page, "page:home", run, "home page")
    site = Site.objects.get(root_page=run.home_page)
    texts = SiteSettings.for_site(site).texts
    if texts is not None:
        translate_all(DEMO_DIR, texts, "site texts", run, "site texts")


def ensure_vocabulary_translations(run: DemoRun):
    """Every skill and topic name (and skill explanation) in the five other languages.
    Runs after the other apps' demo content, which adds topics of its own."""
    default = Locale.get_default()
    for language in demo_languages():
        changed = 0
        for model, context in ((SkillName, "skill"), (TopicName, "topic")):
            strings = demo_strings(DEMO_DIR, language, context)
            for name in model.objects.filter(locale=default).order_by("pk"):
                if strings.get(name.name) and translate(name, language, strings):
                    changed += 1
        if changed:
            run.note(f"{changed} skill and topic names in {language}")


# The privacy notice an organisation would publish under UK GDPR (articles 13 and 14).
# How long applications are kept is not typed here: the page shows it from the
# APPLICATION_RETENTION_MONTHS setting, below this text.
PRIVACY_NOTICE_SECTIONS = [
    (
        "Who we are and how to reach us",
        "<p>The controller of your personal data is Active Citizens Network, 1 Example "
        'Street, London E1 0AA. Write to <a href="mailto:privacy@example.org">'
        "privacy@example.org</a> with any question about your data; our data protection "
        "lead answers within one month.</p>",
    ),
    (
        "What we collect and why",
        "<ul><li><b>Your account and profile</b> (email address, the name you choose, what "
        "you write about yourself): to run the alumni network. Lawful basis: our contract "
        "with you as a member (Article 6(1)(b)).</li>"
        "<li><b>Applications to a programme</b> (name, contact details, answers): to select "
        "participants. Lawful basis: steps you ask us to take before a contract "
        "(Article 6(1)(b)).</li>"
        "<li><b>Equality monitoring answers</b>, given separately and only if you choose: "
        "to report to funders, only as totals, with small numbers hidden. Lawful basis: "
        "your explicit consent (Articles 6(1)(a) and 9(2)(a)); you can skip any question.</li>"
        "<li><b>Registers, mentoring meetings and event replies</b>: to run sessions and "
        "report what a programme delivered. Lawful basis: our legitimate interest in "
        "showing funders honest figures (Article 6(1)(f)). When you delete your account, "
        "these are kept as numbers without your name.</li>"
        "<li><b>Replies to public events without an account</b> (the name and email "
        "address you give, the language you use): to confirm your reply, tell you about "
        "the event and let you cancel. The organiser sees only your first name. Lawful "
        "basis: steps you ask us to take (Article 6(1)(b)). Deleted a set time after the "
        "event (see below).</li>"
        "<li><b>The newsletter</b>: only if you sign up and confirm. Lawful basis: consent "
        "(Article 6(1)(a)); every email has a link to stop it.</li></ul>",
    ),
    (
        "Who we share it with",
        "<p>Other members see only the parts of your profile you choose to show them. The "
        "team running a programme sees the applications to it. Funders receive totals, "
        "never names. Our hosting and email providers process data for us under contract, "
        "in the UK. We never sell your data or share it for advertising.</p>",
    ),
    (
        "How long we keep it",
        "<p>Your account stays until you delete it, which you can do at any time from your "
        "membership page. Applications are deleted a set time after the programme ends (see "
        "below). Backups are overwritten within 30 days.</p>",
    ),
    (
        "Your rights",
        "<p>You can ask for a copy of your data (or download it yourself from your "
        "membership page), have it corrected, have it deleted, restrict or object to how we "
        "use it, and take it elsewhere. Where we rely on your consent you can withdraw it "
        'at any time. Write to <a href="mailto:privacy@example.org">privacy@example.org'
        "</a>.</p>",
    ),
    (
        "Complaints",
        "<p>If you are unhappy with how we use your data, please tell us first. You also "
        "have the right to complain to the Information Commissioner's Office (ICO), the UK "
        'regulator: <a href="https://ico.org.uk/make-a-complaint/">'
        "ico.org.uk/make-a-complaint</a> or 0303 123 1113.</p>",
    ),
]


def ensure_privacy_notice_demo(run: DemoRun):
    """The demo organisation's privacy notice, published once; left alone afterwards,
    so an editor's changes survive another run."""
    from home.privacy import ensure_privacy_notice

    notice = ensure_privacy_notice(run.home_page, version="2025-01")
    if notice.live:
        return
    notice.last_updated = date(2025, 1, 6)
    body = []
    for heading, text in PRIVACY_NOTICE_SECTIONS:
        body += [("heading", {"text": heading, "level": "h2"}), ("paragraph", RichText(text))]
    notice.body = body
    notice.save_revision().publish()
    run.note("privacy notice")
