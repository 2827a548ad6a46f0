"""`manage.py setup_site`: a new, migrated site's first day, without demo content.

Builds what load_demo builds under its demo content (home/setup.py): the six locales,
the home page (in every language), the programme and story sections, the site
settings with the organisation's name and contact address, the story review workflow,
the privacy notice page to fill in, and a first administrator whose address is
verified. Asks for what it needs unless `--noinput`, which takes the flags (or the
environment, or defaults). Running it again changes nothing, and says so.
"""

import getpass
import os

from django.conf import settings
from django.contrib.auth import get_user_model, password_validation
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from wagtail.models import Locale

from home.http import site_url
from home.models import HomePage, SiteSettings
from home.setup import (
    SITE_TEXTS,
    SetupRun,
    ensure_administrator,
    ensure_home_page,
    ensure_home_translations,
    ensure_privacy_notice,
    ensure_sections,
    ensure_site_identity,
    other_languages,
    site_address,
)

# The same variables as createsuperuser's (a name, not a password).
PASSWORD_ENV = "DJANGO_SUPERUSER_PASSWORD"  # noqa: S105
EMAIL_ENV = "DJANGO_SUPERUSER_EMAIL"


class Command(BaseCommand):
    help = (
        "Set up a new site on an empty, migrated database: locales, home page, sections, "
        "site settings, the story review workflow, the privacy notice page and a first "
        "administrator. No demo content. Safe to run again: it makes only what is missing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="Ask nothing: take the flags below, the environment or the defaults.",
        )
        parser.add_argument(
            "--organisation-name",
            help="The organisation's name, shown on every page "
            f"(default {SITE_TEXTS['organisation_name']!r}).",
        )
        parser.add_argument(
            "--contact-email",
            help="A shared inbox people can write to (never a personal address).",
        )
        parser.add_argument(
            "--site-url",
            help="The site's public address (default WAGTAILADMIN_BASE_URL).",
        )
        parser.add_argument(
            "--admin-email",
            help=f"The first administrator's email address (or {EMAIL_ENV}).",
        )
        parser.add_argument(
            "--admin-password",
            help=f"Their password (better: {PASSWORD_ENV} in the environment, or asked for).",
        )

    def handle(self, *args, interactive=True, **options):
        self.interactive = interactive
        self._refuse_unmigrated()
        home = HomePage.objects.filter(depth=2).first()
        needs_identity = (
            home is None
            or not SiteSettings.objects.filter(site__root_page=home, texts__isnull=False).exists()
        )
        needs_admin = not get_user_model().objects.filter(is_superuser=True).exists()

        site_url = options["site_url"] or settings.WAGTAILADMIN_BASE_URL
        organisation = options["organisation_name"] or ""
        contact = options["contact_email"] or ""
        if needs_identity:
            organisation = self._ask(
                "The organisation's name", organisation, SITE_TEXTS["organisation_name"]
            )
            contact = self._ask("A shared contact email address (optional)", contact, "")
            if contact:
                self._check_email("--contact-email", contact)
            if home is None:
                site_url = self._ask("The site's public address", site_url, site_url)
                try:
                    site_address(site_url)
                except ValueError as error:
                    raise CommandError(f"--site-url: {error}.") from error
        admin_email = admin_password = ""
        if needs_admin:
            admin_email = self._ask(
                "The first administrator's email address",
                options["admin_email"] or os.environ.get(EMAIL_ENV, ""),
                None,
            )
            self._check_email("--admin-email", admin_email)
            admin_password = self._password(
                options["admin_password"] or os.environ.get(PASSWORD_ENV, ""), admin_email
            )

        with transaction.atomic():
            run = self._build(site_url, organisation, contact, admin_email, admin_password)
        self._report(run, admin_email)

    # --- Building ----------------------------------------------------------------------

    def _build(self, site_url, organisation, contact, admin_email, admin_password) -> SetupRun:
        created_locales = [
            code
            for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
            if Locale.objects.get_or_create(language_code=code)[1]
        ]
        today = timezone.localdate()
        home, created = ensure_home_page(today, site_url)
        run = SetupRun(home_page=home, today=today)
        for code in created_locales:
            run.note(f"locale {code}")
        if created:
            run.note("home page")
        ensure_site_identity(run, organisation or SITE_TEXTS["organisation_name"], contact)
        ensure_home_translations(run, other_languages())
        ensure_sections(run)
        ensure_privacy_notice(run)
        if admin_email:
            ensure_administrator(run, admin_email, admin_password)
        return run

    # --- Asking ------------------------------------------------------------------------

    def _ask(self, question: str, given: str, default: str | None) -> str:
        """`given` if a flag gave it; else the answer (or `default`); with --noinput,
        `default`, or a refusal that names the flag when there is none."""
        if given:
            return given.strip()
        if not self.interactive:
            if default is None:
                raise CommandError(
                    f"{question} is needed: give it with --admin-email or {EMAIL_ENV}."
                )
            return default
        suffix = f" [{default}]" if default else ""
        while True:
            answer = input(f"{question}{suffix}: ").strip()
            if answer or default is not None:
                return answer or default
            self.stderr.write("Please answer; this cannot be left empty.")

    def _check_email(self, flag: str, value: str) -> None:
        try:
            validate_email(value)
        except ValidationError as error:
            raise CommandError(f"{flag}: {value!r} is not an email address.") from error

    def _password(self, given: str, email: str) -> str:
        candidate = get_user_model()(email=email)
        if given or not self.interactive:
            if not given:
                raise CommandError(
                    f"The administrator needs a password: set {PASSWORD_ENV} in the "
                    "environment (or give --admin-password)."
                )
            try:
                password_validation.validate_password(given, candidate)
            except ValidationError as error:
                raise CommandError("The password: " + " ".join(error.messages)) from error
            return given
        while True:
            password = getpass.getpass("Their password: ")
            if password != getpass.getpass("The password again: "):
                self.stderr.write("The two passwords differ; once more.")
                continue
            try:
                password_validation.validate_password(password, candidate)
            except ValidationError as error:
                self.stderr.write(" ".join(error.messages))
                continue
            return password

    def _refuse_unmigrated(self) -> None:
        connection = connections[DEFAULT_DB_ALIAS]
        executor = MigrationExecutor(connection)
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):
            raise CommandError(
                "The database is not migrated to this code version: run "
                "`manage.py migrate` first, then setup_site."
            )

    # --- Reporting ---------------------------------------------------------------------

    def _report(self, run: SetupRun, admin_email: str) -> None:
        if not run.created:
            self.stdout.write("The site is already set up; nothing changed.")
        else:
            self.stdout.write(self.style.SUCCESS(f"Site set up: {len(run.created)} items."))
            for item in run.created:
                self.stdout.write(f"  + {item}")
        base = site_url()
        who = admin_email or "an administrator"
        steps = [
            f"Sign in at {base}/admin/ as {who}"
            + (" and set up two-factor authentication" if settings.STAFF_REQUIRE_MFA else "")
            + ".",
            "Settings → Site settings: check the organisation's name, contact address "
            "and social links; Shared content → Site texts: the tagline and footer.",
            "Fill in the privacy notice page and publish it before the site opens.",
            "Edit the home page, then its translations (Pages → the home page → Translate).",
            "Add programmes under Programmes; stories go through the Story review workflow.",
            "Make sure email is sent (EMAIL_HOST …), and that the timers for "
            "publish_scheduled, send_reminders, send_digest, purge_applications and "
            "backup run (README: Deploy on one Debian server).",
        ]
        self.stdout.write("Next steps:")
        for number, step in enumerate(steps, 1):
            self.stdout.write(f"  {number}. {step}")
