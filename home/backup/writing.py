"""Writing a backup: every row and every stored file into one .tar.gz, in pieces, inside
one snapshot of the database."""

import gzip
import io
import json
import os
import tarfile
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from django.conf import settings
from django.core import serializers
from django.core.files.storage import storages
from django.db import connection, transaction

from home.backup.contents import (
    CHUNK_SIZE,
    COMPRESS_LEVEL,
    DATABASE,
    FILES,
    FORMAT_VERSION,
    MANIFEST,
    ROWS_PER_QUERY,
    SERIALISATION,
    BackupError,
    archived_models,
    backup_storages,
    row_counts,
    schema_version,
    stored_files,
)


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
