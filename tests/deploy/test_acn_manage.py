"""`acn-manage` runs manage.py with the environment file the systemd units read, and
with nothing else from the shell it was typed in, so a command by hand behaves as the
timers' commands do."""

import getpass
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ACN_MANAGE = ROOT / "deploy" / "acn-manage"
KEY = "k$9'x`" + "p" * 50
PRINT = (
    "import os; from django.conf import settings as s; "
    "print(os.environ['DJANGO_SETTINGS_MODULE']); print(s.SECRET_KEY); "
    "print(s.DEFAULT_FROM_EMAIL); print(s.WAGTAILADMIN_BASE_URL); "
    "print(os.environ.get('LEAKED', 'not leaked'))"
)


def acn_manage(env_file: Path, *arguments: str) -> subprocess.CompletedProcess:
    environment = dict(
        os.environ,
        ACN_APP_DIR=str(ROOT),
        ACN_ENV_FILE=str(env_file),
        ACN_USER=getpass.getuser(),
        LEAKED="from the admin's shell",
        DJANGO_SETTINGS_MODULE="network_site.settings.dev",
    )
    return subprocess.run(  # noqa: S603
        [sys.executable, str(ACN_MANAGE), *arguments],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def test_commands_get_the_environment_file_as_systemd_reads_it(tmp_path):
    env_file = tmp_path / "acn.env"
    env_file.write_text(
        "# production\n"
        f"SECRET_KEY={KEY}\n"
        "; a comment systemd also skips\n"
        "WAGTAILADMIN_BASE_URL = https://network.example.org\n"
        'CSRF_TRUSTED_ORIGINS="https://network.example.org"\n'
        "DEFAULT_FROM_EMAIL=Active Citizens Network <network@example.org>\n"
        f"DATABASE_URL=sqlite:///{tmp_path / 'db.sqlite3'}\n"
        f"VAR_DIR={tmp_path}\n"
    )
    result = acn_manage(env_file, "shell", "--no-imports", "-c", PRINT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "network_site.settings.production",
        KEY,
        "Active Citizens Network <network@example.org>",
        "https://network.example.org",
        "not leaked",
    ]


def test_a_missing_setting_is_refused_as_the_site_would_refuse_it(tmp_path):
    env_file = tmp_path / "acn.env"
    env_file.write_text(f"SECRET_KEY={KEY}\nCSRF_TRUSTED_ORIGINS=https://network.example.org\n")
    result = acn_manage(env_file, "check")
    assert result.returncode != 0
    assert "WAGTAILADMIN_BASE_URL must be set in the environment for production" in result.stderr


def test_a_line_that_is_not_a_setting_is_named(tmp_path):
    env_file = tmp_path / "acn.env"
    env_file.write_text(f"SECRET_KEY={KEY}\nexport REDIS_URL redis://127.0.0.1\n")
    result = acn_manage(env_file, "check")
    assert result.returncode == 1
    assert "line 2: expected NAME=value" in result.stderr
    missing = acn_manage(tmp_path / "absent.env", "check")
    assert f"cannot read {tmp_path / 'absent.env'}" in missing.stderr


def test_the_shipped_example_names_every_required_setting():
    example = (ROOT / "deploy" / "acn.env.example").read_text()
    for name in (
        "DJANGO_SETTINGS_MODULE=network_site.settings.production",
        "SECRET_KEY=",
        "WAGTAILADMIN_BASE_URL=https://",
        "CSRF_TRUSTED_ORIGINS=https://",
        "DATABASE_URL=postgres://",
        "REDIS_URL=redis://",
        "ALLAUTH_TRUSTED_PROXY_COUNT=1",
        "VAR_DIR=/var/lib/acn",
    ):
        assert f"\n{name}" in example, name
