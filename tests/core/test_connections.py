"""What core sets up on every database connection (directory/core/apps.py)."""

import pytest
from django.db import connection


@pytest.mark.django_db
def test_every_connection_defines_pgtriggers_ignore_list():
    # Undefined, each history trigger pays for a failing subtransaction (see core.apps).
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('pgtrigger.ignore', true)")
        assert cursor.fetchone() == ("{}",)
