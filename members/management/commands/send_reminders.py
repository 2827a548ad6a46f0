"""`manage.py send_reminders`: remind everyone with a place at an event a day before."""

import sys

from django.core.management.base import BaseCommand
from tqdm import tqdm

from members.services.events.digests import replies_to_remind, send_reminders


class Command(BaseCommand):
    help = (
        "Email a reminder to everyone with a place at an event starting within the next "
        "24 hours. Run it hourly; each place is reminded once."
    )

    def handle(self, *args, **options):
        total = replies_to_remind().count()
        interactive = sys.stderr.isatty()
        with tqdm(total=total, unit="email", file=self.stderr, disable=not interactive) as bar:
            sent = send_reminders(progress=bar)
        self.stdout.write(self.style.SUCCESS(f"Sent {sent} event reminders."))
