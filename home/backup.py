"""Backups of the whole site: every table, the public media and the private member
photos, in one .tar.gz; restored into an empty (migrated) database.

The same format on SQLite and PostgreSQL: the database is written with Django's own
serialiser (primary keys kept), read inside one transaction that sees a single
snapshot (REPEATABLE READ on PostgreSQL; one read transaction on SQLite), so rows that
refer to each other are always written together. Files are read and written through
the configured storages, so object storage works the same way.
"""

import io
import json
import tarfile
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.management import call_command
from django.db import connection, transaction

FORMAT_VERSION = 1
FILE_STORAGES = ("default", "member_photos")


def _storage_files(storage, directory=""):
    try:
        directories, files = storage.listdir(directory)
    except FileNotFoundError:
        return
    for name in files:
        yield f"{directory}/{name}" if directory else name
    for sub in directories:
        yield from _storage_files(storage, f"{directory}/{sub}" if directory else sub)


def row_counts() -> dict[str, int]:
    return {
        model._meta.db_table: model._base_manager.count()
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    }


def _add_bytes(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(datetime.now(UTC).timestamp())
    archive.addfile(info, io.BytesIO(data))


def write_backup(path: Path) -> dict:
    """Write the archive at `path`; returns its manifest (counts per table and files)."""
    with tempfile.TemporaryDirectory() as workdir:
        dump = Path(workdir) / "database.acnjson"
        # One snapshot for every table. (Inside a caller's transaction, such as a test's,
        # the isolation level is the caller's to choose.)
        outermost = not connection.in_atomic_block
        with transaction.atomic():
            if connection.vendor == "postgresql" and outermost:
                with connection.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            counts = row_counts()
            call_command("dumpdata", all=True, format="acnjson", output=str(dump), verbosity=0)
        manifest = {
            "format": FORMAT_VERSION,
            "created": datetime.now(UTC).isoformat(),
            "database_vendor": connection.vendor,
            "rows": counts,
            "files": {},
        }
        with tarfile.open(path, "w:gz") as archive:
            archive.add(dump, arcname="database.acnjson")
            for alias in FILE_STORAGES:
                storage = storages[alias]
                names = sorted(_storage_files(storage))
                manifest["files"][alias] = names
                for name in names:
                    with storage.open(name, "rb") as handle:
                        _add_bytes(archive, f"files/{alias}/{name}", handle.read())
            _add_bytes(archive, "manifest.json", json.dumps(manifest, indent=2).encode())
    return manifest


def _safe_member(member: tarfile.TarInfo) -> bool:
    name = Path(member.name)
    return member.isfile() and not name.is_absolute() and ".." not in name.parts


def restore_backup(path: Path) -> dict:
    """Replace the database's rows and the stored files with the archive's."""
    with tempfile.TemporaryDirectory() as workdir, tarfile.open(path, "r:gz") as archive:
        members = {member.name: member for member in archive.getmembers() if _safe_member(member)}
        manifest = json.load(archive.extractfile(members["manifest.json"]))
        if manifest.get("format") != FORMAT_VERSION:
            raise ValueError(f"Unknown backup format {manifest.get('format')!r}.")
        dump = Path(workdir) / "database.acnjson"
        dump.write_bytes(archive.extractfile(members["database.acnjson"]).read())
        with transaction.atomic():
            # Empty every table without re-creating content types or permissions: the
            # archive holds them, with the primary keys other rows point to.
            call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
            call_command("loaddata", str(dump), verbosity=0)
        for alias, names in manifest["files"].items():
            storage = storages[alias]
            for name in names:
                data = archive.extractfile(members[f"files/{alias}/{name}"]).read()
                if storage.exists(name):
                    storage.delete(name)
                storage.save(name, ContentFile(data))
    return manifest
