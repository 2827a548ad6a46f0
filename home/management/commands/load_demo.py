"""`manage.py load_demo`: build the demo site, safely, as often as you like."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from wagtail import hooks

from home.demo import (
    DEMO_ACCOUNTS,
    DEMO_PASSWORD,
    DemoRun,
    ensure_accounts,
    ensure_home_translations,
    ensure_privacy_notice_demo,
    ensure_shared_content,
    ensure_site_settings,
)
from home.hooks import DEMO_CONTENT
from home.setup import ensure_home_page, ensure_privacy_notice, ensure_sections


class Command(BaseCommand):
    help = (
        "Create the demo site: accounts, home page, the seed programmes and one open for "
        "applications. Running it again adds nothing that is already there."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even though DEBUG is off (never on a real site: it creates known logins).",
        )

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError("Refusing to load demo content with DEBUG off; use --force.")
        with transaction.atomic():
            home, created = ensure_home_page(timezone.localdate())
            run = DemoRun(home_page=home, today=timezone.localdate())
            if created:
                run.note("home page")
            ensure_accounts(run)
            ensure_site_settings(home)
            ensure_shared_content(run)
            ensure_privacy_notice_demo(run)
            ensure_home_translations(run)
            # What setup_site builds too: the sections, the privacy notice page.
            ensure_sections(run)
            ensure_privacy_notice(run)
            for build in hooks.get_hooks(DEMO_CONTENT):
                build(run)
        if run.created:
            self.stdout.write(
                self.style.SUCCESS(f"Demo content created: {len(run.created)} items.")
            )
            for item in run.created:
                self.stdout.write(f"  + {item}")
        else:
            self.stdout.write("Demo content already in place; nothing changed.")
        self.stdout.write(f"Demo logins (password for each: {DEMO_PASSWORD}):")
        for email, _name, role, _groups in DEMO_ACCOUNTS:
            self.stdout.write(f"  {role:<14} {email}")
        for role, email in run.extra_logins:
            self.stdout.write(f"  {role:<14} {email}")
