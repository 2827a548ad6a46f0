"""`manage.py backup [path]`: the database, media and private photos in one archive."""

from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from home.backup import write_backup


class Command(BaseCommand):
    help = "Write a consistent backup of the database, media and member photos (.tar.gz)."

    def add_arguments(self, parser):
        parser.add_argument(
            "path",
            nargs="?",
            help="Where to write the archive (default: var/backups/acn-<time>.tar.gz).",
        )

    def handle(self, *args, path=None, **options):
        if path is None:
            folder = Path(settings.VAR_DIR) / "backups"
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / f"acn-{datetime.now():%Y%m%d-%H%M%S}.tar.gz"
        manifest = write_backup(Path(path))
        rows = sum(manifest["rows"].values())
        files = sum(len(names) for names in manifest["files"].values())
        self.stdout.write(f"Backup written to {path}: {rows} rows, {files} files.")
