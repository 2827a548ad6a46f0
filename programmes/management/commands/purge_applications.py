"""Delete applications kept longer than APPLICATION_RETENTION_MONTHS after their
programme's last day. Run daily from cron:

    30 3 * * *  cd /srv/acn && .venv/bin/python manage.py purge_applications
"""

from django.conf import settings
from django.core.management.base import BaseCommand

from programmes.services.applications import purge_expired


class Command(BaseCommand):
    help = (
        "Delete applications N months after their programme ended (APPLICATION_RETENTION_MONTHS)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--months",
            type=int,
            default=None,
            help="Override APPLICATION_RETENTION_MONTHS for this run.",
        )

    def handle(self, *args, months=None, **options):
        months = settings.APPLICATION_RETENTION_MONTHS if months is None else months
        deleted = purge_expired(months=months)
        self.stdout.write(
            f"Deleted {deleted} application(s) of programmes that ended over {months} months ago."
        )
