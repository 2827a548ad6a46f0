"""`manage.py backup` in one process and `manage.py restore` in another, into a new and
freshly migrated site, give back every row of every table and every stored file: on
SQLite, on PostgreSQL, and from SQLite to PostgreSQL.

Every command runs as a process of its own with its own DATABASE_URL and VAR_DIR, as
on a server, so nothing cached in one process (content types, above all) can hide a
fault from the next. The site that is backed up is built by tests/security/backup_site.py;
new sites are copies of one migrated template per database engine.
"""

import hashlib
import io
import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import tarfile
import threading
from dataclasses import dataclass, field
from pathlib import Path

import dj_database_url
import psycopg
import pytest
from psycopg import sql

from tests.s3 import s3_endpoint  # noqa: F401 - the fixture: moto's S3 server on loopback

# Every site here has its own database, SQLite or PostgreSQL (the suite's DATABASE_URL
# only says where PostgreSQL is): the PostgreSQL leg of CI would run exactly this again.
pytestmark = pytest.mark.own_databases

ROOT = Path(__file__).resolve().parents[2]
SITE_SCRIPT = ("-m", "tests.security.backup_site")
# The environment of a site's process is its own: nothing of the test run's leaks in.
LEFT_OUT = {
    "DATABASE_URL",
    "DJANGO_SETTINGS_MODULE",
    "MEDIA_ROOT",
    "PRIVATE_MEDIA_ROOT",
    "MEDIA_URL",
    "MEDIA_BUCKET",
    "PRIVATE_MEDIA_BUCKET",
    "S3_ENDPOINT_URL",
    "S3_REGION",
    "REDIS_URL",
    "STATIC_ROOT",
    "VAR_DIR",
}
# Tables that no model describes, all made by `migrate`: Django's record of migrations
# and the shadow tables of SQLite's full-text index (rebuilt by `restore`).
UNMODELLED_TABLES = {"django_migrations"}
FTS_SHADOW_PREFIX = "wagtailsearch_indexentry_fts_"
# What makes a backup hard, each of which the site backed up must hold.
HARD_CASES = [
    "django_content_type",
    "auth_permission",
    "wagtailcore_locale",
    "wagtailcore_revision",
    "wagtailcore_workflowstate",
    "wagtailcore_taskstate",
    "wagtailcore_pagelogentry",
    "wagtailcore_modellogentry",
    "wagtailcore_comment",
    "wagtailcore_referenceindex",
    "wagtail_localize_translation",
    "wagtailimages_image",
    "wagtailimages_rendition",
    "wagtaildocs_document",
    "mfa_authenticator",
    "django_session",
    "members_profileskill",
    "members_eventtopic",
    "programmes_programmetopic",
    "members_mentorship",
    "members_mentoringmeeting",
    "members_eventreply",
    "members_user_groups",
]


@dataclass
class Site:
    """A site as a server runs it: a database and a VAR_DIR for its media and photos."""

    database_url: str
    var_dir: Path
    # More of the environment: the buckets of a site on object storage.
    extra: dict[str, str] = field(default_factory=dict)

    def environment(self) -> dict[str, str]:
        environment = {key: value for key, value in os.environ.items() if key not in LEFT_OUT}
        environment.update(
            DJANGO_SETTINGS_MODULE="network_site.settings.dev",
            DATABASE_URL=self.database_url,
            VAR_DIR=str(self.var_dir),
            **self.extra,
        )
        return environment

    def command(self, *arguments: str) -> list[str]:
        return [sys.executable, *arguments]

    def run(self, *arguments: str, check=True, **options) -> subprocess.CompletedProcess:
        result = subprocess.run(  # noqa: S603 - our own interpreter and manage.py
            self.command(*arguments),
            cwd=ROOT,
            env=self.environment(),
            capture_output=True,
            check=False,
            timeout=900,
            **options,
        )
        if check:
            assert result.returncode == 0, result.stderr.decode()[-4000:]
        return result

    def manage(self, *arguments: str, **options) -> subprocess.CompletedProcess:
        return self.run("manage.py", *arguments, **options)

    def snapshot(self) -> dict:
        return json.loads(self.run(*SITE_SCRIPT, "snapshot").stdout)

    def stored(self, *parts: str) -> Path:
        return self.var_dir.joinpath(*parts)


@dataclass
class BackedUpSite:
    site: Site
    archive: Path
    snapshot: dict


def assert_same_site(restored: dict, source: dict):
    """Every row of every table, the indexed objects and every stored file are the same."""
    assert restored["tables"].keys() == source["tables"].keys()
    differing = [
        table for table, rows in source["tables"].items() if restored["tables"][table] != rows
    ]
    assert differing == []
    assert restored["search_index"] == source["search_index"]
    assert restored["searches"] == source["searches"]
    assert restored["ids_already_taken"] == []  # the restored site can save new rows
    assert restored["files"] == source["files"]
    unexpected = {
        table
        for table in restored["unmodelled_tables"]
        if table not in UNMODELLED_TABLES and not table.startswith(FTS_SHADOW_PREFIX)
    }
    assert unexpected == set()


def assert_holds_the_hard_cases(snapshot: dict):
    tables = snapshot["tables"]
    assert [table for table in HARD_CASES if not tables[table]] == []
    locales = {page["locale_id"] for page in tables["wagtailcore_page"].values()}
    assert len(locales) >= 2
    assert any(profile["photo"] for profile in tables["members_profile"].values())
    assert snapshot["files"]["member_photos"]
    assert any(name.startswith("images/") for name in snapshot["files"]["default"])
    assert snapshot["search_index"]
    assert all(snapshot["searches"].values())


def build_and_back_up(site: Site) -> BackedUpSite:
    site.run(*SITE_SCRIPT, "build")
    archive = site.var_dir.parent / "site.tar.gz"
    written = site.manage("backup", str(archive)).stdout.decode()
    assert f"Backup written to {archive}" in written
    snapshot = site.snapshot()
    assert_holds_the_hard_cases(snapshot)
    return BackedUpSite(site, archive, snapshot)


# --- SQLite ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sqlite_template(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("sqlite-template")
    Site(f"sqlite:///{folder / 'db.sqlite3'}", folder / "var").manage(
        "migrate", "--no-input", "-v", "0"
    )
    return folder / "db.sqlite3"


@pytest.fixture(scope="module")
def new_sqlite_site(sqlite_template, tmp_path_factory):
    """A new site on SQLite, freshly migrated: a copy of the template."""

    def make(name: str) -> Site:
        folder = tmp_path_factory.mktemp(name)
        shutil.copyfile(sqlite_template, folder / "db.sqlite3")
        return Site(f"sqlite:///{folder / 'db.sqlite3'}", folder / "var")

    return make


@pytest.fixture(scope="module")
def sqlite_source(new_sqlite_site) -> BackedUpSite:
    return build_and_back_up(new_sqlite_site("sqlite-source"))


# --- PostgreSQL --------------------------------------------------------------------


class PostgresServer:
    """Databases of this test on a PostgreSQL server, all dropped at the end."""

    def __init__(self, url: str):
        self.settings = dj_database_url.parse(url)
        self.prefix = f"acn_backup_{os.getpid()}"
        self.created: list[str] = []
        self.admin = psycopg.connect(self.url("postgres"), autocommit=True, connect_timeout=3)

    def url(self, name: str) -> str:
        s = self.settings
        password = f":{s['PASSWORD']}" if s.get("PASSWORD") else ""
        return f"postgres://{s['USER']}{password}@{s['HOST']}:{s['PORT'] or 5432}/{name}"

    def create(self, purpose: str, template: str | None = None) -> str:
        name = f"{self.prefix}_{purpose}"
        statement = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
        if template:
            statement += sql.SQL(" TEMPLATE {}").format(sql.Identifier(template))
        self.admin.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        self.admin.execute(statement)
        self.created.append(name)
        return name

    def drop_all(self):
        for name in reversed(self.created):
            self.admin.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )
        self.admin.close()


@pytest.fixture(scope="module")
def postgres():
    """The suite's PostgreSQL server when it runs on one, else 127.0.0.1:5432."""
    configured = os.environ.get("DATABASE_URL", "")
    url = (
        configured if configured.startswith("postgres") else "postgres://postgres@127.0.0.1:5432/x"
    )
    where = "{HOST}:{PORT}".format(**dj_database_url.parse(url))
    try:
        server = PostgresServer(url)
    except psycopg.OperationalError as error:
        pytest.skip(
            f"PostgreSQL does not answer on {where} ({error}); backups on PostgreSQL and "
            "from SQLite to PostgreSQL are not tested here."
        )
    yield server
    server.drop_all()


@pytest.fixture(scope="module")
def new_postgres_site(postgres, tmp_path_factory):
    """A new site on PostgreSQL, freshly migrated: a copy of a template database."""
    template = postgres.create("template")
    folder = tmp_path_factory.mktemp("postgres-template")
    Site(postgres.url(template), folder / "var").manage("migrate", "--no-input", "-v", "0")

    def make(name: str) -> Site:
        database = postgres.create(name.replace("-", "_"), template=template)
        return Site(postgres.url(database), tmp_path_factory.mktemp(name) / "var")

    return make


@pytest.fixture(scope="module")
def postgres_source(new_postgres_site) -> BackedUpSite:
    return build_and_back_up(new_postgres_site("postgres-source"))


# --- Restores into new sites -------------------------------------------------------


def restore(site: Site, archive: Path, *arguments: str) -> str:
    return site.manage("restore", str(archive), "--yes", *arguments).stdout.decode()


def test_a_sqlite_backup_restores_into_a_new_sqlite_site(sqlite_source, new_sqlite_site):
    target = new_sqlite_site("sqlite-target")
    assert "Restored" in restore(target, sqlite_source.archive)
    assert_same_site(target.snapshot(), sqlite_source.snapshot)


def test_a_postgresql_backup_restores_into_a_new_postgresql_site(
    postgres_source, new_postgres_site
):
    target = new_postgres_site("postgres-target")
    assert "Restored" in restore(target, postgres_source.archive)
    assert_same_site(target.snapshot(), postgres_source.snapshot)


def test_a_sqlite_backup_restores_into_a_new_postgresql_site(new_postgres_site, sqlite_source):
    target = new_postgres_site("sqlite-to-postgres")
    assert "Restored" in restore(target, sqlite_source.archive)
    assert_same_site(target.snapshot(), sqlite_source.snapshot)


def test_a_site_on_object_storage_restores_into_new_buckets(
    new_sqlite_site,
    s3_endpoint,  # noqa: F811
):
    """Images, renditions and documents in MEDIA_BUCKET, photos in PRIVATE_MEDIA_BUCKET:
    backed up from the buckets, restored into a new site with new, empty buckets."""
    source_buckets = s3_endpoint.new_buckets()
    source = new_sqlite_site("s3-source")
    source.extra = s3_endpoint.environment(*source_buckets)
    backed_up = build_and_back_up(source)
    target_buckets = s3_endpoint.new_buckets()
    target = new_sqlite_site("s3-target")
    target.extra = s3_endpoint.environment(*target_buckets)

    assert "Restored" in restore(target, backed_up.archive)

    assert_same_site(target.snapshot(), backed_up.snapshot)
    for source_bucket, target_bucket in zip(source_buckets, target_buckets, strict=True):
        assert s3_endpoint.keys(target_bucket) == s3_endpoint.keys(source_bucket)
        assert s3_endpoint.keys(target_bucket)
    # Nothing went to either site's disk: the files are in the buckets only.
    for site in (source, target):
        assert not site.stored("media").exists()
        assert not site.stored("private").exists()


# --- An archive from another schema version, or a damaged one, changes nothing -------


def rewritten(archive: Path, target: Path, change_manifest) -> Path:
    """A copy of `archive` whose manifest `change_manifest` edits in place."""
    with tarfile.open(archive, "r|gz") as source, tarfile.open(target, "w:gz") as copy:
        for member in source:
            data = source.extractfile(member).read()
            if member.name == "manifest.json":
                manifest = json.loads(data)
                change_manifest(manifest)
                data = json.dumps(manifest).encode()
                member.size = len(data)
            copy.addfile(member, io.BytesIO(data))
    return target


def older_members_schema(manifest):
    """As if the archive came from the code before members' latest migration."""
    manifest["schema"]["migrations"]["members"].pop()


def newer_stories_schema(manifest):
    """As if the archive came from code with a migration this code does not have."""
    manifest["schema"]["migrations"]["stories"].append("9999_from_a_later_version")


def site_state(site: Site) -> tuple[str, list[str]]:
    """The SQLite database's bytes and the site's stored files: any change shows."""
    database = Path(site.database_url.removeprefix("sqlite:///"))
    files = sorted(str(path) for path in site.var_dir.rglob("*") if path.is_file())
    return hashlib.sha256(database.read_bytes()).hexdigest(), files


SCHEMA_ADVICE = [
    "another schema version",
    "nothing was restored",
    "code version that made it",
    "run `manage.py migrate` there, take a new backup",
]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (older_members_schema, ["members: this site has 0", "which the archive lacks"]),
        (newer_stories_schema, ["stories: the archive has 9999_from_a_later_version"]),
    ],
    ids=["older", "newer"],
)
def test_restore_refuses_an_archive_of_another_schema_version_and_changes_nothing(
    sqlite_source, new_sqlite_site, tmp_path, change, expected
):
    archive = rewritten(sqlite_source.archive, tmp_path / "other.tar.gz", change)
    target = new_sqlite_site("other-schema")
    before = site_state(target)

    result = target.manage("restore", str(archive), "--yes", check=False)

    assert result.returncode != 0
    message = " ".join(result.stderr.decode().split())
    assert [words for words in expected + SCHEMA_ADVICE if words not in message] == []
    assert site_state(target) == before


def test_restore_refuses_an_archive_of_another_format_and_changes_nothing(
    sqlite_source, new_sqlite_site, tmp_path
):
    archive = rewritten(
        sqlite_source.archive, tmp_path / "v1.tar.gz", lambda manifest: manifest.update(format=1)
    )
    target = new_sqlite_site("other-format")
    before = site_state(target)

    result = target.manage("restore", str(archive), "--yes", check=False)

    assert result.returncode != 0
    assert "This archive has format 1" in result.stderr.decode()
    assert site_state(target) == before


def test_restore_refuses_a_database_that_is_not_migrated_to_this_code(
    sqlite_source, new_sqlite_site
):
    target = new_sqlite_site("unmigrated")
    with sqlite3.connect(target.database_url.removeprefix("sqlite:///")) as database:
        (name,) = database.execute(
            "SELECT name FROM django_migrations WHERE app = 'members' ORDER BY name DESC"
        ).fetchone()
        database.execute("DELETE FROM django_migrations WHERE app = 'members' AND name = ?", [name])
    before = site_state(target)

    result = target.manage("restore", str(sqlite_source.archive), "--yes", check=False)

    assert result.returncode != 0
    assert f"members.{name}" in result.stderr.decode()
    assert "Run `manage.py migrate` first" in result.stderr.decode()
    assert site_state(target) == before


def test_restore_refuses_a_cut_off_archive_before_changing_anything(
    sqlite_source, new_sqlite_site, tmp_path
):
    whole = sqlite_source.archive.read_bytes()
    cut = tmp_path / "cut.tar.gz"
    cut.write_bytes(whole[: len(whole) - 4096])
    target = new_sqlite_site("cut-off")
    before = site_state(target)

    result = target.manage("restore", str(cut), "--yes", check=False)

    assert result.returncode != 0
    assert "damaged or incomplete" in result.stderr.decode()
    assert site_state(target) == before


# --- Private from the first byte; large files in pieces -----------------------------

LARGE_FILE_BYTES = 64 * 1024 * 1024


def run_measured(site: Site, *arguments: str, umask=-1) -> tuple[str, int]:
    """Run a command of the site; returns its output and its peak memory (bytes)."""
    with open(os.devnull, "rb") as nothing:
        process = subprocess.Popen(  # noqa: S603 - our own interpreter and manage.py
            site.command("manage.py", *arguments),
            cwd=ROOT,
            env=site.environment(),
            stdin=nothing,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            umask=umask,
        )
        output = process.stdout.read().decode()
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        process.stdout.close()
    assert process.returncode == 0, output[-4000:]
    return output, usage.ru_maxrss * 1024


class FolderWatcher(threading.Thread):
    """Records the permission bits of a folder and of every file seen in it, as often as
    it can, until stopped."""

    def __init__(self, folder: Path):
        super().__init__(daemon=True)
        self.folder = folder
        self.folder_modes: set[int] = set()
        self.file_modes: dict[str, set[int]] = {}
        self.stopping = threading.Event()

    def run(self):
        while not self.stopping.wait(0.001):
            try:
                self.folder_modes.add(stat.S_IMODE(self.folder.stat().st_mode))
                for entry in os.scandir(self.folder):
                    mode = stat.S_IMODE(entry.stat().st_mode)
                    self.file_modes.setdefault(entry.name, set()).add(mode)
            except FileNotFoundError:
                continue

    def stop(self):
        self.stopping.set()
        self.join()


@dataclass
class LargeBackup:
    archive: Path
    watcher: FolderWatcher
    source_digest: str
    restored_digest: str
    peaks: dict[str, int]


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1024 * 1024):
            digest.update(chunk)
    return digest.hexdigest()


@pytest.fixture(scope="module")
def large_backup(new_sqlite_site, tmp_path_factory):
    """A site with one 64 MiB recording, backed up with a umask that hides nothing
    (000) while its backups folder is watched, then restored elsewhere; the memory of
    each process is measured against the same commands on the site without the file."""
    source, target = new_sqlite_site("large-source"), new_sqlite_site("large-target")
    small = tmp_path_factory.mktemp("small") / "small.tar.gz"
    peaks = {"backup without": run_measured(source, "backup", str(small))[1]}
    peaks["restore without"] = run_measured(target, "restore", str(small), "--yes")[1]

    recording = source.stored("media", "documents", "recording.bin")
    recording.parent.mkdir(parents=True)
    block = hashlib.sha256(b"a long recording").digest() * 32768  # 1 MiB, compresses well
    with recording.open("wb") as handle:
        for _ in range(LARGE_FILE_BYTES // len(block)):
            handle.write(block)
    watcher = FolderWatcher(source.stored("backups"))
    watcher.start()
    output, peaks["backup with"] = run_measured(source, "backup", umask=0)
    watcher.stop()
    archive = Path(output.split("Backup written to ")[1].split(" (")[0])
    peaks["restore with"] = run_measured(target, "restore", str(archive), "--yes")[1]
    restored = target.stored("media", "documents", "recording.bin")
    yield LargeBackup(archive, watcher, sha256_of(recording), sha256_of(restored), peaks)
    for path in (recording, restored, archive):
        path.unlink(missing_ok=True)


def test_an_archive_is_readable_by_its_owner_alone_from_its_first_byte(large_backup):
    watcher = large_backup.watcher
    assert large_backup.archive.parent == watcher.folder
    assert stat.S_IMODE(large_backup.archive.stat().st_mode) == 0o600
    # Watched while it was written, under a umask that would have let anyone read it.
    assert len(watcher.file_modes) >= 2  # the partial file and the finished archive
    assert {mode for modes in watcher.file_modes.values() for mode in modes} == {0o600}
    assert watcher.folder_modes == {0o700}


def test_a_large_file_goes_through_backup_and_restore_in_pieces(large_backup):
    assert large_backup.restored_digest == large_backup.source_digest
    peaks = large_backup.peaks
    # Held whole, the file would raise each peak by at least its size.
    assert peaks["backup with"] - peaks["backup without"] < LARGE_FILE_BYTES / 4, peaks
    assert peaks["restore with"] - peaks["restore without"] < LARGE_FILE_BYTES / 4, peaks


# --- Encrypted on its way off the machine --------------------------------------------


@pytest.mark.skipif(shutil.which("gpg") is None, reason="gpg is not installed")
def test_an_archive_piped_through_gpg_restores_from_the_decrypting_pipe(
    sqlite_source, new_sqlite_site, tmp_path
):
    """The README's route: `backup -` into `gpg --symmetric`, and back through
    `gpg --decrypt` into `restore -`; no unencrypted archive ever touches the disk. The
    new site has a stray file of its own, which the restore removes."""
    home = tmp_path / "gnupg"
    home.mkdir(mode=0o700)
    passphrase = tmp_path / "passphrase"
    passphrase.write_text("correct horse battery staple\n")
    gpg = ["gpg", "--batch", "--quiet", "--homedir", str(home), "--pinentry-mode", "loopback"]
    gpg += ["--passphrase-file", str(passphrase)]
    encrypted = tmp_path / "site.tar.gz.gpg"

    source = sqlite_source.site
    with subprocess.Popen(  # noqa: S603 - our own interpreter and manage.py
        source.command("manage.py", "backup", "-"),
        cwd=ROOT,
        env=source.environment(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as backup:
        subprocess.run(  # noqa: S603 - gpg from PATH
            [*gpg, "--symmetric", "--cipher-algo", "AES256", "--output", str(encrypted)],
            stdin=backup.stdout,
            check=True,
        )
        backup.stdout.close()
        assert backup.wait() == 0, backup.stderr.read().decode()
        assert "Backup written to standard output" in backup.stderr.read().decode()
    sealed = encrypted.read_bytes()
    assert not sealed.startswith(b"\x1f\x8b")  # not a gzip stream
    assert b"example.org" not in sealed

    target = new_sqlite_site("from-gpg")
    stray = target.stored("media", "documents", "stray.txt")
    stray.parent.mkdir(parents=True)
    stray.write_text("left from before")
    decrypted = subprocess.run(  # noqa: S603 - gpg from PATH
        [*gpg, "--decrypt", str(encrypted)], capture_output=True, check=True
    ).stdout
    restored = target.manage("restore", "-", "--yes", input=decrypted).stdout.decode()

    assert "Restored" in restored
    assert not stray.exists()
    assert_same_site(target.snapshot(), sqlite_source.snapshot)


def test_restore_from_standard_input_needs_yes(new_sqlite_site):
    site = new_sqlite_site("no-yes")
    result = site.manage("restore", "-", input=b"", check=False)
    assert result.returncode != 0
    assert "add --yes" in result.stderr.decode()
