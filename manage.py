#!/usr/bin/env python
"""Django's command-line utility for the NetZPol portal."""

import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "netzpol.settings")
    try:
        from django.conf import settings
        from django.core.exceptions import ImproperlyConfigured
        from django.core.management import execute_from_command_line
        from django.db import DatabaseError

        from netzpol.database import EmbeddedServerError
    except ImportError as exc:
        sys.exit(missing(exc))

    try:
        # Load the settings first: Django's command runner swallows an ImportError in them and
        # fails later with "Models aren't loaded yet".
        settings.INSTALLED_APPS  # noqa: B018
        execute_from_command_line(sys.argv)
    except ImportError as exc:
        sys.exit(missing(exc))
    except (ImproperlyConfigured, EmbeddedServerError) as exc:
        sys.exit(f"netzpol: configuration error: {exc}")
    except DatabaseError as exc:
        # A wrong DATABASE_URL or a server that is down: one line, not a traceback wall.
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        sys.exit(f"netzpol: database error: {first_line}")


def missing(exc):
    return (
        f"netzpol: missing Python package {exc.name!r}: run `make install` and use "
        ".venv/bin/python (the Makefile targets do both)"
    )


if __name__ == "__main__":
    main()
