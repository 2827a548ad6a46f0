"""`manage.py send_newsletter <page id or slug>`: send a newsletter story to subscribers."""

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from stories.models import StoryKind, StoryPage
from stories.services.newsletter import recipients_left, send_newsletter


class Command(BaseCommand):
    help = (
        "Send a published newsletter to every confirmed subscriber who has not had it yet. "
        "Safe to run again after an interruption: nobody receives it twice."
    )

    def add_arguments(self, parser):
        parser.add_argument("page", help="The newsletter page's id or slug.")
        parser.add_argument("--batch-size", type=int, default=100)

    def handle(self, *args, page, batch_size, **options):
        pages = StoryPage.objects.live().filter(kind=StoryKind.NEWSLETTER)
        newsletter = (
            pages.filter(pk=int(page)).first()
            if page.isdigit()
            else pages.filter(slug=page).first()
        )
        if newsletter is None:
            raise CommandError(f"No published newsletter with id or slug {page!r}.")
        total = recipients_left(newsletter).count()
        with tqdm(total=total, unit="email", file=self.stderr, desc=newsletter.title[:40]) as bar:
            sent = send_newsletter(newsletter, batch_size=batch_size, progress=bar)
        self.stdout.write(self.style.SUCCESS(f"Sent “{newsletter.title}” to {sent} subscribers."))
