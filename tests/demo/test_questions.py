"""The README's ten questions, asked of the demo as a member asks them: each opens the search or
list URL the README gives and must find the entries that answer it (and not those that do not).

A question the portal cannot answer yet is marked xfail (strict) with the missing feature: once
the feature is there, the mark must go."""

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.db import transaction
from django.utils.http import urlencode

from directory.agreements.models import Agreement
from directory.contacts.models import ContactPerson
from directory.core.models import Language, Region, Topic
from directory.demo.management.commands.setup_demo import create_demo
from directory.organisations.models import Organisation
from directory.police.models import PoliceUnit

README = Path(__file__).resolve().parents[2] / "README.md"
pytestmark = pytest.mark.django_db  # each test in a savepoint of the module's demo


@dataclass(frozen=True)
class Ref:
    """A filter value given by name: the URL carries the entry's id."""

    model: type
    name: str
    kind: str = ""

    def get(self):
        lookup = {"name": self.name} | ({"kind": self.kind} if self.kind else {})
        return self.model.objects.get(**lookup)


def topic(name):
    return Ref(Topic, name)


def language(name):
    return Ref(Language, name)


def region(name, kind=Region.Kind.DISTRICT):
    return Ref(Region, name, kind)


@dataclass(frozen=True)
class Question:
    text: str
    path: str
    params: dict
    # (model, lookup) of the entries that answer it, and of entries that must not show
    expected: list
    absent: list = field(default_factory=list)
    waits_for: str = ""  # the search feature it needs, while the portal lacks it

    def url(self, number_of):
        """The URL with each named value as `number_of(entry)`."""
        values = {
            k: number_of(v.get()) if isinstance(v, Ref) else v for k, v in self.params.items()
        }
        return f"{self.path}?{urlencode(values)}"


DORTMUND_PP = "Polizei Nordrhein-Westfalen > Polizeipräsidium Dortmund"

QUESTIONS = [
    Question(
        "Wer ist bei der Polizei Dortmund für antisemitische Vorfälle ansprechbar?",
        "/ansprechpersonen/",
        {"topic": topic("Antisemitismus"), "region": region("Dortmund"), "affiliation": "police"},
        expected=[
            (ContactPerson, {"functional_title": "Kriminalinspektion Staatsschutz Dortmund"}),
            (ContactPerson, {"function__endswith": "der Kriminalinspektion Staatsschutz",
                             "police_unit__path__startswith": DORTMUND_PP}),
        ],
        absent=[(ContactPerson, {"functional_title": "Kompetenzzentrum Dialog und "
                                 "Vertrauensförderung"})],
    ),
    Question(
        "Welche Beratungsstelle in Neukölln spricht Arabisch?",
        "/organisationen/",
        {"region": region("Neukölln", Region.Kind.BOROUGH), "language": language("Arabisch"),
         "kind": Organisation.Kind.COUNSELLING},
        expected=[(Organisation, {"short_name": "ADB Geflüchtete"})],
        absent=[(Organisation, {"name": "Projekt Ankommen e.V."})],
    ),
    Question(
        "Wie erreiche ich die Ansprechpersonen für LSBTI* der Polizei Berlin?",
        "/suche/",
        {"q": "LSBTI Polizei Berlin"},
        expected=[
            (ContactPerson, {"functional_title": "Ansprechpersonen für LSBTI* der Polizei Berlin"}),
            (PoliceUnit, {"path": "Polizei Berlin > Ansprechpersonen für LSBTI*"}),
        ],
        absent=[(ContactPerson, {"functional_title": "Ansprechpersonen für LSBTI* der Polizei "
                                 "Hamburg"})],
    ),
    Question(
        "Wer ist bei der Polizei Dortmund Kontaktbeamtin oder Kontaktbeamter für muslimische "
        "Institutionen?",
        "/suche/",
        {"q": "Kontaktbeamte muslimische Institutionen Dortmund"},
        expected=[(ContactPerson, {"function__contains": "muslimische Institutionen",
                                   "police_unit__path__startswith": DORTMUND_PP})],
        absent=[(ContactPerson, {"function__contains": "muslimische Institutionen",
                                 "police_unit__path__contains": "Köln"})],
    ),
    Question(
        "Welche Kooperationsvereinbarungen gibt es in Dortmund, und wer hat sie unterzeichnet?",
        "/vereinbarungen/",
        {"region": region("Dortmund"), "status": Agreement.Status.ACTIVE},
        expected=[(Agreement, {"title__startswith": "Kooperationsvereinbarung Polizei Dortmund"})],
        absent=[(Agreement, {"title__contains": "Hamburg"})],
    ),
    Question(
        "Welche Polizeiabschnitte sind für Neukölln zuständig?",
        "/polizei/",
        {"region": region("Neukölln", Region.Kind.BOROUGH)},
        expected=[
            (PoliceUnit, {"path": "Polizei Berlin > Direktion 5 (City) > Abschnitt 54"}),
            (PoliceUnit, {"path": "Polizei Berlin > Direktion 5 (City) > Abschnitt 55"}),
            (PoliceUnit, {"path": "Polizei Berlin > Direktion 4 (Süd) > Abschnitt 48"}),
        ],
        absent=[
            (PoliceUnit, {"path": "Polizei Berlin > Direktion 2 (West)"}),
            (PoliceUnit, {"path": "Polizei Berlin > Direktion 2 (West) > Abschnitt 21"}),
        ],
    ),
    Question(
        "Welche Ansprechpersonen der Polizei in Neukölln sprechen Arabisch?",
        "/ansprechpersonen/",
        {"region": region("Neukölln", Region.Kind.BOROUGH), "language": language("Arabisch"),
         "affiliation": "police"},
        expected=[(ContactPerson, {"function__startswith": "Kontaktbereichsbeamt",
                                   "police_unit__name": "Abschnitt 54"})],
        absent=[(ContactPerson, {"function__startswith": "Kontaktbereichsbeamt",
                                 "police_unit__name": "Abschnitt 17"})],
    ),
    Question(
        "Wo kann man sich bei der Polizei Dortmund auf Türkisch beschweren?",
        "/ansprechpersonen/",
        {"q": "Beschwerde", "region": region("Dortmund"), "language": language("Türkisch")},
        expected=[(ContactPerson, {"functional_title": "Beschwerdemanagement der Polizei "
                                   "Dortmund"})],
    ),
    Question(
        "Welche Beratungsstellen in Berlin unterstützen Betroffene queerfeindlicher Gewalt?",
        "/organisationen/",
        {"topic": topic("Queerfeindlichkeit"), "region": region("Berlin", Region.Kind.LAND),
         "kind": Organisation.Kind.COUNSELLING},
        expected=[
            (Organisation, {"short_name": "MANEO"}),
            (Organisation, {"short_name": "LesMigraS"}),
        ],
        absent=[(Organisation, {"name": "Queeres Netzwerk Hamburg e.V."})],
    ),
    Question(
        "Welche Dienststellen der Polizei Sachsen sind für Rechtsextremismus zuständig?",
        "/polizei/",
        {"topic": topic("Rechtsextremismus"), "region": region("Sachsen", Region.Kind.LAND)},
        expected=[(PoliceUnit, {"short_name": "PTAZ"})],
        absent=[(PoliceUnit, {"name": "Ansprechperson für LSBTIQ*"}),
                (PoliceUnit, {"name": "Polizeidirektion Chemnitz"})],
    ),
]  # fmt: skip


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The development portal's demo, built once for the module and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        create_demo()
        yield
        transaction.set_rollback(True)


def fresh_number(entry):
    """The entry's id in a freshly created demo database (`make run`), where each reference
    table's ids start at 1; the test database's sequences have moved on."""
    first = type(entry).objects.order_by("pk").values_list("pk", flat=True).first()
    return entry.pk - first + 1


def links(entries):
    return {
        f'href="{model.objects.get(**lookup).get_absolute_url()}"': f"{model.__name__} {lookup}"
        for model, lookup in entries
    }


def marked(question):
    if not question.waits_for:
        return question
    return pytest.param(question, marks=pytest.mark.xfail(strict=True, reason=question.waits_for))


@pytest.mark.parametrize("question", [marked(q) for q in QUESTIONS], ids=range(1, 11))
def test_member_finds_the_answer(demo, member_client, question):
    response = member_client.get(question.url(lambda entry: entry.pk))

    assert response.status_code == 200
    page = response.content.decode()
    missing = [name for link, name in links(question.expected).items() if link not in page]
    shown = [name for link, name in links(question.absent).items() if link in page]
    assert not missing, f"{question.text}: not found {missing}"
    assert not shown, f"{question.text}: wrongly found {shown}"


def test_readme_lists_the_ten_questions_with_their_urls(demo):
    lines = README.read_text(encoding="utf-8").splitlines()

    assert len(QUESTIONS) == 10
    for question in QUESTIONS:
        url = question.url(fresh_number)
        assert any(question.text in line and f"`{url}`" in line for line in lines), (
            f"README: no line with “{question.text}” and `{url}`"
        )
