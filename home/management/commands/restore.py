"""`manage.py restore <path>`: bring back a backup into a migrated database."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from home.backup import restore_backup


class Command(BaseCommand):
    help = "Replace every row and stored file with those of a backup made by `backup`."

    def add_arguments(self, parser):
        parser.add_argument("path", help="The .tar.gz written by `manage.py backup`.")
        parser.add_argument(
            "--yes", action="store_true", help="Do not ask: the current data is replaced."
        )

    def handle(self, *args, path, yes=False, **options):
        if not Path(path).is_file():
            raise CommandError(f"No backup at {path}.")
        if not yes and options.get("interactive", True):
            answer = input("Every row and stored file will be replaced. Type 'yes' to go on: ")
            if answer.strip().lower() != "yes":
                raise CommandError("Nothing restored.")
        manifest = restore_backup(Path(path))
        self.stdout.write(
            f"Restored {sum(manifest['rows'].values())} rows from a backup of "
            f"{manifest['created']}."
        )
