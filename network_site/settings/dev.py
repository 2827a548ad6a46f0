"""Local development and the demo: debug on, emails written to var/mail/."""

from .base import *  # noqa: F403
from .base import STORAGES, VAR_DIR
from .env import env_bool, env_list, env_str

DEBUG = True
SECRET_KEY = env_str("SECRET_KEY", "dev-only-not-secret-active-citizens-network")  # noqa: S105
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
EMAIL_DELIVERY_BACKEND = env_str(
    "EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend"
)
EMAIL_FILE_PATH = VAR_DIR / "mail"
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http"
# Static files straight from the app folders; uploads where base.py says (the disk, or
# the buckets when MEDIA_BUCKET / PRIVATE_MEDIA_BUCKET are set).
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

VAR_DIR.mkdir(parents=True, exist_ok=True)
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
(VAR_DIR / "static").mkdir(exist_ok=True)
# The demo's printed staff logins work at once; production keeps the base default (on).
STAFF_REQUIRE_MFA = env_bool("STAFF_REQUIRE_MFA", False)
