"""Samskab settings: one module, the environment decides.

Every setting that differs between a laptop and production is read from an environment
variable; README.md lists them all. The defaults are for development and are safe there:
DEBUG is on, e-mail goes to the console, the database is SQLite under ``var/``.
"""

import ipaddress
import os
import tempfile
from pathlib import Path

import dj_database_url
import dj_email_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# pytest sets PYTEST_VERSION before anything is imported; tests get deterministic backends.
TESTING = "PYTEST_VERSION" in os.environ

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG and not TESTING:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "django-insecure-development-only-key-do-not-use-in-production"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,.localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")
# The network shown when the request's host matches none of the networks' host lists.
DEFAULT_NETWORK = os.environ.get("DEFAULT_NETWORK", "sund-by-netvaerket")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")
# Per network, where no request tells the host (tasks, commands): "slug=https://host,slug=...".
SITE_URLS = dict(item.split("=", 1) for item in env_list("SITE_URLS", "") if "=" in item)

INSTALLED_APPS = [
    "modeltranslation",
    "samskab.core.admin_apps.SamskabAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sites",
    "rules.apps.AutodiscoverRulesConfig",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "samskab.core",
    "samskab.accounts",
    "samskab.networks",
    "samskab.audit",
    "samskab.groups",
    "samskab.cases",
    "samskab.events",
    "samskab.news",
    "samskab.decisions",
    "samskab.formbuilder",
    "samskab.programmes",
    "samskab.search",
    "samskab.wpimport",
    "samskab.demo",  # load_demo, demo_totp, generate_cases
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Old WordPress addresses (/?p=123, /2014/05/slug/) answer 301, before the language redirect.
    "samskab.wpimport.middleware.OldAddressMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "samskab.networks.middleware.NetworkMiddleware",
    "samskab.core.links.CurrentRequestMiddleware",
    "samskab.accounts.middleware.StaffMFARequiredMiddleware",
]

ROOT_URLCONF = "samskab.urls"
WSGI_APPLICATION = "samskab.wsgi.application"
SITE_ID = 1

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # core comes first so its templates (the layout, allauth overrides) win.
        "DIRS": [BASE_DIR / "samskab" / "core" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "builtins": ["samskab.core.templatetags.local_dates"],
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "samskab.core.context_processors.site",
                "samskab.news.context_processors.menu",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------
DATABASE_URL = os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'samskab.sqlite3'}")
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=0)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers and one writer work at once; IMMEDIATE takes the write lock at
        # the start of a transaction so concurrent writers queue instead of failing.
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
        ),
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    # Tests use a file, not Django's shared in-memory database, so that separate
    # connections (the concurrency tests' threads) lock it the way production does.
    DATABASES["default"]["TEST"] = {
        "NAME": os.path.join(tempfile.gettempdir(), f"samskab-test-{os.getpid()}.sqlite3")
    }
else:
    DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("DATABASE_CONN_MAX_AGE", "60"))
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ----------------------------------------------------------------------------
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    # --- Production (prodrun): Redis for the cache and the sessions -----------------------
    # A stopped Redis is a miss, not an error (samskab.core.cache): pages come from the
    # database, sessions from their table, a warning goes to the log and /healthz.
    CACHES = {
        "default": {
            "BACKEND": "samskab.core.cache.TolerantRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {
                "socket_connect_timeout": float(os.environ.get("REDIS_TIMEOUT", "0.5")),
                "socket_timeout": float(os.environ.get("REDIS_TIMEOUT", "0.5")),
            },
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Background tasks (Django tasks API, backport) ------------------------------------
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "immediate" if TESTING else "database")
_TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "rq": "django_tasks_rq.RQBackend",
}
if TASKS_BACKEND not in _TASK_BACKENDS:
    raise ImproperlyConfigured(f"TASKS_BACKEND must be one of {sorted(_TASK_BACKENDS)}")
TASKS = {"default": {"BACKEND": _TASK_BACKENDS[TASKS_BACKEND], "QUEUES": ["default"]}}
if TASKS_BACKEND == "rq":
    # Tasks in Redis, run by `manage.py rqworker --job-class django_tasks_rq.Job default`.
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
    RQ_QUEUES = {"default": {"URL": REDIS_URL or "redis://localhost:6379/0"}}

# --- Accounts -------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:profile"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_SIGNUP_FORM_CLASS = "samskab.accounts.forms.SignupForm"
ACCOUNT_ADAPTER = "samskab.accounts.adapter.AccountAdapter"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Samskab] "
# Every way into a session runs allauth's log-in stages (e-mail verification, then the
# second factor for anyone with an authenticator app): the admin's log-in page sends to
# allauth's, logging in on e-mail confirmation continues to the second factor, and a
# password reset does not log in.
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
# Failed log-ins: at most 10 a minute from one address and 5 per 5 minutes for one account
# (also counted for wrong second-factor codes). The address is samskab.core.client_ip's
# (the adapter's get_client_ip), so ALLAUTH_TRUSTED_PROXY_COUNT stays unset.
ACCOUNT_RATE_LIMITS = {"login_failed": "10/m/ip,5/300s/key"}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Samskab"
# Secretariat staff must have an authenticator app before they reach anything else.
STAFF_MFA_REQUIRED = env_bool("STAFF_MFA_REQUIRED", True)

# --- E-mail ---------------------------------------------------------------------------
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Samskab <noreply@samskab.localhost>")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
if os.environ.get("EMAIL_URL"):
    vars().update(dj_email_url.parse(os.environ["EMAIL_URL"]))
elif os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
    EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# --- Languages and time ---------------------------------------------------------------
LANGUAGE_CODE = "da"
# Each app keeps its own translations in <app>/locale (see README, "Translations").
LANGUAGES = [("da", "Dansk"), ("nb", "Norsk bokmål"), ("en", "English")]
# The project's reviewed wording of django-allauth's strings (tools/allauth_glossary.py);
# LOCALE_PATHS come before every app's catalogue in Django's lookup.
LOCALE_PATHS: list[Path] = [BASE_DIR / "samskab" / "locale"]
MODELTRANSLATION_DEFAULT_LANGUAGE = "da"
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("da", "nb", "en"), "nb": ("nb", "da", "en")}
USE_I18N = True
TIME_ZONE = "Europe/Copenhagen"
USE_TZ = True

# --- Files ----------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "var" / "static"))
WHITENOISE_USE_FINDERS = DEBUG or TESTING
NODE_MODULES = BASE_DIR / "node_modules"
STATICFILES_DIRS = [
    BASE_DIR / "samskab" / "static",
    ("vendor/designsystemet-css", NODE_MODULES / "@digdir" / "designsystemet-css" / "dist"),
    ("vendor/designsystemet-theme", NODE_MODULES / "@digdir" / "designsystemet-theme" / "brand"),
    ("vendor/htmx", NODE_MODULES / "htmx.org" / "dist"),
    ("vendor/inter", NODE_MODULES / "@fontsource" / "inter"),
]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "media"))
# `manage.py backup` without a folder: a dated folder here, the newest BACKUP_KEEP kept.
BACKUP_DIR = Path(os.environ.get("BACKUP_DIR", BASE_DIR / "var" / "backups"))
# The compound splitter's word lists, built from wordfreq by the first process that needs
# them and then shared (memory-mapped) by every process; empty: built in each process.
SEARCH_LEXICON_DIR = os.environ.get("SEARCH_LEXICON_DIR", str(BASE_DIR / "var" / "lexicon"))
BACKUP_KEEP = int(os.environ.get("BACKUP_KEEP", "14"))
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 30 * 1024 * 1024

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedStaticFilesStorage"
            if DEBUG or TESTING
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    # Any S3-compatible object store. Files are private: the app hands out signed URLs
    # only after a permission check.
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "access_key": os.environ.get("AWS_ACCESS_KEY_ID"),
            "secret_key": os.environ.get("AWS_SECRET_ACCESS_KEY"),
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }

# --- Security -------------------------------------------------------------------------
# Addresses or networks of our own reverse proxies (nginx). Only a request that comes from
# one of them has its X-Forwarded-For read: the client is the right-most address there that
# is not a trusted proxy (samskab.core.client_ip, which every rate limit counts by).
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", "")
for _proxy in TRUSTED_PROXIES:
    try:
        ipaddress.ip_network(_proxy, strict=False)
    except ValueError as exc:
        raise ImproperlyConfigured(f"TRUSTED_PROXIES: {_proxy!r} is not an IP address") from exc
HTTPS = env_bool("HTTPS", not DEBUG and not TESTING)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None
SECURE_SSL_REDIRECT = HTTPS and env_bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000")) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS and env_bool("SECURE_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# Whole-page cache for anonymous readers (seconds a page is kept; 0 turns it off), and the
# max-age sent to browsers and caches in front.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
PAGE_CACHE_MAX_AGE = int(os.environ.get("PAGE_CACHE_MAX_AGE", "60"))
# Count case readings in the shared cache (flushed by `manage.py flush_case_reads`) instead
# of an UPDATE per reading; then the case page, too, comes from the page cache. Needs a cache
# every process shares (Redis) when the flush runs in another process.
READ_COUNTS_IN_CACHE = env_bool("READ_COUNTS_IN_CACHE", bool(REDIS_URL))

# Guests (people without an account) one account may sign up for events: at once for one
# event, and in any hour across events. The event's organisers have no limit.
EVENT_GUESTS_PER_EVENT = int(os.environ.get("EVENT_GUESTS_PER_EVENT", "10"))
EVENT_GUESTS_PER_HOUR = int(os.environ.get("EVENT_GUESTS_PER_HOUR", "20"))

# --- Production (prodrun): logs, request ids, error reporting -------------------------
# LOG_FORMAT=json: one JSON object a line with the request id (X-Request-ID from nginx, or
# made by samskab.core.logs.RequestIdMiddleware, which returns it in the response).
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text")
if LOG_FORMAT not in {"text", "json"}:
    raise ImproperlyConfigured("LOG_FORMAT must be text or json")
MIDDLEWARE.insert(0, "samskab.core.logs.RequestIdMiddleware")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "samskab.core.logs.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "samskab.core.logs.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": LOG_FORMAT,
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}
# Errors to Sentry (or a compatible service) only when SENTRY_DSN is set; sentry-sdk is the
# optional extra `pip install -e '.[sentry]'`.
SENTRY_DSN = os.environ.get("SENTRY_DSN", "")
if SENTRY_DSN and not TESTING:
    try:
        import sentry_sdk
    except ImportError as exc:
        raise ImproperlyConfigured("SENTRY_DSN is set: pip install -e '.[sentry]'") from exc
    sentry_sdk.init(
        dsn=SENTRY_DSN,
        environment=os.environ.get("SENTRY_ENVIRONMENT", "production"),
        traces_sample_rate=float(os.environ.get("SENTRY_TRACES_SAMPLE_RATE", "0")),
        send_default_pii=False,
    )
