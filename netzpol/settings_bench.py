"""Benchmark settings: production settings (no DEBUG, cached templates, persistent connections)
against the bench database, with the floor view mounted and the per-user limits off."""

import os

from netzpol import database

os.environ.setdefault("SECRET_KEY", "bench-only-" + "s3cr3t-" * 8)
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
# `make bench` names its database; otherwise the embedded server's (development tooling).
os.environ["DATABASE_URL"] = database.development_url()

from netzpol.settings import *  # noqa: F403

# seed_demo (the demo app) fills the bench database; settings add the app only with DEBUG.
INSTALLED_APPS = [
    *(app for app in INSTALLED_APPS if app != "directory.demo"),  # noqa: F405
    "directory.demo",
    "directory.bench",
]
ROOT_URLCONF = "directory.bench.urls"
RATELIMIT_ENABLE = False
NETZPOL_REQUIRE_2FA = False
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
LOGGING = {"version": 1, "disable_existing_loggers": False}
