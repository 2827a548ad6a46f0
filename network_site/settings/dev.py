"""Local development and the demo: debug on, emails written to var/mail/."""

from .base import *  # noqa: F403
from .base import PRIVATE_MEDIA_ROOT, VAR_DIR
from .env import env_bool, env_list, env_str

DEBUG = True
SECRET_KEY = env_str("SECRET_KEY", "dev-only-not-secret-active-citizens-network")  # noqa: S105
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend")
EMAIL_FILE_PATH = VAR_DIR / "mail"
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    # Member photos live outside MEDIA_ROOT: no web server serves them, and only
    # members/views.py hands one out, to whom its owner chose.
    "member_photos": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(PRIVATE_MEDIA_ROOT), "base_url": None},
    },
}

VAR_DIR.mkdir(parents=True, exist_ok=True)
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
(VAR_DIR / "static").mkdir(exist_ok=True)
# The demo's printed staff logins work at once; production keeps the base default (on).
STAFF_REQUIRE_MFA = env_bool("STAFF_REQUIRE_MFA", False)
