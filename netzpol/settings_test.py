"""Test settings: the production settings made fast and quiet."""

import os

from netzpol import database

os.environ.setdefault("SECRET_KEY", "test-only-" + "k3y-" * 12)
os.environ.setdefault("DEBUG", "0")
# Tests are development tooling: without DATABASE_URL (environment or .env) they run on the
# embedded server, whose URL they ask for here, as production settings never would.
os.environ["DATABASE_URL"] = database.development_url()

from netzpol.settings import *  # noqa: F403

# The demo app's commands and data have their own tests (settings add it only with DEBUG).
if "directory.demo" not in INSTALLED_APPS:  # noqa: F405
    INSTALLED_APPS = [*INSTALLED_APPS, "directory.demo"]  # noqa: F405

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
SECURE_SSL_REDIRECT = False
LOGGING = {"version": 1, "disable_existing_loggers": False}
# Serve static files from the finders, as in development: tests do not run collectstatic.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# Tests request pages far faster than people do; the rate-limit test switches it back on.
RATELIMIT_ENABLE = False
# Most tests log curators in with force_login; the two-factor tests switch it back on.
NETZPOL_REQUIRE_2FA = False
# Browser tests talk plain HTTP to the live server: cookies cannot be HTTPS-only there.
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
# Several test runs on one server (e.g. a developer's parallel checkouts) each need their own
# test database.
if os.environ.get("NETZPOL_TEST_DATABASE"):
    DATABASES["default"]["TEST"] = {"NAME": os.environ["NETZPOL_TEST_DATABASE"]}  # noqa: F405
