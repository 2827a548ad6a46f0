"""`manage.py purge_guest_replies`: delete what guests left behind, when it is no longer
needed (EVENT_GUEST_CONFIRM_HOURS, EVENT_GUEST_RETENTION_DAYS)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from members.services.events.guests import purge_guest_replies


class Command(BaseCommand):
    help = (
        "Delete guests' replies never confirmed within EVENT_GUEST_CONFIRM_HOURS, and every "
        "guest reply (name, email) EVENT_GUEST_RETENTION_DAYS after its event ended. Run daily."
    )

    def handle(self, *args, **options):
        expired, held = purge_guest_replies()
        self.stdout.write(
            self.style.SUCCESS(
                f"Deleted {expired} unconfirmed guest replies (older than "
                f"{settings.EVENT_GUEST_CONFIRM_HOURS} hours) and {held} guest replies to "
                f"events that ended over {settings.EVENT_GUEST_RETENTION_DAYS} days ago."
            )
        )
