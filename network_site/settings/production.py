"""Production: refuses to start without what a public site needs; HTTPS everywhere.

Each refusal names the variable and what to put in it, so whoever reads the journal
(`journalctl -u acn-web`) knows what to change in the environment file
(deploy/acn.env.example). Plain HTTP is only for a test on loopback: with
SECURE_SSL_REDIRECT=false the site's address may be http://, and then its cookies go
without the Secure flag and without HSTS, since a browser would drop them otherwise.
"""

from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import CSRF_TRUSTED_ORIGINS, SECRET_KEY
from .env import env_bool, env_float, env_int, env_list, env_str
from .error_tracking import start_error_tracking

if not SECRET_KEY:
    raise ImproperlyConfigured(
        "SECRET_KEY must be set in the environment for production "
        "(for example with `python -c 'import secrets; print(secrets.token_urlsafe(50))'`)."
    )
if SECRET_KEY == "change-me":  # noqa: S105 (deploy/acn.env.example's placeholder)
    raise ImproperlyConfigured(
        "SECRET_KEY is still the example's change-me: make one with "
        "`python3 -c 'import secrets; print(secrets.token_urlsafe(50))'`."
    )

DEBUG = False
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
_SCHEMES = ("https",) if SECURE_SSL_REDIRECT else ("https", "http")
_ONLY_HTTPS = (
    "an https:// address"
    if SECURE_SSL_REDIRECT
    else "an https:// or (for a test on loopback) http:// address"
)


def _origin(name: str, value: str) -> str:
    """`value` as scheme://host[:port], or a refusal that names the variable."""
    parts = urlsplit(value.strip())
    if parts.scheme not in _SCHEMES or not parts.hostname or parts.path not in ("", "/"):
        plain = " (http:// only with SECURE_SSL_REDIRECT=false, for a test on loopback)"
        raise ImproperlyConfigured(
            f"{name} must be {_ONLY_HTTPS} with no path, such as "
            f"https://network.example.org, not {value!r}"
            + (plain if parts.scheme == "http" and SECURE_SSL_REDIRECT else "")
            + "."
        )
    if parts.query or parts.fragment or parts.username:
        raise ImproperlyConfigured(f"{name} must be only scheme and host, not {value!r}.")
    return f"{parts.scheme}://{parts.netloc}"


# The site's public address: links in emails, in the admin and in feeds start with it.
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL")
if not WAGTAILADMIN_BASE_URL.strip():
    raise ImproperlyConfigured(
        "WAGTAILADMIN_BASE_URL must be set in the environment for production: the site's "
        "public address, such as https://network.example.org. Links in emails are built "
        "from it."
    )
WAGTAILADMIN_BASE_URL = _origin("WAGTAILADMIN_BASE_URL", WAGTAILADMIN_BASE_URL)
_SITE = urlsplit(WAGTAILADMIN_BASE_URL)
_HTTPS = _SITE.scheme == "https"

if not CSRF_TRUSTED_ORIGINS:
    raise ImproperlyConfigured(
        "CSRF_TRUSTED_ORIGINS must be set in the environment for production: the "
        "addresses forms are sent from, comma-separated, usually the same as "
        f"WAGTAILADMIN_BASE_URL (CSRF_TRUSTED_ORIGINS={WAGTAILADMIN_BASE_URL})."
    )
CSRF_TRUSTED_ORIGINS = [_origin("CSRF_TRUSTED_ORIGINS", value) for value in CSRF_TRUSTED_ORIGINS]
# The host names the site answers to: the base URL's unless the environment lists them.
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [_SITE.hostname])
ACCOUNT_DEFAULT_HTTP_PROTOCOL = _SITE.scheme

# Load balancers probe /healthz over plain HTTP on the private network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
# nginx (deploy/nginx/acn.conf) always sets X-Forwarded-Proto to the scheme the visitor
# used, replacing whatever the visitor sent; gunicorn listens on loopback only.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365) if _HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = _HTTPS
CSRF_COOKIE_SECURE = _HTTPS
LANGUAGE_COOKIE_SECURE = _HTTPS

# Optional error tracking (Sentry or GlitchTip), with personal data scrubbed.
start_error_tracking(
    dsn=env_str("SENTRY_DSN"),
    environment=env_str("SENTRY_ENVIRONMENT", "production"),
    traces_sample_rate=env_float("SENTRY_TRACES_SAMPLE_RATE", 0.0),
)
