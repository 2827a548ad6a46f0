"""Production settings refuse to start, saying what to set, when a public site would
break (links in emails to 127.0.0.1, forms refused), and warn when workers share no
cache. Each case starts a fresh Python process, as systemd would."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SITE = "https://network.example.org"
SETUP = "import django; django.setup(); from django.conf import settings as s; "


def production(code: str = "", *, drop=(), argv=None, **env) -> subprocess.CompletedProcess:
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "SENTRY_DSN", "WEB_CONCURRENCY"}
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="network_site.settings.production",
        SECRET_KEY="a-production-like-secret-" + "k3y" * 20,
        WAGTAILADMIN_BASE_URL=SITE,
        CSRF_TRUSTED_ORIGINS=SITE,
    )
    environment.update(env)
    for name in drop:
        environment.pop(name, None)
    return subprocess.run(  # noqa: S603
        argv or [sys.executable, "-c", SETUP + code],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def refusal(result: subprocess.CompletedProcess) -> str:
    assert result.returncode != 0, result.stdout
    assert "ImproperlyConfigured" in result.stderr
    return result.stderr.strip().splitlines()[-1]


def test_refuses_to_start_without_the_sites_address():
    message = refusal(production(drop=["WAGTAILADMIN_BASE_URL"]))
    assert "WAGTAILADMIN_BASE_URL must be set in the environment for production" in message
    assert "https://network.example.org" in message


def test_refuses_a_plain_http_address_and_says_when_it_is_allowed():
    message = refusal(production(WAGTAILADMIN_BASE_URL="http://network.example.org"))
    assert "WAGTAILADMIN_BASE_URL must be an https:// address" in message
    assert "SECURE_SSL_REDIRECT=false" in message


def test_refuses_an_address_with_a_path_or_without_a_scheme():
    message = refusal(production(WAGTAILADMIN_BASE_URL="https://network.example.org/admin/"))
    assert "'https://network.example.org/admin/'" in message
    message = refusal(production(WAGTAILADMIN_BASE_URL="network.example.org"))
    assert "WAGTAILADMIN_BASE_URL must be an https:// address" in message


def test_refuses_to_start_without_trusted_origins_and_suggests_the_value():
    message = refusal(production(drop=["CSRF_TRUSTED_ORIGINS"]))
    assert "CSRF_TRUSTED_ORIGINS must be set in the environment for production" in message
    assert f"CSRF_TRUSTED_ORIGINS={SITE}" in message


def test_refuses_a_trusted_origin_without_its_scheme():
    message = refusal(production(CSRF_TRUSTED_ORIGINS=f"{SITE},www.network.example.org"))
    assert "CSRF_TRUSTED_ORIGINS must be an https:// address" in message
    assert "'www.network.example.org'" in message


def test_refuses_a_secret_key_missing_first():
    message = refusal(production(drop=["SECRET_KEY", "WAGTAILADMIN_BASE_URL"]))
    assert "SECRET_KEY must be set" in message


def test_https_site_takes_its_host_scheme_and_proxy_count_from_the_environment():
    result = production(
        "print(s.ALLOWED_HOSTS, s.WAGTAILADMIN_BASE_URL, s.ACCOUNT_DEFAULT_HTTP_PROTOCOL, "
        "s.SESSION_COOKIE_SECURE, s.SECURE_HSTS_SECONDS > 0, s.ALLAUTH_TRUSTED_PROXY_COUNT)",
        WAGTAILADMIN_BASE_URL=SITE + "/",
        ALLAUTH_TRUSTED_PROXY_COUNT="1",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "['network.example.org']",
        SITE,
        "https",
        "True",
        "True",
        "1",
    ]


def test_plain_http_is_allowed_only_with_the_redirect_off_and_then_cookies_work_over_it():
    result = production(
        "print(s.WAGTAILADMIN_BASE_URL, s.ACCOUNT_DEFAULT_HTTP_PROTOCOL, s.SECURE_SSL_REDIRECT,"
        " s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS)",
        WAGTAILADMIN_BASE_URL="http://127.0.0.1:18480",
        CSRF_TRUSTED_ORIGINS="http://127.0.0.1:18480",
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="false",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "http://127.0.0.1:18480",
        "http",
        "False",
        "False",
        "False",
        "0",
    ]


def manage_check(**env) -> subprocess.CompletedProcess:
    return production(argv=[sys.executable, "manage.py", "check"], **env)


def test_several_workers_without_a_shared_cache_get_a_warning():
    result = manage_check(WEB_CONCURRENCY="3")
    assert result.returncode == 0, result.stderr
    assert "home.W001" in result.stderr
    assert "WEB_CONCURRENCY is 3, but the cache is local to each process" in result.stderr
    assert "Set REDIS_URL" in result.stderr


def test_several_workers_with_redis_or_one_worker_alone_are_fine():
    for env in ({"WEB_CONCURRENCY": "3", "REDIS_URL": "redis://127.0.0.1:6379/4"}, {}):
        result = manage_check(**env)
        assert result.returncode == 0, result.stderr
        assert "System check identified no issues" in result.stdout, result.stderr


def test_refuses_the_example_files_placeholder_secret_key():
    message = refusal(production(SECRET_KEY="change-me"))
    assert "SECRET_KEY is still the example's change-me" in message
