"""What a site needs before its first visitor, built by `manage.py setup_site` on a real
site and by `manage.py load_demo` under the demo content: the home page and the site
it roots, the site's texts and contact address, the home page in every language, the
sections other apps add (the `setup_site` hook: programmes, stories) and a first
administrator.

Every step looks first and creates only what is missing, so running either command
again changes nothing; each reports what it made through `SetupRun.note`.
(The six locales and the "Story review" workflow come from migrations:
home/migrations/0002_locales.py, stories/migrations/0002_story_review_workflow.py.)
"""

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from wagtail import hooks
from wagtail.models import Locale, Page, Site

from home.demo_translations import demo_strings, translate
from home.hooks import SETUP_SITE
from home.models import HomePage, SiteSettings, SiteTexts

HOME_DIR = Path(__file__).resolve().parent

# The home page a new site starts with: words an organisation can keep or edit, with
# their translations in home/demo_translations/ (context "page:home").
HOME_PAGE = {
    "title": "Leadership for change, led by migrants",
    "slug": "home",
    "introduction": (
        "Free programmes that help migrants and refugees in the UK lead in their "
        "communities, and a network that keeps alumni connected afterwards."
    ),
    "mission": (
        "<p>Organisations in our network run free leadership and active citizenship "
        "programmes: monthly sessions on campaigning, organising, media and the UK's "
        "democracy, with mentoring in between.</p>"
        "<p>When a programme ends, participants join the alumni network to find each "
        "other by skill and area, meet at local events and mentor the next cohort.</p>"
    ),
    "seo_title": "Active Citizens Network",
    "search_description": (
        "Free leadership and active citizenship programmes for migrants and refugees in the UK."
    ),
}

SITE_TEXTS = {
    "organisation_name": "Active Citizens Network",
    "tagline": "Leadership and active citizenship for migrants and refugees",
    "footer_text": (
        "A network of migrant and refugee leaders and the organisations that train them. "
        "Every programme is free."
    ),
    "newsletter_text": (
        "About once a month: new stories, programmes open for applications and events near "
        "you. We never share your address."
    ),
}


@dataclass
class SetupRun:
    """What every building step needs, and what it reports back to the person running it."""

    home_page: HomePage
    today: date
    created: list[str] = field(default_factory=list)

    def note(self, what: str):
        self.created.append(what)


def site_address(url: str) -> tuple[str, int]:
    """(host name, port) of a site address such as https://network.example.org."""
    parts = urlsplit(url if "//" in url else f"//{url}")
    if not parts.hostname:
        raise ValueError(f"{url!r} is not a web address such as https://network.example.org")
    default_port = 80 if parts.scheme == "http" else 443
    return parts.hostname, parts.port or default_port


def ensure_home_page(today: date, address: str = "http://127.0.0.1:8000") -> tuple[HomePage, bool]:
    """The site's root page and the default site pointing at it, at `address`."""
    existing = HomePage.objects.filter(depth=2).first()
    if existing:
        return existing, False
    root = Page.get_first_root_node()
    # Wagtail's installer leaves a plain "Welcome" page; the home page replaces it.
    Page.objects.filter(depth=2, content_type__model="page", slug="home").delete()
    root.refresh_from_db()
    home = HomePage(locale=Locale.get_default(), **HOME_PAGE)
    root.add_child(instance=home)
    home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site(is_default_site=True)
    site.hostname, site.port = site_address(address)
    site.site_name = SITE_TEXTS["organisation_name"]
    site.root_page = home
    site.save()
    return home, True


def ensure_site_texts(site_settings: SiteSettings, defaults: dict | None = None) -> SiteTexts:
    """The settings' translatable texts, with any text a site loaded earlier lacks."""
    defaults = {**SITE_TEXTS, **(defaults or {})}
    texts = site_settings.texts
    if texts is None:
        texts = SiteTexts.objects.create(locale=Locale.get_default(), **defaults)
        site_settings.texts = texts
        site_settings.save(update_fields=["texts"])
        return texts
    missing = {name: value for name, value in defaults.items() if not getattr(texts, name)}
    if missing:
        for name, value in missing.items():
            setattr(texts, name, value)
        texts.save(update_fields=list(missing))
    return texts


def ensure_site_identity(run: SetupRun, organisation_name: str, contact_email: str) -> None:
    """The site settings with the organisation's name and contact address, once: a
    second run keeps whatever an administrator has since changed."""
    site = Site.objects.get(root_page=run.home_page)
    site_settings = SiteSettings.for_site(site)
    if site_settings.texts is None:
        ensure_site_texts(site_settings, {"organisation_name": organisation_name})
        if site.site_name != organisation_name:
            site.site_name = organisation_name
            site.save(update_fields=["site_name"])
        run.note(f"site texts for {organisation_name}")
    else:
        ensure_site_texts(site_settings)
    if not site_settings.contact_email and contact_email:
        site_settings.contact_email = contact_email
        site_settings.save(update_fields=["contact_email"])
        run.note(f"contact address {contact_email}")


def other_languages() -> list[str]:
    """Every language of the site but the default one."""
    default = Locale.get_default().language_code
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES if code != default]


def ensure_home_translations(run: SetupRun, languages: list[str]) -> None:
    """The home page and the site texts in `languages`, through wagtail-localize, with the
    project's own translations of the starting texts (home/demo_translations/): every
    language's home page answers from the first day, and editors change the words in
    the translation editor."""
    site = Site.objects.get(root_page=run.home_page)
    texts = SiteSettings.for_site(site).texts
    for instance, context, label in (
        (run.home_page, "page:home", "home page"),
        (texts, "site texts", "site texts"),
    ):
        if instance is None:
            continue
        for language in languages:
            locale = Locale.objects.filter(language_code=language).first()
            if locale is None:
                continue
            if instance.has_translation(locale):
                continue  # an editor's since, perhaps: left as it is
            if translate(instance, language, demo_strings(HOME_DIR, language, context)):
                run.note(f"{label} in {language}")


def ensure_sections(run: SetupRun) -> None:
    """The sections other apps put under the home page (the `setup_site` hook, each
    `fn(run)`: programmes, stories), in the default language."""
    for build in hooks.get_hooks(SETUP_SITE):
        build(run)


def ensure_privacy_notice(run: SetupRun) -> None:
    """The privacy notice page to fill in (created empty and unpublished)."""
    from home.privacy import PrivacyNoticePage, ensure_privacy_notice

    if PrivacyNoticePage.objects.child_of(run.home_page).exists():
        return
    ensure_privacy_notice(run.home_page)
    run.note("privacy notice page (to fill in)")


def ensure_administrator(
    run: SetupRun, email: str, password: str | None, first_name: str = "", last_name: str = ""
):
    """A superuser who may sign in to /admin/ at once: active, staff, and with the
    address verified (allauth would otherwise send a verification email first).
    Returns the user and whether it was created; an existing account is left as it is."""
    User = get_user_model()
    user = User.objects.filter(email__iexact=email).first()
    created = user is None
    if created:
        user = User(
            email=email,
            first_name=first_name,
            last_name=last_name,
            is_staff=True,
            is_superuser=True,
            is_active=True,
        )
        if hasattr(user, "username") and not getattr(user, "username", None):
            user.username = email
        user.set_password(password)
        user.save()
        run.note(f"administrator {email}")
    address, address_created = EmailAddress.objects.get_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    if not address_created and not address.verified and created:
        address.verified = True
        address.save(update_fields=["verified"])
    return user, created
