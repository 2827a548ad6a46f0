"""`manage.py i18n_report` (`make i18n-report`): how much of each demo page is still
in another language without saying so, per page and language."""

from django.core.management.base import BaseCommand
from django.test import Client
from django.test.utils import override_settings

from home.i18n_report import build_report, format_report


class Command(BaseCommand):
    help = (
        "Render the demo's key pages in every language and print the share of visible "
        "words in another language that no lang attribute marks, the vocabulary entries "
        "with no translation and the pages missing in a language."
    )

    def handle(self, *args, **options):
        from wagtail.models import Site

        site = Site.objects.filter(is_default_site=True).first()
        host = f"{site.hostname}:{site.port}" if site else "127.0.0.1"
        with override_settings(PAGE_CACHE_ENABLED=False, ALLOWED_HOSTS=["*"]):
            report = build_report(Client(HTTP_HOST=host))
        self.stdout.write(format_report(report))
