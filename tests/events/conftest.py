import pytest

from directory.events.models import Format


@pytest.fixture
def mediation(db):
    return Format.objects.get_or_create(
        name="Mediation / Konfliktbegleitung", defaults={"staff_only": True}
    )[0]


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator)
    return client
