#!/usr/bin/env python
"""Django's command-line utility for the NetZPol portal."""

import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "netzpol.settings")
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line
    from django.db import DatabaseError

    from netzpol.database import EmbeddedServerError

    try:
        execute_from_command_line(sys.argv)
    except (ImproperlyConfigured, EmbeddedServerError) as exc:
        sys.exit(f"netzpol: configuration error: {exc}")
    except DatabaseError as exc:
        # A wrong DATABASE_URL or a server that is down: one line, not a traceback wall.
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        sys.exit(f"netzpol: database error: {first_line}")


if __name__ == "__main__":
    main()
