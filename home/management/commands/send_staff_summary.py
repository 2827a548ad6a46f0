"""`manage.py send_staff_summary`: the daily summary of staff alerts, to each member of
staff who chose it on their account (deploy/systemd/acn-staff-summary.timer, 08:00)."""

from django.core.management.base import BaseCommand

from home.staff_alerts import send_summaries


class Command(BaseCommand):
    help = (
        "Email each member of staff who chose the daily summary everything that waited "
        "for a decision since their last one, then clear it. Safe to run again: a second "
        "run sends nothing new."
    )

    def handle(self, *args, **options):
        sent = send_summaries()
        self.stdout.write(self.style.SUCCESS(f"Sent the staff summary to {sent} people."))
