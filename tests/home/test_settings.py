"""Configuration comes from the environment, and production refuses unsafe defaults."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def settings_value(module: str, expression: str, **env) -> subprocess.CompletedProcess:
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "SECRET_KEY", "DJANGO_SETTINGS_MODULE"}
    }
    environment.update(env)
    code = (
        "import importlib; "
        f"s = importlib.import_module('network_site.settings.{module}'); "
        f"print(({expression}))"
    )
    return subprocess.run(  # noqa: S603
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = settings_value("production", "s.DEBUG")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_starts_with_a_secret_key_and_forces_https():
    result = settings_value(
        "production",
        "s.DEBUG, s.SESSION_COOKIE_SECURE, s.SECURE_SSL_REDIRECT",
        SECRET_KEY="x" * 50,
        WAGTAILADMIN_BASE_URL="https://network.example.org",
        CSRF_TRUSTED_ORIGINS="https://network.example.org",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "(False, True, True)"


def test_sqlite_under_var_is_the_default_database():
    result = settings_value(
        "base", "s.DATABASES['default']['ENGINE'], s.DATABASES['default']['NAME']"
    )
    assert result.returncode == 0, result.stderr
    assert "sqlite3" in result.stdout
    assert "var/db.sqlite3" in result.stdout


def test_database_url_switches_to_postgresql():
    result = settings_value(
        "base",
        "s.DATABASES['default']['ENGINE'], s.DATABASES['default']['NAME']",
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/network",
    )
    assert result.returncode == 0, result.stderr
    assert "django.db.backends.postgresql" in result.stdout
    assert "'network'" in result.stdout


def test_redis_url_adds_a_shared_cache():
    result = settings_value(
        "base", "s.CACHES['default']['BACKEND']", REDIS_URL="redis://127.0.0.1:6379/0"
    )
    assert result.stdout.strip() == "home.cache.ResilientRedisCache"
    result = settings_value("base", "s.CACHES['default']['BACKEND']")
    assert result.stdout.strip() == "django.core.cache.backends.locmem.LocMemCache"


def test_every_process_shares_the_content_version_with_or_without_redis():
    """Without Redis the version that retires cached pages is in files under VAR_DIR,
    which every worker on the machine reads; with Redis it is in Redis."""
    expression = "s.CACHES['shared']['BACKEND'], s.CACHES['shared']['LOCATION']"
    result = settings_value("base", expression, VAR_DIR="/srv/network")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        "('django.core.cache.backends.filebased.FileBasedCache', '/srv/network/cache/shared')"
    )
    result = settings_value("base", expression, REDIS_URL="redis://127.0.0.1:6379/0")
    assert result.stdout.strip() == (
        "('home.cache.ResilientRedisCache', 'redis://127.0.0.1:6379/0')"
    )


def test_environment_lists_and_flags_are_parsed():
    result = settings_value(
        "base",
        "s.ALLOWED_HOSTS, s.CSRF_TRUSTED_ORIGINS, s.EMAIL_USE_TLS",
        ALLOWED_HOSTS="a.example.org, b.example.org",
        CSRF_TRUSTED_ORIGINS="https://a.example.org",
        EMAIL_USE_TLS="false",
    )
    assert result.stdout.strip() == (
        "(['a.example.org', 'b.example.org'], ['https://a.example.org'], False)"
    )


def test_demo_settings_write_emails_to_files_under_var_mail():
    result = settings_value(
        "dev", "s.EMAIL_BACKEND, s.EMAIL_DELIVERY_BACKEND, s.EMAIL_FILE_PATH", SECRET_KEY=""
    )
    # The site queues every email; the worker writes them to files.
    assert "home.emails.QueueingEmailBackend" in result.stdout
    assert "filebased.EmailBackend" in result.stdout
    assert "var/mail" in result.stdout


def test_time_zone_is_london_and_aware():
    result = settings_value("base", "s.TIME_ZONE, s.USE_TZ, s.WAGTAIL_I18N_ENABLED")
    assert result.stdout.strip() == "('Europe/London', True, True)"


def test_the_task_queue_is_in_the_database_unless_tasks_backend_says_rq():
    default = settings_value("dev", "s.TASKS['default']['BACKEND'], s.EMAIL_TIMEOUT")
    assert default.stdout.strip() == "('django_tasks_db.DatabaseBackend', 10)"
    rq = settings_value(
        "dev",
        "s.TASKS['default']['BACKEND'], s.RQ_QUEUES['default']['URL'], s.EMAIL_TIMEOUT",
        TASKS_BACKEND="rq",
        REDIS_URL="redis://127.0.0.1:6379/3",
        EMAIL_TIMEOUT="4",
    )
    assert rq.stdout.strip() == "('django_tasks_rq.RQBackend', 'redis://127.0.0.1:6379/3', 4)"


def test_a_tasks_backend_that_cannot_work_refuses_to_start_with_the_reason():
    no_redis = settings_value("dev", "s.TASKS", TASKS_BACKEND="rq")
    assert no_redis.returncode != 0 and "set REDIS_URL as well" in no_redis.stderr
    unknown = settings_value("dev", "s.TASKS", TASKS_BACKEND="celery")
    assert unknown.returncode != 0 and "TASKS_BACKEND must be database or rq" in unknown.stderr
