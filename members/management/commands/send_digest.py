"""`manage.py send_digest`: the weekly events digest to members who opted in."""

import sys

from django.core.management.base import BaseCommand
from tqdm import tqdm

from members.services.events.digests import digest_recipients, send_digests


class Command(BaseCommand):
    help = (
        "Email this week's digest (new events near each member and online, latest stories) "
        "to members who opted in. Safe to run again: nobody gets the same week twice."
    )

    def handle(self, *args, **options):
        total = digest_recipients().count()
        interactive = sys.stderr.isatty()
        with tqdm(total=total, unit="member", file=self.stderr, disable=not interactive) as bar:
            sent = send_digests(progress=bar)
        self.stdout.write(self.style.SUCCESS(f"Sent the weekly digest to {sent} members."))
