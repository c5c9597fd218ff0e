"""The SQL the code declares, and where the database holds something else.

Triggers are declared on their models with django-pgtrigger; SQL functions with
`declare_function(sql)` next to the code that uses them. Migrations install frozen copies of
both (a migration never imports this code, whose text changes later), so a change in the code
needs a new migration, and `drift()` tells whether the database holds what the code declares.
"""

import re

import pgtrigger
from django.db import DatabaseError, connections, transaction

_functions = []

# Functions libraries install: pgtrigger with every trigger, pghistory in its own migrations.
LIBRARY_FUNCTIONS = {"_pgtrigger_should_ignore", "_pgh_attach_context"}


def declare_function(sql):
    """Declare the `CREATE OR REPLACE FUNCTION` statement `sql` as what the database must hold."""
    _functions.append(sql)
    return sql


def declared_functions():
    return list(_functions)


# Functions in the public schema, except those of extensions (unaccent, pg_trgm, ...).
FUNCTIONS = """
    SELECT p.oid::regprocedure::text, pg_get_functiondef(p.oid) FROM pg_proc p
    WHERE p.pronamespace = 'public'::regnamespace AND p.prokind = 'f'
        AND NOT EXISTS (
            SELECT FROM pg_depend d
            WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
        )
"""
# Every trigger someone made (not those behind foreign keys) on tables in the public schema.
TRIGGERS = """
    SELECT t.tgrelid::regclass::text || ': ' || t.tgname,
        concat_ws(E'\\n', pg_get_triggerdef(t.oid), 'enabled: ' || t.tgenabled::text,
            'comment: ' || obj_description(t.oid, 'pg_trigger'))
    FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
    WHERE NOT t.tgisinternal AND c.relnamespace = 'public'::regnamespace
"""


def drift(functions=None, using="default"):
    """How the database differs from what the code declares, one line per difference; empty
    when it holds exactly the declared functions and triggers.

    Installs every declared function and trigger inside a savepoint, reads what PostgreSQL then
    holds (`pg_get_functiondef`, `pg_get_triggerdef`), and rolls back: whatever that install
    would change or add differs from the code, and whatever it does not declare is left over.
    `functions` defaults to the declared ones. Takes brief table locks: for tests and checks,
    not the busy portal."""
    from pghistory.models import Context

    functions = declared_functions() if functions is None else functions
    triggers = [(model, trigger.compile(model)) for model, trigger in pgtrigger.registered()]
    declared_names = {_function_name(sql) for sql in functions} | LIBRARY_FUNCTIONS
    declared_names |= {trigger.sql.pgid for _model, trigger in triggers}
    declared_triggers = {
        f"trigger {model._meta.db_table}: {trigger.sql.pgid}" for model, trigger in triggers
    }
    problems = []
    with transaction.atomic(using=using), connections[using].cursor() as cursor:
        savepoint = transaction.savepoint(using=using)
        try:
            installed = _read(cursor)
            for sql in [*functions, *(trigger.install_sql for _model, trigger in triggers)]:
                problems += _install(cursor, sql, using)
            Context.install_pgh_attach_context_func(using=using)
            declared = _read(cursor)
        finally:
            transaction.savepoint_rollback(savepoint, using=using)

    def is_declared(name):
        if name.startswith("trigger "):
            return name in declared_triggers
        return name.removeprefix("function ").split("(", 1)[0] in declared_names

    for name in sorted(installed.keys() | declared.keys()):
        if name not in installed:
            problems.append(f"declared but not installed: {name}")
        elif not is_declared(name):
            problems.append(f"installed but not declared: {name}")
        elif installed[name] != declared[name]:
            problems.append(f"installed differs from declared: {name}")
    return problems


def _function_name(sql):
    match = re.search(r"CREATE\s+(?:OR\s+REPLACE\s+)?FUNCTION\s+(?:public\.)?(\w+)", sql, re.I)
    if not match:
        raise ValueError(f"Not a CREATE FUNCTION statement: {sql.strip()[:80]}")
    return match.group(1)


def _read(cursor):
    cursor.execute(FUNCTIONS)
    found = {f"function {name}": text for name, text in cursor.fetchall()}
    cursor.execute(TRIGGERS)
    found |= {f"trigger {name}": text for name, text in cursor.fetchall()}
    return found


def _install(cursor, sql, using):
    try:
        with transaction.atomic(using=using):
            cursor.execute(sql)
    except DatabaseError as error:
        return [f"cannot install the declared SQL ({error}): {sql.strip()[:200]}"]
    return []
