"""Property-based tests from the served schema (schemathesis): whatever valid or odd request
the schema allows, no 5xx, and every answer matches the schema (status, content type, body),
for the public and for a member's token."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from directory.api.tokens import create_token
from tests.factories import (
    AgreementPartyFactory,
    ContactPersonFactory,
    DistrictFactory,
    EventFactory,
    LanguageFactory,
    PoliceUnitFactory,
    ProjectPartyFactory,
    TopicFactory,
)

pytestmark = [pytest.mark.slow, pytest.mark.django_db]
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.fixture
def api_schema(db, settings):
    settings.ALLOWED_HOSTS = ["localhost", "testserver"]
    # As Django's test client does: requests must not close the test's connection (its
    # transaction holds the data).
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield schemathesis.openapi.from_wsgi("/api/v1/schema/", get_wsgi_application())
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.fixture
def seeded(member):
    topic = TopicFactory(name="Rassismus")
    LanguageFactory(name="Arabisch", code="ar")
    DistrictFactory(name="Dortmund")
    top = PoliceUnitFactory(name="Präsidium")
    unit = PoliceUnitFactory(name="Wache", parent=top, is_public=False)
    ContactPersonFactory(visibility="public", topics=[topic], mobile="0170 1")
    ContactPersonFactory(police_unit=unit, organisation=None)
    AgreementPartyFactory(agreement__is_public=True)
    ProjectPartyFactory(project__is_public=True, project__topics=[topic])
    EventFactory(visibility="public", topics=[topic])
    return create_token(member, "Fuzzing")[1]


FUZZ = settings(
    max_examples=25,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)


def fuzz(api_schema, headers):
    """Each operation of the schema, with Hypothesis-generated requests (schemathesis's pytest
    plugin does not run under pytest 9, so its strategies are driven here). Returns how many
    requests each operation got, and prints it (`pytest -s` shows what ran)."""
    ran = {}
    for result in api_schema.get_all_operations():
        operation = result.ok()
        ran[f"{operation.method.upper()} {operation.path}"] = fuzz_operation(operation, headers)
    print(f"\nschemathesis: {sum(ran.values())} requests over {len(ran)} operations")
    for label, count in ran.items():
        print(f"  {count:3} {label}")
    return ran


def fuzz_operation(operation, headers):
    count = 0

    @FUZZ
    @given(case=operation.as_strategy())
    def run(case):
        nonlocal count
        count += 1
        case.call_and_validate(headers=headers, checks=CHECKS)

    run()
    return count


def test_api_answers_the_public_by_its_schema(api_schema, seeded):
    ran = fuzz(api_schema, {})

    assert len(ran) >= 15
    assert all(ran.values()), ran


def test_api_answers_a_members_token_by_its_schema(api_schema, seeded):
    ran = fuzz(api_schema, {"Authorization": f"Bearer {seeded}"})

    assert len(ran) >= 15
    assert all(ran.values()), ran
