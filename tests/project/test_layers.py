"""Knowledge runs downward (STYLE.md, "Which way imports run"): no app imports an app on its
own floor or above, and core names no higher app, not even as a string. Higher apps plug in
through core's registry (directory/core/registry.py) from their AppConfig.ready()."""

import ast
import re

import pytest
from django.apps import apps

from ..conftest import ROOT

DIRECTORY = ROOT / "directory"
# Each app's floor; an app may import only apps on lower floors.
FLOORS = {
    "core": 0,
    "organisations": 1,
    "police": 1,
    "contacts": 2,
    "agreements": 2,
    "projects": 2,
    "search": 3,
    "exports": 3,
    "reviews": 3,
    "accounts": 3,
    "events": 3,
    "api": 3,
    "requests": 3,
    # They put the features together: the data subject's rights, demo data, benchmarks.
    "privacy": 4,
    "demo": 4,
    "bench": 4,
    # Figures and the cooperation network read every entity app.
    "network": 4,
}
# Imports between apps on one floor, each with its reason; never both ways.
SIDEWAYS = {
    ("contacts", "agreements"): "the contact list's filter by the partners of an agreement",
    ("projects", "contacts"): "a project names its contact persons",
    ("projects", "agreements"): "a project's parties follow an agreement's (agreements/parties.py)",
    ("events", "exports"): "invitation and attendance lists are logged and printed as exports",
    ("search", "events"): "the search page has a section of events",
    ("api", "events"): "the open API lists events as it lists the other entries",
    ("bench", "network"): "uncached figures are measured after a new data version",
}
HIGHER_THAN_CORE = [app for app, floor in FLOORS.items() if floor > 0]
# Core's own words that happen to be an app's label: the privacy statement is a core page
# (LegalPage slug and URL name), not the privacy app.
CORE_OWN_WORDS = {"privacy"}


def modules(app):
    """The app's Python files, migrations aside (they are history, generated)."""
    return sorted(p for p in (DIRECTORY / app).rglob("*.py") if "migrations" not in p.parts)


def imported_apps(path, app, source=None):
    """The apps of `directory` that a module imports (anywhere in it, relative imports
    resolved), its own app aside."""
    source = path.read_text() if source is None else source
    package = path.relative_to(ROOT).parent.parts
    found = set()
    for node in ast.walk(ast.parse(source, filename=str(path))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level:
            base = ".".join(package[: len(package) - node.level + 1])
            if node.module:
                names = [f"{base}.{node.module}"]
            else:
                names = [f"{base}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module]
        else:
            continue
        for name in names:
            parts = name.split(".")
            if parts[0] == "directory" and len(parts) > 1 and parts[1] != app:
                found.add(parts[1])
    return found


def test_every_app_has_a_floor():
    on_disk = {p.parent.name for p in DIRECTORY.glob("*/apps.py")}
    assert on_disk == set(FLOORS)


@pytest.mark.parametrize("app", list(FLOORS))
def test_no_app_imports_an_app_on_its_floor_or_above(app):
    upward = {
        f"{path.relative_to(ROOT)} imports {other}"
        for path in modules(app)
        for other in imported_apps(path, app)
        if FLOORS[other] >= FLOORS[app] and (app, other) not in SIDEWAYS
    }
    assert upward == set()


def test_sideways_imports_run_one_way_on_one_floor():
    for app, other in SIDEWAYS:
        assert FLOORS[app] == FLOORS[other]
        assert (other, app) not in SIDEWAYS


def higher_names():
    """What names a higher app in a string: its label, its module path, its URL namespace,
    a model of it ("contacts.ContactPerson"), its tables, its templates and the names its
    relations give core's models (Topic.organisations)."""
    labels = "|".join(HIGHER_THAN_CORE)
    patterns = [
        rf"^({labels})$",
        rf"\bdirectory\.({labels})\b",
        rf"^({labels}):",
        rf"^({labels})\.[A-Za-z]",
        rf"(^|/)({labels})/",
    ]
    exact = set()
    for model in apps.get_models(include_auto_created=True):
        if model._meta.app_label in HIGHER_THAN_CORE:
            exact.add(model._meta.db_table)
    for model in apps.get_app_config("core").get_models():
        for relation in model._meta.related_objects:
            if relation.related_model._meta.app_label in HIGHER_THAN_CORE:
                exact.add(relation.get_accessor_name())
                exact.add(relation.name)
    return re.compile("|".join(patterns)), exact


def strings_of(path):
    """Every string constant of a module except docstrings (prose may mention anything)."""
    tree = ast.parse(path.read_text(), filename=str(path))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    ]


@pytest.mark.django_db
def test_core_names_no_higher_app_not_even_as_a_string():
    pattern, exact = higher_names()
    named = [
        f"{path.relative_to(ROOT)}:{line}: {text!r}"
        for path in modules("core")
        for line, text in strings_of(path)
        if text not in CORE_OWN_WORDS and (pattern.search(text) or text in exact)
    ]
    templates = [
        path
        for folder in ("templates/core", "templates/admin/core")
        for path in sorted((ROOT / folder).rglob("*.html"))
    ]
    labels = "|".join(HIGHER_THAN_CORE)
    in_templates = [
        f"{path.relative_to(ROOT)}: {match.group(0)}"
        for path in templates
        for match in re.finditer(rf"['\"]({labels})[:/][^'\"]*['\"]", path.read_text())
    ]
    assert named == []
    assert in_templates == []


def test_the_check_finds_what_it_looks_for(tmp_path):
    """The string check is not blind: it finds the knowledge that core held before."""
    pattern, exact = higher_names()
    before = tmp_path / "before.py"
    before.write_text(
        'CURATED_APPS = ["core", "contacts"]\n'
        'counts = {"organisations": 1}\n'
        'url = "exports:export"\n'
        'model = "reviews.CorrectionRequest"\n'
    )
    found = {text for _line, text in strings_of(before) if pattern.search(text) or text in exact}
    assert found == {"contacts", "organisations", "exports:export", "reviews.CorrectionRequest"}


def test_the_import_walk_finds_absolute_relative_and_late_imports():
    source = (
        "from directory.contacts.models import ContactPerson\n"
        "import directory.reviews.services\n"
        "from .. import search\n"
        "from . import registry\n"
        "def ready():\n"
        "    from ..exports import lists\n"
    )
    probe = DIRECTORY / "core" / "probe.py"  # never written: the text is passed in

    assert imported_apps(probe, "core", source) == {"contacts", "reviews", "search", "exports"}


def test_higher_apps_register_with_core_from_their_ready():
    from directory.core import registry

    assert {"core", "organisations", "police", "contacts", "agreements"} <= registry.curated_apps
    assert {"exports", "reviews"} <= registry.curated_apps
    assert {"organisations", "police_units", "contacts", "agreements"} <= set(registry.topic_usages)


def app_of(module_name):
    parts = module_name.split(".")
    return parts[1] if parts[0] == "directory" and len(parts) > 1 else None


def test_no_app_adds_to_the_admin_class_of_another():
    """An admin's own actions and inlines come from its app or below; what higher apps add,
    they register (core.registry), and the admin asks at request time."""
    from django.contrib import admin

    added = []
    for model_admin in admin.site._registry.values():
        owner = app_of(type(model_admin).__module__)
        if owner is None:
            continue
        for item in [*(type(model_admin).actions or []), *type(model_admin).inlines]:
            source = app_of(item.__module__)
            if source not in (None, owner) and FLOORS[source] >= FLOORS[owner]:
                added.append(f"{type(model_admin).__name__} <- {item.__module__}.{item.__name__}")
    assert added == []
