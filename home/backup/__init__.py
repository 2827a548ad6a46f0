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

from home.backup.contents import (
    CHUNK_SIZE,
    COMPRESS_LEVEL,
    DATABASE,
    FILES,
    FIRST_MODELS,
    FORMAT_VERSION,
    MANIFEST,
    REBUILT_MODELS,
    ROWS_PER_QUERY,
    SERIALISATION,
    BackupError,
    archived_models,
    backup_storages,
    row_counts,
    schema_version,
    stored_files,
)
from home.backup.restoring import (
    DAMAGED,
    check_restorable,
    read_manifest,
    restore_backup,
    retire_caches,
    verify_archive,
)
from home.backup.writing import (
    backup_file_name,
    default_backup_path,
    write_backup,
    write_backup_file,
)

__all__ = [
    "FORMAT_VERSION",
    "MANIFEST",
    "DATABASE",
    "FILES",
    "SERIALISATION",
    "CHUNK_SIZE",
    "ROWS_PER_QUERY",
    "COMPRESS_LEVEL",
    "FIRST_MODELS",
    "REBUILT_MODELS",
    "BackupError",
    "backup_storages",
    "stored_files",
    "archived_models",
    "row_counts",
    "schema_version",
    "write_backup",
    "backup_file_name",
    "default_backup_path",
    "write_backup_file",
    "DAMAGED",
    "read_manifest",
    "check_restorable",
    "verify_archive",
    "restore_backup",
    "retire_caches",
]
