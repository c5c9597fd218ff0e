"""Entry addresses remembered per worker (core.links): always what Django's reverse gives,
for the URLconf and script prefix in force."""

import pytest
from django.test import override_settings
from django.urls import clear_script_prefix, reverse, set_script_prefix

from directory.core.links import entry_url

NAMES = [
    "contacts:detail",
    "organisations:detail",
    "police:detail",
    "agreements:detail",
    "events:detail",
    "projects:detail",
    "exports:merkliste_save",
    "exports:merkliste_remove",
]


@pytest.mark.parametrize("name", NAMES)
def test_an_entry_s_address_is_django_s(name):
    for pk in (1, 7, 123456789, "42"):
        assert entry_url(name, pk) == reverse(name, kwargs={"pk": int(pk)})
        assert entry_url(name, pk) == reverse(name, kwargs={"pk": int(pk)})  # remembered


def test_a_script_prefix_and_another_urlconf_get_their_own_addresses():
    plain = entry_url("contacts:detail", 5)
    set_script_prefix("/verzeichnis/")
    try:
        assert entry_url("contacts:detail", 5) == "/verzeichnis" + plain
    finally:
        clear_script_prefix()
    assert entry_url("contacts:detail", 5) == plain
    with override_settings(ROOT_URLCONF="tests.core.urls_elsewhere"):
        assert entry_url("contacts:detail", 5) == "/anderswo" + plain
    assert entry_url("contacts:detail", 5) == plain
