"""What a backup holds: the archive's format and names, and the inventory of the site it
is taken from (storages and their files, the models archived, row counts, schema)."""

from collections import defaultdict
from collections.abc import Iterator

from django.apps import apps
from django.conf import settings
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder

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
