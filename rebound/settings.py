"""Settings come from the environment (see .env.example); the defaults run with no services."""

import datetime as dt
import os
from pathlib import Path

import environ
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from rebound.devsecret import dev_secret_key

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
    # Local runs (`make run`) and manage.py's offline commands (migrations, collectstatic): a
    # random key made once for this checkout and kept in var/, so no key in the repository
    # can forge this instance's sessions or email links.
    SECRET_KEY = dev_secret_key(VAR_DIR)

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
    "drf_spectacular_sidecar",
    # Bottom to top; each app may import only those above it in this list (docs/architecture.md).
    "rebound",
    "reminders",
    "applications",
    "interviews",
    "coping",
    "insights",
    "feeds",
    "api",
    "home",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages leave compressed (static files are compressed at build time, by WhiteNoise). Safe
    # against BREACH as Django does it: the CSRF token is masked anew in every response, and
    # since Django 4.2 the middleware pads each response with random bytes (Heal the Breach);
    # session cookies are never in a body. See docs/security.md.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
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
]
# Argon2 first (Django's recommendation); older hashes upgrade on the next log-in.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "landing"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
# Rebound is written in English only. Without the translation machinery every template
# variable, date and reverse() skips a per-request language lookup (a tenth of a list page's
# rendering in issue 12's profile).
USE_I18N = False
USE_TZ = True
# New users get this zone unless their browser tells us better at sign-up.
DEFAULT_USER_TIMEZONE = env.str("DEFAULT_USER_TIMEZONE", default="UTC")

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = env.str("STATIC_ROOT", default=str(BASE_DIR / "staticfiles"))
# Uploaded files (the résumés and letters attached to applications) are private: no URL
# pattern serves this directory (MEDIA_URL is only a name Django needs);
# applications.attachment_views hands each file to its owner only.
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

# Throttling (docs/security.md). Log-in: django-axes locks an account on one address after
# LOGIN_FAILURE_LIMIT failures for LOGIN_COOLOFF_MINUTES (admin log-in too); a password reset
# still works meanwhile. Sign-up and reset: django-ratelimit counts in the shared cache.
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = dt.timedelta(minutes=env.int("LOGIN_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_USERNAME_FORM_FIELD = "username"
AXES_SENSITIVE_PARAMETERS = ["password", "username"]
# Behind a proxy, how many proxies sit in front (their X-Forwarded-For entries are trusted).
AXES_IPWARE_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0) or None
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if AXES_IPWARE_PROXY_COUNT else ["REMOTE_ADDR"]
)
RATELIMIT_VIEW = "rebound.views.rate_limited"
SIGNUP_RATE = env.str("SIGNUP_RATE", default="5/h")
# Calendar apps poll a feed about hourly: plenty for several devices, not for hammering it.
CALENDAR_FEED_RATE = env.str("CALENDAR_FEED_RATE", default="240/h")
RESET_RATE_PER_IP = env.str("RESET_RATE_PER_IP", default="10/h")
RESET_RATE_PER_ADDRESS = env.str("RESET_RATE_PER_ADDRESS", default="3/h")

# A cache shared by every web process (rate limits and lock-outs count there): Redis in
# compose, CI and production. Without CACHE_URL (`make run`, one web process) memory will do.
CACHE_URL = env.str("CACHE_URL", default="")
if CACHE_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Cache the table's and the board's fragments, keyed by the data version the database keeps
# (rebound.fragments); off, they are rendered every time.
FRAGMENT_CACHE = env.bool("FRAGMENT_CACHE", default=True)
SILENCED_SYSTEM_CHECKS = [
    # django-ratelimit lists django-redis but not Django's own RedisCache, which increments
    # atomically just the same.
    "django_ratelimit.W001",
    # Without CACHE_URL, limits count per process: rebound.W001 says so in `check --deploy`.
    *(["django_ratelimit.E003"] if not CACHE_URL else []),
]

# Content Security Policy (django-csp): scripts only from this site or with the request's
# nonce; styles also inline (Bootstrap components and the email preview use style=""); no
# plugins, no framing by anyone, forms post only here.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# The REST API (api/, docs/api.md): personal tokens or the site's session; every error in one
# JSON shape; requests counted per token in the cache. No CORS headers are sent, so browsers
# on other sites can't call it (scripts and tools can).
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
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "StatusEnum": "applications.models.Status",
        "ContactKindEnum": "applications.models.Contact.Kind",
        "IncidentKindEnum": "coping.models.Incident.Kind",
    },
}
PERMISSIONS_POLICY: dict[str, list[str]] = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
        "interest-cohort",
    )
}

# Celery: the filesystem transport needs no service; Redis in compose, CI and production.
VAR_DIR.mkdir(parents=True, exist_ok=True)
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="filesystem://")
CELERY_BROKER_TRANSPORT_OPTIONS: dict[str, object] = {}
if CELERY_BROKER_URL.startswith("filesystem"):
    _queue_dir = VAR_DIR / "celery-queue"
    (_queue_dir / "processed").mkdir(parents=True, exist_ok=True)
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
