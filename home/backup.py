"""Backups of the whole site in one .tar.gz: every table, and every stored file (the
public media and the private member photos). An archive restores into a new, migrated
database of the same code version, on SQLite or PostgreSQL, from either.

The archive, in the order it is written and read:
- `manifest.json`: the format, the schema version (every applied migration, per app),
  the row count of every table and the storages whose files follow;
- `database.acnjsonl`: every row, with Django's serialiser (JSON Lines, primary keys
  kept, exact times), read inside one transaction that sees a single snapshot
  (REPEATABLE READ on PostgreSQL; one read transaction on SQLite);
- `files/<storage>/<name>`: every file of every storage, through the Storage API in
  pieces of `CHUNK_SIZE`, so object storage works the same and no file is ever whole
  in memory.

Restore replaces; it does not merge. A migrated database already holds rows that
migrations made: content types and permissions (numbered in the order apps happened to
be migrated, which differs from site to site), Wagtail's root page, locale, collection,
site, groups and workflows. The archive holds the same rows with the source's primary
keys, which other rows point to (foreign keys to content types, and the content type
numbers inside page revisions). So `restore` empties every table and loads every row of
the archive in one transaction, content types first: Wagtail asks for a page's content
type while it reads the page, and in a process that has none cached that would create a
row whose key the archive's own row then collides with. The search index is rebuilt
rather than copied, since its columns differ between SQLite and PostgreSQL.
"""

import gzip
import io
import json
import os
import shutil
import tarfile
import tempfile
import zlib
from collections import defaultdict
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.files import File
from django.core.files.storage import storages
from django.core.management import call_command
from django.db import connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder
from wagtail.models import Site

from home.frame import bump_content_version

FORMAT_VERSION = 2
MANIFEST = "manifest.json"
DATABASE = "database.acnjsonl"
FILES = "files/"
SERIALISATION = "acnjsonl"  # home/backup_json.py
# Every file goes through the archive in pieces of this size (and the rows in chunks of
# ROWS_PER_QUERY), whatever their size.
CHUNK_SIZE = 1024 * 1024
ROWS_PER_QUERY = 2000
COMPRESS_LEVEL = 6  # gzip's own default: most photos and PDFs are compressed already
# Written first, so that every later row finds the content type it names.
FIRST_MODELS = ("contenttypes.contenttype",)
# Rebuilt by restore instead of copied: the search index's columns depend on the engine.
REBUILT_MODELS = frozenset({"wagtailsearch.indexentry", "wagtailsearch.sqliteftsindexentry"})


class BackupError(Exception):
    """An archive that cannot be restored here; the message says why and what to do."""


def backup_storages() -> list[str]:
    """The storages whose files a backup holds: every configured storage but the static
    files, which `collectstatic` builds from the code. A storage added to STORAGES (say,
    private media in object storage) is backed up without anything else to change."""
    return [alias for alias in settings.STORAGES if alias != "staticfiles"]


def stored_files(storage, directory: str = "") -> Iterator[str]:
    """Every file name in `storage`, through the Storage API (works on object storage)."""
    try:
        directories, files = storage.listdir(directory)
    except FileNotFoundError:
        return
    prefix = f"{directory}/" if directory else ""
    for name in files:
        yield prefix + name
    for sub in directories:
        yield from stored_files(storage, prefix + sub)


def archived_models() -> list:
    """Every model whose rows the archive holds, in the order they are written."""
    first = [apps.get_model(label) for label in FIRST_MODELS]
    others = [
        model
        for model in apps.get_models()
        if model._meta.managed
        and not model._meta.proxy
        and model._meta.label_lower not in REBUILT_MODELS
        and model not in first
    ]
    return first + others


def row_counts() -> dict[str, int]:
    """Rows per table (many-to-many tables included) of every table the archive holds."""
    return {
        model._meta.db_table: model._base_manager.count()
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed
        and not model._meta.proxy
        and model._meta.label_lower not in REBUILT_MODELS
    }


def schema_version() -> dict[str, list[str]]:
    """Every migration applied to this database, per app."""
    applied = defaultdict(list)
    for app_label, name in MigrationRecorder(connection).applied_migrations():
        applied[app_label].append(name)
    return {app_label: sorted(names) for app_label, names in sorted(applied.items())}


class _ChunkReader(io.RawIOBase):
    """A stored file's `chunks()` as a stream that tarfile can read exact sizes from."""

    def __init__(self, chunks):
        self._chunks = iter(chunks)
        self._pending = memoryview(b"")

    def readable(self):
        return True

    def readinto(self, buffer):
        while not self._pending:
            try:
                self._pending = memoryview(next(self._chunks))
            except StopIteration:
                return 0
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size


def _member(name: str, size: int) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.size = size
    info.mode = 0o600
    info.mtime = int(datetime.now(UTC).timestamp())
    return info


def _dump_rows(out: BinaryIO) -> None:
    text = io.TextIOWrapper(out, encoding="utf-8", newline="\n", write_through=False)
    for model in archived_models():
        rows = model._base_manager.order_by(model._meta.pk.name).iterator(ROWS_PER_QUERY)
        serializers.serialize(SERIALISATION, rows, stream=text)
    text.flush()
    text.detach()


def write_backup(out: BinaryIO) -> dict:
    """Write an archive to the binary stream `out` (a file or a pipe); returns its
    manifest, with the number of files added."""
    # Rows go to an unnamed temporary file first (the archive needs their size before
    # them); it is readable by this process alone and gone when closed.
    with tempfile.TemporaryFile() as dump:
        # One snapshot for every table. (Inside a caller's transaction, such as a test's,
        # the isolation level is the caller's to choose.)
        outermost = not connection.in_atomic_block
        with transaction.atomic():
            if connection.vendor == "postgresql" and outermost:
                with connection.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            manifest = {
                "format": FORMAT_VERSION,
                "created": datetime.now(UTC).isoformat(),
                "database_vendor": connection.vendor,
                "schema": {"migrations": schema_version()},
                "rows": row_counts(),
                "storages": backup_storages(),
            }
            _dump_rows(dump)
        size = dump.tell()
        dump.seek(0)
        files = 0
        with (
            gzip.GzipFile(
                filename="", fileobj=out, mode="wb", compresslevel=COMPRESS_LEVEL
            ) as compressed,
            tarfile.open(fileobj=compressed, mode="w|", format=tarfile.PAX_FORMAT) as archive,
        ):
            data = json.dumps(manifest, indent=2).encode()
            archive.addfile(_member(MANIFEST, len(data)), io.BytesIO(data))
            archive.addfile(_member(DATABASE, size), dump)
            for alias in manifest["storages"]:
                storage = storages[alias]
                for name in sorted(stored_files(storage)):
                    with storage.open(name, "rb") as handle:
                        reader = io.BufferedReader(
                            _ChunkReader(handle.chunks(CHUNK_SIZE)), buffer_size=CHUNK_SIZE
                        )
                        member = _member(f"{FILES}{alias}/{name}", storage.size(name))
                        archive.addfile(member, reader)
                        if reader.read(1):
                            raise BackupError(f"{alias}/{name} changed while it was read.")
                    files += 1
    return {**manifest, "files": files}


def backup_file_name() -> str:
    return f"acn-{datetime.now():%Y%m%d-%H%M%S}.tar.gz"


def default_backup_path() -> Path:
    """var/backups/acn-<time>.tar.gz, in a folder only the site's user may open."""
    folder = Path(settings.VAR_DIR) / "backups"
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    folder.chmod(0o700)  # also when an older version made it with the default mode
    return folder / backup_file_name()


def write_backup_file(path: Path) -> dict:
    """Write the archive at `path`, readable by its owner alone from its first byte
    (mode 0600), and under its name only once complete."""
    descriptor, partial = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(descriptor, "wb") as out:
            manifest = write_backup(out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, path)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise
    return manifest


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
