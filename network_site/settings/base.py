"""Settings shared by every environment: safe by default.

`dev`, `test` and `production` build on this module. Anything a deployment may
change is read from the environment through `env.py` and documented in the README.
"""

from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from .env import env_bool, env_int, env_list, env_prefixed, env_str
from .object_storage import media_storage

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = Path(env_str("VAR_DIR", str(BASE_DIR / "var")))

DEBUG = False
SECRET_KEY = env_str("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# Behind a reverse proxy (deploy/nginx/acn.conf; the README's "Behind a proxy"). How many
# proxies of ours stand in front of Django, each appending the address it saw to
# X-Forwarded-For: allauth's rate limits (and ours, which use allauth's) then count the
# address the outermost of them saw, the real client's. 0 believes no such header, which
# is right only when nothing stands in front (runserver): else every visitor shares one
# limit, the proxy's.
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("ALLAUTH_TRUSTED_PROXY_COUNT", 0)
# The proxy passes the Host the visitor asked for, so X-Forwarded-Host is not needed;
# believe it only behind a proxy that rewrites Host and always sets this header itself.
USE_X_FORWARDED_HOST = env_bool("USE_X_FORWARDED_HOST", False)
# How many gunicorn workers serve (gunicorn reads the same variable): more than one
# needs a shared cache (REDIS_URL), or a system check warns (home/checks.py).
WEB_CONCURRENCY = env_int("WEB_CONCURRENCY", 1)

INSTALLED_APPS = [
    # Our apps first so that their templates override third-party ones.
    "home",
    "programmes",
    "stories",
    "members",
    # Wagtail
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    # Accounts
    "allauth",
    "allauth.account",
    "allauth.mfa",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
    # Background tasks: Django's task framework (the backport Wagtail 8 uses) and the
    # database queue; django_tasks_rq is added below when TASKS_BACKEND=rq.
    "django_tasks",
    "django_tasks_db",
    "anymail",  # email service providers: their tracking webhooks (bounces, complaints)
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "home.middleware.ContentSecurityPolicyMiddleware",
    "home.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Compresses HTML that carries no secret, cached or not (home/compression.py).
    "home.compression.SecretFreeGZipMiddleware",
    # Anonymous pages from the shared cache: a hit skips everything below.
    "home.page_cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "home.middleware.SiteLocaleMiddleware",
    "home.frame.SiteFrameMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "network_site.urls"
WSGI_APPLICATION = "network_site.wsgi.application"
ASGI_APPLICATION = "network_site.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: SQLite under var/ unless DATABASE_URL names another (PostgreSQL via psycopg 3).
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Caches. `default` holds the site frame and the anonymous pages: Redis when REDIS_URL
# names one, otherwise each process's own memory (fastest; nothing to run). `shared`
# holds what every process must agree on, the content version that retires those
# entries (home/frame.py): the same Redis, otherwise a file-based cache under VAR_DIR
# that every process on this machine reads, so that an unpublished page or a withdrawn
# consent leaves every worker's memory at once. Several app servers need REDIS_URL.
REDIS_URL = env_str("REDIS_URL")
# A Redis that does not answer is an empty cache (home/cache.py): pages render from the
# database and rate limits refuse. The timeouts bound what a Redis that drops packets
# costs; one that refuses connections costs a millisecond.
if REDIS_URL:
    _redis = {
        "BACKEND": "home.cache.ResilientRedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "acn",
        "TIMEOUT": 300,
        "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5},
    }
    CACHES = {"default": _redis, "shared": _redis}
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "acn-default",
        },
        "shared": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache" / "shared"),
        },
    }

# Background tasks (issue 16): every email and Wagtail's own work (search and reference
# index updates) is queued and done by the worker, never in the request. The queue lives
# in the site's own database (django-tasks-db; worker: `manage.py db_worker`) unless
# TASKS_BACKEND=rq puts it on Redis at REDIS_URL (django-tasks-rq; worker:
# `manage.py rqworker --job-class django_tasks_rq.Job --with-scheduler default`).
TASKS_BACKEND = env_str("TASKS_BACKEND", "database").strip().lower()
if TASKS_BACKEND == "database":
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
elif TASKS_BACKEND == "rq":
    if not REDIS_URL:
        raise ImproperlyConfigured(
            "TASKS_BACKEND=rq keeps the task queue on Redis: set REDIS_URL as well, such as "
            "redis://127.0.0.1:6379/0."
        )
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    RQ_QUEUES = {"default": {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 600}}
else:
    raise ImproperlyConfigured(f"TASKS_BACKEND must be database or rq, not {TASKS_BACKEND!r}.")

AUTH_USER_MODEL = "members.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"

# django-allauth: email addresses, no usernames, verified before use.
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_DEFAULT_HTTP_PROTOCOL = env_str("ACCOUNT_DEFAULT_HTTP_PROTOCOL", "https")
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]

# Internationalisation. Pages, feeds and search are served at locale-prefixed URLs
# (/en/, /zh-hant/, /ar/…); wagtail-localize translates content and English is the
# fallback for anything not yet translated.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("zh-hant", _("Traditional Chinese")),
    ("ar", _("Arabic")),
    ("ro", _("Romanian")),
    ("pl", _("Polish")),
    ("uk", _("Ukrainian")),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# "Translate" in wagtail-localize makes a draft, never a live page: a translation goes
# live when it is published or approved in its page's workflow (home/translation_review.py).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# The languages `manage.py load_demo` translates the demo content into, through
# wagtail-localize (the PO files in each app's demo_translations/).
DEMO_TRANSLATION_LANGUAGES = ["zh-hant", "ar", "ro", "pl", "uk"]
LOCALE_PATHS = [PROJECT_DIR / "locale"]
LANGUAGE_COOKIE_NAME = "acn_language"
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365
LANGUAGE_COOKIE_SAMESITE = "Lax"
# Languages whose complete interface translation is checked by the test suite.
COMPLETE_INTERFACE_LANGUAGES = ["zh_Hant", "ar", "ro", "pl", "uk"]
TIME_ZONE = "Europe/London"
# UK dates in English ("2 December 2026", "02/12/2026 14:00" in admin lists), and in every
# language the admin's date pickers' day/month/year form is read back (network_site/formats/).
FORMAT_MODULE_PATH = ["network_site.formats"]
USE_I18N = True
USE_TZ = True

# Static files are served by whitenoise; uploaded files stay on the local disk unless
# MEDIA_BUCKET / PRIVATE_MEDIA_BUCKET put them in object storage (object_storage.py).
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
PRIVATE_MEDIA_ROOT = Path(env_str("PRIVATE_MEDIA_ROOT", str(VAR_DIR / "private")))
MEDIA_BUCKET = env_str("MEDIA_BUCKET").strip()
PRIVATE_MEDIA_BUCKET = env_str("PRIVATE_MEDIA_BUCKET").strip()
S3_ENDPOINT_URL = env_str("S3_ENDPOINT_URL").strip()
S3_REGION = env_str("S3_REGION").strip()
MEDIA_STORAGE = media_storage(
    media_bucket=MEDIA_BUCKET,
    private_media_bucket=PRIVATE_MEDIA_BUCKET,
    endpoint_url=S3_ENDPOINT_URL,
    region=S3_REGION,
    media_url=env_str("MEDIA_URL").strip(),
    private_media_root=str(PRIVATE_MEDIA_ROOT),
)
MEDIA_URL = MEDIA_STORAGE.url
STORAGES = {
    # Wagtail images, renditions and documents.
    "default": MEDIA_STORAGE.public,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    # Member photos: never served by a web server or a bucket, only by members/views/directory.py,
    # to whom its owner chose.
    "member_photos": MEDIA_STORAGE.private,
}

# Email: every message is queued (home/emails/) and the worker sends it with the
# environment's EMAIL_BACKEND, SMTP by default; dev and demo write files to var/mail/.
EMAIL_BACKEND = "home.emails.QueueingEmailBackend"
EMAIL_DELIVERY_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
EMAIL_FILE_PATH = VAR_DIR / "mail"
# Seconds an SMTP connection may wait for the server before the send fails (and is retried).
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Active Citizens Network <hello@example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# With an email service provider (EMAIL_BACKEND=anymail.backends.mailgun.EmailBackend,
# …postmark…, and so on) its tracking webhooks answer under /anymail/ and mark hard
# bounces and complaints (home/suppression.py). ANYMAIL_WEBHOOK_SECRET ("user:password")
# is the basic-auth secret of those webhooks; every other ANYMAIL_<NAME> variable (such
# as ANYMAIL_MAILGUN_API_KEY, ANYMAIL_MAILGUN_WEBHOOK_SIGNING_KEY) becomes
# ANYMAIL["<NAME>"].
ANYMAIL_WEBHOOKS_ENABLED = EMAIL_DELIVERY_BACKEND.startswith("anymail.")
ANYMAIL = env_prefixed("ANYMAIL_")
if ANYMAIL_WEBHOOKS_ENABLED and not ANYMAIL.get("WEBHOOK_SECRET"):
    raise ImproperlyConfigured(
        "EMAIL_BACKEND is an email service provider's (anymail): set ANYMAIL_WEBHOOK_SECRET "
        "to a user:password that its webhooks send, such as webhook:a-long-random-secret."
    )

# Wagtail
WAGTAIL_SITE_NAME = "Active Citizens Network"
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["docx", "odt", "pdf", "rtf", "txt"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAIL_ENABLE_UPDATE_CHECK = False
# The admin's date pickers write and show day/month/year, as people in the UK read dates.
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"
WAGTAIL_PASSWORD_RESET_ENABLED = False  # members reset passwords through allauth
WAGTAILADMIN_LOGIN_URL = "account_login"
TAGGIT_CASE_INSENSITIVE = True
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Security defaults that hold in every environment.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True  # forms carry the token; no script of ours reads the cookie
LANGUAGE_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Content-Security-Policy (django-csp 4): everything from the site itself, no inline
# script anywhere. Public pages need no nonce, so a cached page is the same for everyone;
# the admin's few inline scripts carry one ({% csp_nonce %}), and the admin alone may use
# inline style attributes (home.middleware.ContentSecurityPolicyMiddleware).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        # Images from the media bucket or CDN too, when they have an origin of their own.
        "img-src": [SELF, "data:", "blob:", *MEDIA_STORAGE.origins],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [SELF],
        "frame-ancestors": [SELF],  # the admin previews pages in a frame of its own
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}
CSP_ADMIN_PATH_PREFIX = "/admin/"
# Browser features no page of the site uses.
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)

# Exact JSON Lines (times to the microsecond) for `manage.py backup` and `restore`.
SERIALIZATION_MODULES = {"acnjsonl": "home.backup_json"}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}

# ---------------------------------------------------------------------------------------
# Members: accounts, approval, privacy and safety (issue 4). Documented in the README.
# ---------------------------------------------------------------------------------------
# New accounts wait for staff approval; when false, a verified account is approved at once.
MEMBERSHIP_APPROVAL = env_bool("MEMBERSHIP_APPROVAL", True)
# Staff must set up two-factor authentication before they reach the Wagtail admin.
# On by default (production); dev.py and the demo turn it off so printed logins work.
STAFF_REQUIRE_MFA = env_bool("STAFF_REQUIRE_MFA", True)
# The version of the privacy notice people accept at sign-up (recorded with the time).
PRIVACY_NOTICE_VERSION = env_str("PRIVACY_NOTICE_VERSION", "2025-01")
ACCOUNT_ADAPTER = "members.adapter.AccountAdapter"
ACCOUNT_SIGNUP_FORM_CLASS = "members.forms.profile.SignupForm"
# allauth's forms in the site's own words (labels only; members/forms/accounts.py).
ACCOUNT_FORMS = {
    "login": "members.forms.accounts.SignInForm",
    "signup": "members.forms.accounts.CreateAccountForm",
    "reset_password": "members.forms.accounts.ResetPasswordForm",
    "reset_password_from_key": "members.forms.accounts.ResetPasswordKeyForm",
    "change_password": "members.forms.accounts.ChangePasswordForm",
    "add_email": "members.forms.accounts.NewEmailForm",
}
ACCOUNT_CHANGE_EMAIL = True  # one address at a time; a new one is verified before use
# allauth's rate limits: failed logins per address and per account, sign-ups and
# password resets per address.
ACCOUNT_RATE_LIMITS = {
    "login_failed": env_str("RATE_LIMIT_LOGIN_FAILED", "10/m/ip,5/300s/key"),
    "signup": env_str("RATE_LIMIT_SIGNUP", "5/h/ip"),
    "reset_password": env_str("RATE_LIMIT_RESET_PASSWORD", "5/h/ip,3/h/key"),
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "1/3m/key",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
    # Programme applications on the site, per address and per applicant's email.
    "programme_application": env_str("RATE_LIMIT_APPLICATIONS", "10/h/ip,3/h/key"),
    # Guests replying to a public event, per address and per guest's email.
    "event_guest_reply": env_str("RATE_LIMIT_GUEST_REPLIES", "10/h/ip,3/h/key"),
}
# Profile photos: largest file and largest picture (width × height) accepted before decoding.
MEMBER_PHOTO_MAX_BYTES = env_int("MEMBER_PHOTO_MAX_BYTES", 5 * 1024 * 1024)
MEMBER_PHOTO_MAX_PIXELS = env_int("MEMBER_PHOTO_MAX_PIXELS", 24_000_000)
# How many messages a member may send other members in an hour, and how many new
# conversations they may start in an hour (issue 19 §2).
MEMBER_MESSAGES_PER_HOUR = env_int("MEMBER_MESSAGES_PER_HOUR", 30)
MEMBER_NEW_CONVERSATIONS_PER_HOUR = env_int("MEMBER_NEW_CONVERSATIONS_PER_HOUR", 5)
# Days an invitation link stays valid.
MEMBER_INVITATION_DAYS = env_int("MEMBER_INVITATION_DAYS", 14)
MEMBER_DIRECTORY_PAGE_SIZE = 24
# Guests' replies to public events (issue 19): hours the confirmation link works before
# an unconfirmed reply is deleted, and days after the event before every guest reply
# is deleted (both by `manage.py purge_guest_replies`).
EVENT_GUEST_CONFIRM_HOURS = env_int("EVENT_GUEST_CONFIRM_HOURS", 48)
EVENT_GUEST_RETENTION_DAYS = env_int("EVENT_GUEST_RETENTION_DAYS", 30)
# Programme applications (issue 7): months after a programme's last day before its
# applications are deleted by `manage.py purge_applications`, and days an offer stays open.
APPLICATION_RETENTION_MONTHS = env_int("APPLICATION_RETENTION_MONTHS", 6)
APPLICATION_OFFER_DAYS = env_int("APPLICATION_OFFER_DAYS", 14)
LOGIN_REDIRECT_URL = "members:dashboard"
MIDDLEWARE += ["members.middleware.StaffMFAMiddleware"]

# The admin shows built-in avatars: Wagtail's default would send a hash of every staff
# member's email address to gravatar.com from each admin page.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# ---------------------------------------------------------------------------------------
# The task queue's health (issue 16 §3): /healthz says "tasks": "late" once the oldest
# task that could run has waited longer than this (the worker is down or behind).
TASKS_LATE_AFTER_SECONDS = env_int("TASKS_LATE_AFTER_SECONDS", 300)

# ---------------------------------------------------------------------------------------
# Performance (issue 9): the site frame and the anonymous page cache. Documented in the
# README. Both live in the default cache, retired by the version in the shared one.
# ---------------------------------------------------------------------------------------
# Whole HTML responses of anonymous GET requests, retired on any visible change.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)
# Query-string parameters a cached page may carry (filters and pagination); any other
# parameter is served fresh.
PAGE_CACHE_QUERY_PARAMETERS = [
    "page",
    "status",
    "topic",
    "mode",
    "kind",
    "programme",
    "area",
    "format",
    "when",
    "skill",
    "month",
]
# Models whose changes never show on a public page: saving them keeps the cache.
PAGE_CACHE_IGNORED_MODELS = [
    "stories.Subscriber",
    "stories.NewsletterSend",
    "stories.NewsletterRecipient",
    "members.ReminderSent",
    "members.DigestSent",
    "members.EventCalendar",
    "members.Invitation",
    "members.LoginRecord",
    "members.Conversation",
    "members.Participant",
    "members.Message",
    "members.Block",
    "members.Report",
    "members.User",
    # Applications and access to them never show on a public page; mentoring wishes and
    # offers only in the member area. (Attendance and mentoring meetings do: they feed
    # the live impact figures on programme pages, so saving them retires the cache.)
    "programmes.Application",
    "programmes.ProgrammeAccess",
    "members.MentoringWish",
    "members.MentoringWishSkill",
    "members.MentorOffer",
    "members.MentorOfferSkill",
]
