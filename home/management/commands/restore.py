"""`manage.py restore <path | ->`: bring back a backup into a migrated database."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from home.backup import BackupError, restore_backup, verify_archive


class Command(BaseCommand):
    help = (
        "Replace every row and stored file with those of a backup made by `backup`, on a "
        "database migrated by the same code version."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "path",
            help="The .tar.gz written by `manage.py backup`; '-' reads it from standard input.",
        )
        parser.add_argument(
            "--yes", action="store_true", help="Do not ask: the current data is replaced."
        )

    def handle(self, *args, path, yes=False, **options):
        from_input = path == "-"
        if not from_input and not Path(path).is_file():
            raise CommandError(f"No backup at {path}.")
        if not yes:
            if from_input or not options.get("interactive", True):
                raise CommandError("Every row and stored file would be replaced: add --yes.")
            answer = input("Every row and stored file will be replaced. Type 'yes' to go on: ")
            if answer.strip().lower() != "yes":
                raise CommandError("Nothing restored.")
        if from_input and sys.stdin.isatty():
            raise CommandError("Pipe the archive in: age -d … file | restore - --yes")
        try:
            if from_input:
                manifest = restore_backup(sys.stdin.buffer)
            else:
                with open(path, "rb") as archive:
                    verify_archive(archive)
                with open(path, "rb") as archive:
                    manifest = restore_backup(archive)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Restored {sum(manifest['rows'].values())} rows and {manifest['files']} files "
            f"from a backup of {manifest['created']}; the search index was rebuilt."
        )
