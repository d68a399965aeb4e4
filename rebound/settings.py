"""Settings come from the environment (see .env.example); the defaults run with no services.
The longer reasons behind some choices are in docs/settings.md. Importing this creates no
file or folder (docs/settings.md, "Local files")."""

import datetime as dt
import os
from pathlib import Path
from typing import Any

import environ
from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured

from rebound import headers
from rebound.devsecret import (
    MISSING_FIELD_KEY_MESSAGE,
    dev_field_encryption_key,
    dev_secret_key,
)
from rebound.project_apps import PROJECT_APPS

BASE_DIR = Path(__file__).resolve().parent.parent
env = environ.Env()
# ENV_FILE lets tests (and odd deployments) point away from the project's .env.
environ.Env.read_env(env.str("ENV_FILE", default=str(BASE_DIR / ".env")), overwrite=False)
VAR_DIR = Path(env.str("REBOUND_VAR_DIR", default=str(BASE_DIR / "var")))

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG and not env.bool("REBOUND_OFFLINE_COMMAND", default=False):
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    # `make run` and offline commands: a key made once per checkout (docs/settings.md, "Keys").
    SECRET_KEY = dev_secret_key(VAR_DIR)

# Private words (journal, incidents, feedback, notes) are encrypted with these (rebound.crypto):
# comma-separated Fernet keys, the first encrypts, all decrypt (rotation: docs/security.md).
FIELD_ENCRYPTION_KEYS = env.list("FIELD_ENCRYPTION_KEYS", default=[])
if not FIELD_ENCRYPTION_KEYS:
    if DEBUG:
        FIELD_ENCRYPTION_KEYS = [dev_field_encryption_key(VAR_DIR)]
    elif not env.bool("REBOUND_OFFLINE_COMMAND", default=False):
        raise ImproperlyConfigured(MISSING_FIELD_KEY_MESSAGE)
    # An offline command runs with no key at all, never a made-up one (docs/settings.md, "Keys").
for _key in FIELD_ENCRYPTION_KEYS:
    try:
        Fernet(_key.encode())
    except ValueError as _error:
        raise ImproperlyConfigured(
            "FIELD_ENCRYPTION_KEYS holds something that is not a Fernet key "
            "(44 characters of url-safe base64)."
        ) from _error

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# Where links in emails point (reminders are sent outside any request).
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_htmx",
    "axes",
    "csp",
    "rest_framework",
    "drf_spectacular",
    # Accounts (docs/security.md): addresses, two-factor, passkeys, sessions, single sign-on.
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",  # single sign-on (OIDC_ISSUER)
    # Rebound's own, bottom to top (rebound/project_apps.py, docs/architecture.md).
    *PROJECT_APPS,
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages leave compressed, safe against BREACH (docs/settings.md, "Compressed pages").
    "django.middleware.gzip.GZipMiddleware",
    # Under /api/, the errors Django answers itself in the API's JSON shape (same section).
    "api.middleware.ErrorShapeMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The browser's language; rebound.middleware puts the signed-in user's own after it.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Keeps the list of where an account is signed in (and its last address and browser).
    "allauth.usersessions.middleware.UserSessionsMiddleware",
    # Before anything reads the body: an upload over its view's limit is refused unread.
    "rebound.upload_limits.UploadSizeMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Staff without a second factor are sent to set one up before the admin opens.
    "rebound.admin.StaffSecondFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # An htmx request after the session ended: HX-Redirect to log in, not a page swapped in.
    "rebound.htmx_auth.HtmxSessionEndedMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "rebound.middleware.UserTimezoneMiddleware",
    "rebound.middleware.HostileInputMiddleware",
    # Turns django-ratelimit's refusal into RATELIMIT_VIEW's kind 429 page.
    "django_ratelimit.middleware.RatelimitMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "rebound.urls"
WSGI_APPLICATION = "rebound.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'rebound.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Web, worker and beat share the file: wait for locks, take the write lock up front.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "transaction_mode": "IMMEDIATE"}
    )
# Persistent connections (checked before reuse): a request or a Celery task no longer pays for
# a new PostgreSQL connection each time. SQLite opens files, so it gains nothing.
DATABASES["default"]["CONN_MAX_AGE"] = env.int(
    "CONN_MAX_AGE", default=0 if DATABASES["default"]["ENGINE"].endswith("sqlite3") else 60
)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "rebound.User"
AUTHENTICATION_BACKENDS = [
    # First: refuses a locked-out account+address before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    # Passkey (password-less) log-in and single sign-on finish through allauth's backend.
    "allauth.account.auth_backends.AuthenticationBackend",
]
# Argon2 first (Django's recommendation); older hashes upgrade on the next log-in.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
LOGIN_URL = "login"

# django-allauth: email only, verification mandatory (docs/settings.md, "Accounts").
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_PREVENT_ENUMERATION = True
# A reset for an unknown address sends nothing; a new address replaces the old once confirmed.
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_MAX_EMAIL_ADDRESSES = 2
ACCOUNT_SIGNUP_FORM_CLASS = "rebound.accounts.forms.SignupExtrasForm"
ACCOUNT_FORMS = {
    "login": "rebound.accounts.allauth.EmailLoginForm",
    "reset_password": "rebound.accounts.allauth.EmailResetPasswordForm",
}
ACCOUNT_ADAPTER = "rebound.accounts.allauth.AccountAdapter"
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_EMAIL_SUBJECT_PREFIX = "Rebound: "
# Links in account emails use the scheme the site is served with.
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if SITE_URL.startswith("https:") else "http"
# Passwords: axes; sign-up, reset: ratelimit; the rest allauth (docs/settings.md, "Accounts").
ACCOUNT_RATE_LIMITS = {
    "login_failed": "30/m/ip,15/900s/key",
    "signup": None,
    "reset_password": None,
}
# Two-factor: TOTP with recovery codes, and passkeys; optional, required for staff.
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_PASSKEY_LOGIN_ENABLED = True
MFA_TOTP_ISSUER = "Rebound"
# Passkeys need a secure context; a plain-http localhost is one, for `make run` and tests.
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = env.bool("MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN", default=DEBUG)
# No "last seen" per request: two queries on every page (docs/settings.md, "Accounts").
USERSESSIONS_TRACK_ACTIVITY = False
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "landing"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
# Preferences offers these; sign-up follows the browser (docs/settings.md, "Languages").
LANGUAGES = [("en", "English"), ("de", "Deutsch")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True
# New users get this zone unless their browser tells us better at sign-up.
DEFAULT_USER_TIMEZONE = env.str("DEFAULT_USER_TIMEZONE", default="UTC")

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = env.str("STATIC_ROOT", default=str(BASE_DIR / "staticfiles"))
# Attached résumés and letters are private: no URL serves this folder (MEDIA_URL is only a
# name Django needs); applications.attachment_views hands each file to its owner only.
MEDIA_ROOT = env.str("MEDIA_ROOT", default=str(VAR_DIR / "media"))
MEDIA_URL = "/private-media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": env.str(
            "STATICFILES_STORAGE",
            default="whitenoise.storage.CompressedManifestStaticFilesStorage"
            if not DEBUG
            else "django.contrib.staticfiles.storage.StaticFilesStorage",
        )
    },
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Email: console by default; EMAIL_URL such as smtp://user:pass@host:587 or smtp+tls://...
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
if DEBUG and "EMAIL_URL" not in os.environ:
    # `make run`: each email saved as var/mail/*.eml and listed at /dev/mail/.
    EMAIL_BACKEND = "rebound.devmail.EmlFileBackend"
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Rebound <rebound@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=15)

# Security: strict by default in production, relaxed only where the env says so.
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=not DEBUG)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=not DEBUG)
# The preload flag only takes effect once the domain is submitted to the browsers list.
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=not DEBUG)
if env.bool("USE_X_FORWARDED_PROTO", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"

# Throttling (docs/settings.md, "Throttling"): the log-in's lock-out in the database, per
# account and address; sign-up, reset and the feed counted in the shared cache.
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = dt.timedelta(minutes=env.int("LOGIN_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_CALLABLE = "rebound.accounts.services.axes_username"
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
# allauth's log-in form names the address "login" (rebound.accounts.services.axes_username).
AXES_USERNAME_FORM_FIELD = "login"
AXES_SENSITIVE_PARAMETERS = ["password", "login", "username"]
# Behind a proxy, how many proxies sit in front (their X-Forwarded-For entries are trusted).
AXES_IPWARE_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0) or None
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if AXES_IPWARE_PROXY_COUNT else ["REMOTE_ADDR"]
)
RATELIMIT_VIEW = "rebound.accounts.views.rate_limited"
# With the cache down these let requests through; the lock-out holds without it.
RATELIMIT_FAIL_OPEN = True
SIGNUP_RATE = env.str("SIGNUP_RATE", default="5/h")
# Calendar apps poll a feed about hourly: plenty for several devices, not for hammering it.
CALENDAR_FEED_RATE = env.str("CALENDAR_FEED_RATE", default="240/h")
RESET_RATE_PER_IP = env.str("RESET_RATE_PER_IP", default="10/h")
RESET_RATE_PER_ADDRESS = env.str("RESET_RATE_PER_ADDRESS", default="3/h")
# API tokens that fail their check, per client address (api.throttling): then 429 for a while.
API_BAD_TOKEN_RATE = env.str("API_BAD_TOKEN_RATE", default="10/m")

# Redis shared by the web processes, or memory for `make run`; pages answer with it down
# (docs/settings.md, "The cache").
CACHE_URL = env.str("CACHE_URL", default="")
if CACHE_URL:
    CACHES = {
        "default": {
            "BACKEND": "rebound.cache.ForgivingRedisCache",
            "LOCATION": CACHE_URL,
            # An unreachable host costs a second, not a worker stuck on a socket.
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Cache the table's and the board's fragments, keyed by the data version the database keeps
# (rebound.fragments); off, they are rendered every time.
FRAGMENT_CACHE = env.bool("FRAGMENT_CACHE", default=True)
SILENCED_SYSTEM_CHECKS = [
    "django_ratelimit.W001",  # it knows django-redis only; Django's RedisCache is as atomic
    # Without CACHE_URL, limits count per process: rebound.W001 says so in `check --deploy`.
    *(["django_ratelimit.E003"] if not CACHE_URL else []),
    # SQLite can't make insights.AnswerTally's one-row-per-group constraint (NULLs not
    # distinct); the table stays empty there (its triggers are PostgreSQL's).
    *(["models.W047"] if DATABASES["default"]["ENGINE"].endswith("sqlite3") else []),
]

# Single sign-on (OpenID Connect) from the environment; no issuer, no button
# (docs/settings.md, "Single sign-on").
OIDC_ISSUER = env.str("OIDC_ISSUER", default="").rstrip("/")
SOCIALACCOUNT_PROVIDERS: dict[str, Any] = {}
if OIDC_ISSUER:
    SOCIALACCOUNT_PROVIDERS["openid_connect"] = {
        "OAUTH_PKCE_ENABLED": True,
        "APPS": [
            {
                "provider_id": "sso",
                "name": env.str("OIDC_BUTTON_LABEL", default="Log in with single sign-on"),
                "client_id": env.str("OIDC_CLIENT_ID"),
                "secret": env.str("OIDC_CLIENT_SECRET"),
                "settings": {"server_url": OIDC_ISSUER, "fetch_userinfo": True},
            }
        ],
    }
SOCIALACCOUNT_EMAIL_AUTHENTICATION = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = True
SOCIALACCOUNT_EMAIL_REQUIRED = True
SOCIALACCOUNT_AUTO_SIGNUP = True
SOCIALACCOUNT_LOGIN_ON_GET = False  # only a POST starts a log-in
SOCIALACCOUNT_STORE_TOKENS = False
# The REST API (docs/api.md): tokens or the session, one error shape, counted per token; no
# CORS headers, so other sites' pages can't call it (scripts and tools can).
API_PREFIX = "/api/"  # answered in JSON, errors included (rebound.middleware too)
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "api.authentication.BearerTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.IsAuthenticated",
        "api.permissions.TokenScope",
    ],
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.PerTokenThrottle"],
    "DEFAULT_THROTTLE_RATES": {"token": env.str("API_RATE", default="600/minute")},
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "EXCEPTION_HANDLER": "api.exceptions.handler",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Rebound API",
    "DESCRIPTION": "Your job search in Rebound, for scripts and tools. Every query is yours "
    'only; errors come as {"errors": [{"field", "code", "message"}]}. See docs/api.md.',
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # The schema and its docs describe the API, nothing of anyone's: public, like this repo.
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "StatusEnum": "applications.models.Status",
        "ContactKindEnum": "applications.models.Contact.Kind",
        "IncidentKindEnum": "coping.models.Incident.Kind",
    },
}

# The security headers' policies (rebound/headers.py; docs/security.md).
CONTENT_SECURITY_POLICY = headers.content_security_policy(sign_on_issuer=OIDC_ISSUER)
PERMISSIONS_POLICY = headers.PERMISSIONS_POLICY

# Celery: Redis in compose, CI and production; for `make run`, files (docs/settings.md).
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="filesystem://")
CELERY_BROKER_TRANSPORT_OPTIONS: dict[str, object] = {}
if CELERY_BROKER_URL.startswith("filesystem"):
    _queue_dir = VAR_DIR / "celery-queue"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_queue_dir),
        "data_folder_out": str(_queue_dir),
        "processed_folder": str(_queue_dir / "processed"),
        "control_folder": str(_queue_dir / "control"),
        "store_processed": False,
    }
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=False)
# A reminder's truth lives in the database; a lost message is recovered by the dispatcher.
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_REJECT_ON_WORKER_LOST = True
# Reminder engine (docs/reminders.md): how long a claimed reminder is held before another
# dispatch may take it over, and the first retry delay after a temporary SMTP failure.
REMINDER_LEASE_SECONDS = env.float("REMINDER_LEASE_SECONDS", default=300)
REMINDER_RETRY_BASE_SECONDS = env.float("REMINDER_RETRY_BASE_SECONDS", default=60)
# Reminders per send task: one SMTP connection and one load of their subjects each.
REMINDER_SEND_CHUNK = env.int("REMINDER_SEND_CHUNK", default=50)
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}

# Mail in (docs/mail-in.md): the forwarding addresses' domain, Rebound's own SMTP service
# (`manage.py mail_smtpd`), and how connected IMAP folders are read (every five minutes).
MAILIN_DOMAIN = env.str("MAILIN_DOMAIN", default="in.localhost")
MAILIN_SMTP_HOST = env.str("MAILIN_SMTP_HOST", default="127.0.0.1")
MAILIN_SMTP_PORT = env.int("MAILIN_SMTP_PORT", default=2525)
# Refused with 552 above this (and announced through the SIZE extension).
MAILIN_MAX_BYTES = env.int("MAILIN_MAX_BYTES", default=10 * 1024 * 1024)
MAILIN_MAX_RECIPIENTS = env.int("MAILIN_MAX_RECIPIENTS", default=10)
# A pasted or uploaded email is refused above this; a larger one from the other ways in keeps
# only its facts (no raw text to show later).
MAILIN_UPLOAD_MAX_BYTES = env.int("MAILIN_UPLOAD_MAX_BYTES", default=2 * 1024 * 1024)
# New messages read per IMAP folder per poll; the rest wait for the next one.
MAILIN_IMAP_BATCH = env.int("MAILIN_IMAP_BATCH", default=50)
MAILIN_IMAP_TIMEOUT = env.float("MAILIN_IMAP_TIMEOUT", default=20)
# Connected IMAP servers must be public addresses unless this is on (a server on the same
# machine or network; the tests' own dovecot).
MAILIN_IMAP_ALLOW_PRIVATE_HOSTS = env.bool("MAILIN_IMAP_ALLOW_PRIVATE_HOSTS", default=DEBUG)
