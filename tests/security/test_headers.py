"""Every response carries the security headers; production settings pass Django's
deployment checklist; public pages carry no per-request nonce (they may be cached)."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import override_settings
from django.urls import reverse

from tests.factories import ProgrammePageFactory

ROOT = Path(__file__).resolve().parents[2]
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>", re.IGNORECASE)
DATA_SCRIPT_TYPES = ("application/json", "application/ld+json")


def production_environment(**extra):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE"}
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="network_site.settings.production",
        SECRET_KEY="a-production-like-secret-" + "k3y" * 20,
        ALLOWED_HOSTS="network.example.org",
        CSRF_TRUSTED_ORIGINS="https://network.example.org",
        WAGTAILADMIN_BASE_URL="https://network.example.org",
    )
    environment.update(extra)
    return environment


def csp_directives(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


def assert_common_headers(response, framed_document=True):
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    if framed_document:  # a stylesheet is not a document anyone can frame
        assert response["X-Frame-Options"] in {"DENY", "SAMEORIGIN"}
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    directives = csp_directives(response)
    assert directives["default-src"] == ["'self'"]
    assert "'unsafe-inline'" not in directives["script-src"]
    assert "'unsafe-eval'" not in directives["script-src"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'self'"]
    return directives


def test_deploy_checklist_reports_nothing_with_production_settings():
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=production_environment(),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_cookies_are_secure_http_only_and_same_site():
    code = (
        "from django.conf import settings as s; import django; django.setup(); print(["
        "s.SESSION_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, s.SESSION_COOKIE_SAMESITE,"
        "s.CSRF_COOKIE_SECURE, s.CSRF_COOKIE_HTTPONLY, s.CSRF_COOKIE_SAMESITE,"
        "s.LANGUAGE_COOKIE_SECURE, s.LANGUAGE_COOKIE_HTTPONLY, s.LANGUAGE_COOKIE_SAMESITE,"
        "s.SECURE_HSTS_SECONDS >= 31536000, s.SECURE_HSTS_INCLUDE_SUBDOMAINS])"
    )
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=production_environment(),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        "[True, True, 'Lax', True, True, 'Lax', True, True, 'Lax', True, True]"
    )


def test_public_page_has_every_header_and_no_nonce(client, programme_index):
    page = ProgrammePageFactory(parent=programme_index)
    response = client.get(page.url)
    assert response.status_code == 200
    directives = assert_common_headers(response)
    # Cached for everyone, so nothing per request: no nonce in the policy or the page.
    assert not any(value.startswith("'nonce-") for value in directives["script-src"])
    assert "nonce=" not in response.text
    assert directives["style-src"] == ["'self'"]
    for attributes in INLINE_SCRIPT.findall(response.text):
        assert any(kind in attributes for kind in DATA_SCRIPT_TYPES), attributes


def test_member_page_has_every_header(client, home_page):
    from tests.members.factories import ProfileFactory

    client.force_login(ProfileFactory().user)
    response = client.get(reverse("members:dashboard"))
    assert response.status_code == 200
    assert_common_headers(response)
    assert "no-cache" in response.get("Cache-Control", "") or "private" in response.get(
        "Cache-Control", ""
    )


def test_static_file_has_the_headers(client, db):
    response = client.get("/static/css/site.css")
    assert response.status_code == 200
    assert_common_headers(response, framed_document=False)


@override_settings(SECURE_HSTS_SECONDS=31536000, SECURE_HSTS_INCLUDE_SUBDOMAINS=True)
def test_https_responses_carry_hsts(client, home_page):
    response = client.get("/en/", secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


def test_admin_inline_scripts_all_carry_the_policys_nonce(client, programme_index):
    """The page editor renders date widgets, inline panels and choosers, each with an
    inline script: every one must carry the nonce the header allows."""
    from tests.members.factories import UserFactory

    page = ProgrammePageFactory(parent=programme_index)
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.id]))
    assert response.status_code == 200
    directives = assert_common_headers(response)
    nonces = [value for value in directives["script-src"] if value.startswith("'nonce-")]
    assert len(nonces) == 1
    nonce = nonces[0][len("'nonce-") : -1]
    inline = [
        attributes
        for attributes in INLINE_SCRIPT.findall(response.text)
        if not any(kind in attributes for kind in DATA_SCRIPT_TYPES)
    ]
    assert inline, "the editor is expected to have inline scripts to check"
    for attributes in inline:
        assert f'nonce="{nonce}"' in attributes, attributes


@pytest.mark.parametrize(
    "url_name",
    [
        "wagtailadmin_home",
        "wagtailimages:index",
        "wagtailimages:add_multiple",
        "wagtaildocs:index",
        "wagtailusers_users:index",
    ],
)
def test_admin_pages_load_with_no_inline_script_left_without_nonce(client, home_page, url_name):
    from tests.members.factories import UserFactory

    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    response = client.get(reverse(url_name))
    assert response.status_code == 200
    assert_common_headers(response)
    for attributes in INLINE_SCRIPT.findall(response.text):
        if not any(kind in attributes for kind in DATA_SCRIPT_TYPES):
            assert "nonce=" in attributes, (url_name, attributes)
