"""Checking and restoring a backup: the manifest and schema are compared with this
code's first, then every table is emptied and refilled in one transaction."""

import gzip
import io
import json
import shutil
import tarfile
import tempfile
import zlib
from collections import defaultdict
from pathlib import Path
from typing import BinaryIO

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files import File
from django.core.files.storage import storages
from django.core.management import call_command
from django.db import connection, transaction
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import Site

from home.backup.contents import (
    CHUNK_SIZE,
    DATABASE,
    FILES,
    FORMAT_VERSION,
    MANIFEST,
    BackupError,
    row_counts,
    schema_version,
    stored_files,
)
from home.backup.writing import _ChunkReader
from home.frame import bump_content_version

# --- Restore ---------------------------------------------------------------------------


def _open_archive(source: BinaryIO):
    compressed = gzip.GzipFile(fileobj=source, mode="rb")
    return compressed, tarfile.open(fileobj=compressed, mode="r|")


DAMAGED = (tarfile.TarError, EOFError, zlib.error, gzip.BadGzipFile, json.JSONDecodeError)


def read_manifest(archive: tarfile.TarFile, member: tarfile.TarInfo | None) -> dict:
    if member is None or member.name != MANIFEST or not member.isfile():
        if member is not None and member.name == "database.acnjson":
            raise BackupError(
                "This archive was written by an older version of `backup` (format 1), "
                "which this version cannot restore. Restore it with the code version that "
                "wrote it, then take a new backup there."
            )
        raise BackupError("This is not an archive written by `manage.py backup`.")
    manifest = json.load(archive.extractfile(member))
    if manifest.get("format") != FORMAT_VERSION:
        raise BackupError(
            f"This archive has format {manifest.get('format')!r}; this version of the site "
            f"reads format {FORMAT_VERSION}. Restore it with the code version that wrote it."
        )
    return manifest


def _schema_differences(archived: dict[str, list[str]], here: dict[str, list[str]]) -> list[str]:
    lines = []
    for app_label in sorted(set(archived) | set(here)):
        only_archived = sorted(set(archived.get(app_label, ())) - set(here.get(app_label, ())))
        only_here = sorted(set(here.get(app_label, ())) - set(archived.get(app_label, ())))
        if only_archived:
            lines.append(
                f"  {app_label}: the archive has {', '.join(only_archived)}, "
                "which this site's code does not have or has not applied"
            )
        if only_here:
            lines.append(
                f"  {app_label}: this site has {', '.join(only_here)}, which the archive lacks"
            )
    return lines


def check_restorable(manifest: dict) -> None:
    """Refuse, before anything changes, an archive that this site cannot take as it is."""
    executor = MigrationExecutor(connection)
    unapplied = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if unapplied:
        names = ", ".join(f"{m.app_label}.{m.name}" for m, _backwards in unapplied[:5])
        more = f" and {len(unapplied) - 5} more" if len(unapplied) > 5 else ""
        raise BackupError(
            f"This database is not migrated to this code version (it lacks {names}{more}). "
            "Run `manage.py migrate` first, then restore. Nothing was restored."
        )
    differences = _schema_differences(manifest["schema"]["migrations"], schema_version())
    if differences:
        raise BackupError(
            "This archive was made with another schema version than this site's, so "
            "nothing was restored:\n"
            + "\n".join(differences)
            + f"\nThe archive was made on {manifest['created']}. Restore it into a site "
            "running the code version that made it; or bring the two to one version "
            "first: upgrade the site the archive came from to this code version, run "
            "`manage.py migrate` there, take a new backup and restore that one."
        )
    missing = [alias for alias in manifest["storages"] if alias not in settings.STORAGES]
    if missing:
        raise BackupError(
            f"The archive holds files of the storage(s) {', '.join(missing)}, which this "
            "site does not configure in STORAGES. Configure them, then restore. Nothing "
            "was restored."
        )


def verify_archive(source: BinaryIO) -> dict:
    """Read the whole archive once, so that a damaged or cut-off one is refused before
    anything changes; returns its manifest, checked against this site."""
    compressed, archive = _open_archive(source)
    try:
        with compressed, archive:
            members = iter(archive)
            manifest = read_manifest(archive, next(members, None))
            check_restorable(manifest)
            for member in members:
                if member.isfile():
                    stream = archive.extractfile(member)
                    while stream.read(CHUNK_SIZE):
                        pass
            while compressed.read(CHUNK_SIZE):  # to the gzip trailer and its checksum
                pass
    except DAMAGED as error:
        raise BackupError(
            f"The archive is damaged or incomplete ({error}). Nothing was restored."
        ) from error
    return manifest


def _replace_rows(dump: Path, manifest: dict) -> None:
    with transaction.atomic():
        # Empty every table without re-creating content types or permissions: the
        # archive holds them, with the primary keys that other rows point to.
        call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
        ContentType.objects.clear_cache()
        call_command("loaddata", str(dump), verbosity=0)
        loaded = row_counts()
        wrong = [
            f"{table}: {count} in the archive, {loaded.get(table)} loaded"
            for table, count in manifest["rows"].items()
            if loaded.get(table) != count
        ]
        if wrong:
            raise BackupError(
                "The rows loaded are not those the archive counted, so nothing was "
                "restored:\n  " + "\n  ".join(wrong)
            )
        call_command("update_index", verbosity=0, stdout=io.StringIO())


def _file_target(member: tarfile.TarInfo, manifest: dict) -> tuple[str, str]:
    alias, _, name = member.name.removeprefix(FILES).partition("/")
    parts = Path(name).parts
    if (
        not member.isfile()
        or not member.name.startswith(FILES)
        or alias not in manifest["storages"]
        or not name
        or Path(name).is_absolute()
        or ".." in parts
    ):
        raise BackupError(f"The archive holds an unexpected entry {member.name!r}.")
    return alias, name


def _replace_file(storage, name: str, stream, size: int) -> None:
    if storage.exists(name):
        storage.delete(name)
    # A file inside a tar stream can only be read forward, in pieces; say so plainly (a
    # tar member's own seekable() fails), so that object storage uploads it in parts.
    forward = io.BufferedReader(
        _ChunkReader(iter(lambda: stream.read(CHUNK_SIZE), b"")), buffer_size=CHUNK_SIZE
    )
    content = File(forward, name=name)
    content.size = size
    saved = storage.save(name, content)
    if saved != name:
        raise BackupError(f"The storage saved {name} as {saved}.")


def restore_backup(source: BinaryIO) -> dict:
    """Replace every row and every stored file with the archive's, read from the binary
    stream `source` in one pass. Call `verify_archive` first where the archive can be
    read twice (a file), so that a damaged one changes nothing."""
    restored = defaultdict(set)
    compressed, archive = _open_archive(source)
    with compressed, archive, tempfile.TemporaryDirectory() as workdir:
        try:
            members = iter(archive)
            manifest = read_manifest(archive, next(members, None))
            check_restorable(manifest)
            member = next(members, None)
            if member is None or member.name != DATABASE:
                raise BackupError("The archive holds no database. Nothing was restored.")
            dump = Path(workdir) / DATABASE
            with dump.open("wb") as out:
                shutil.copyfileobj(archive.extractfile(member), out, CHUNK_SIZE)
        except DAMAGED as error:
            raise BackupError(
                f"The archive is damaged or incomplete ({error}). Nothing was restored."
            ) from error
        _replace_rows(dump, manifest)
        try:
            for member in members:
                alias, name = _file_target(member, manifest)
                _replace_file(storages[alias], name, archive.extractfile(member), member.size)
                restored[alias].add(name)
        except DAMAGED as error:
            raise BackupError(
                f"The archive broke off in its files ({error}): the database was restored "
                f"and {sum(map(len, restored.values()))} files. Restore again from a "
                "complete archive."
            ) from error
        finally:
            retire_caches()
    # Files the archive does not hold belong to rows that are gone.
    for alias in manifest["storages"]:
        storage = storages[alias]
        for name in list(stored_files(storage)):
            if name not in restored[alias]:
                storage.delete(name)
    return {**manifest, "files": sum(len(names) for names in restored.values())}


def retire_caches() -> None:
    """Whatever this process or the shared cache holds describes the replaced site."""
    ContentType.objects.clear_cache()
    Site.clear_site_root_paths_cache()
    bump_content_version()
