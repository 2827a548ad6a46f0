"""`manage.py backup [path | -]`: the database, media and private photos in one archive."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from home.backup import backup_file_name, default_backup_path, write_backup, write_backup_file


class Command(BaseCommand):
    help = (
        "Write a consistent backup of the database, media and member photos (.tar.gz, "
        "readable by its owner alone)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "path",
            nargs="?",
            help=(
                "Where to write the archive: a file, or a folder to write acn-<time>.tar.gz "
                "in (default: var/backups/); '-' writes it to standard output, to pipe "
                "it into encryption."
            ),
        )

    def handle(self, *args, path=None, **options):
        if path == "-":
            if sys.stdout.isatty():
                raise CommandError("Pipe the archive somewhere: backup - | age -r … > file")
            manifest = write_backup(sys.stdout.buffer)
            sys.stdout.buffer.flush()
            where, report = "standard output", self.stderr
        else:
            target = Path(path) if path else default_backup_path()
            if target.is_dir():
                target = target / backup_file_name()
            if not target.parent.is_dir():
                raise CommandError(f"No folder {target.parent} to write the backup in.")
            manifest = write_backup_file(target)
            size = target.stat().st_size
            where, report = f"{target} ({size / 1_000_000:.1f} MB)", self.stdout
        rows = sum(manifest["rows"].values())
        report.write(f"Backup written to {where}: {rows} rows, {manifest['files']} files.")
