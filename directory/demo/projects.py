"""Demo cooperation projects, after the source texts: BAMF's project database ("Aktives
Begegnen" in Bremen), the 2013 exchange of experience between project sponsors, and projects
around the Dortmund and Berlin partnerships. Sponsors and partners are looked up among the demo
entries by name; one that is missing is left out. Descriptions are written for the demo."""

import datetime

from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from directory.core.dates import add_months
from directory.core.models import Region, Topic
from directory.organisations.models import Organisation
from directory.police.models import PoliceUnit
from directory.projects.models import Project, ProjectParty

PROJECTS = [
    {
        "title": "Aktives Begegnen – Geflüchtete und Polizeistudierende im Austausch",
        "status": Project.Status.COMPLETED,
        "starts_on": datetime.date(2020, 1, 1),
        "ends_on": datetime.date(2022, 12, 31),
        "funder": "Bundesamt für Migration und Flüchtlinge (BAMF)",
        "funding_programme": "Förderung von Kooperationsprojekten zwischen Polizei und "
        "Zivilgesellschaft",
        "regions": ["Bremen"],
        "topics": ["Rassismus", "Dialog und Vertrauensbildung"],
        "goals": "Vorurteile auf beiden Seiten abbauen: Geflüchtete und angehende "
        "Polizist:innen lernen einander in Alltagssituationen kennen.",
        "activities": "Begegnungstage in Unterkünften und an der Hochschule\n"
        "Gemeinsame Workshops zu Rechten und Pflichten im Kontakt mit der Polizei\n"
        "Videodokumentation des Projekts",
        "target_groups": "Geflüchtete junge Erwachsene; Studierende der Polizeiausbildung",
        "results": "Die Begegnungen wurden in den Studienplan übernommen; die "
        "Videodokumentation wird in der Ausbildung gezeigt.",
        "sponsors": ["Polizei Bremen"],
        "partners_in": "Bremen",
        "is_public": True,
    },
    {
        "title": "Erfahrungsaustausch der Projektträger Polizei und Muslime",
        "status": Project.Status.COMPLETED,
        "starts_on": datetime.date(2013, 5, 1),
        "ends_on": datetime.date(2013, 12, 31),
        "funder": "Bundesamt für Migration und Flüchtlinge (BAMF)",
        "funding_programme": "Clearingstelle Präventionsprojekte",
        "regions": [],
        "topics": ["Muslimfeindlichkeit"],
        "goals": "Träger von Kooperationsprojekten zwischen Polizei und muslimischen "
        "Organisationen lernen voneinander.",
        "activities": "Bundesweites Treffen der Projektträger\nProjektdatenbank",
        "target_groups": "Projektträger aus Polizei und muslimischen Organisationen",
        "results": "Dokumentation der Projekte und Empfehlungen für neue Kooperationen.",
        "sponsors": [],
        "sponsoring_organisations": ["KoSiZu"],
        "partners_in": None,
        "is_public": False,
    },
    {
        "title": "Blick in die Polizei – offene Dialogabende in Dortmund",
        "status": Project.Status.RUNNING,
        "starts_on": datetime.date(2024, 9, 1),
        "ends_on": None,
        "funder": "",
        "funding_programme": "",
        "regions": ["Dortmund"],
        "topics": ["Racial Profiling", "Dialog und Vertrauensbildung"],
        "goals": "Einblick in die Arbeit der Polizei geben und Beschwerden einen Ort geben.",
        "activities": "Besuche auf Polizeiwachen\nDialogforen in den Stadtbezirken",
        "target_groups": "Mitglieder der Partnerorganisationen, Jugendliche",
        "results": "",
        "sponsors": ["Polizeipräsidium Dortmund"],
        "partners_in": "Dortmund",
        "is_public": True,
    },
    {
        "title": "Sicher beten – Schutzkonzepte für Gebetsstätten in Berlin",
        "status": Project.Status.PLANNED,
        "starts_on": datetime.date(2026, 3, 1),
        "ends_on": datetime.date(2027, 2, 28),
        "funder": "Land Berlin",
        "funding_programme": "Landesprogramm gegen Rechtsextremismus, Rassismus und Antisemitismus",
        "amount": 60000,
        "regions": ["Berlin"],
        "topics": ["Sicherheit von Gebetsstätten", "Muslimfeindlichkeit", "Antisemitismus"],
        "goals": "Gemeinden und Polizei erarbeiten gemeinsam Schutzkonzepte.",
        "activities": "Begehungen mit den Präventionsbeauftragten\nSchulungen für Ordner:innen",
        "target_groups": "Vorstände und Ehrenamtliche von Moscheegemeinden und Synagogen",
        "results": "",
        "sponsors": ["Polizei Berlin"],
        "partners_in": "Berlin",
        "is_public": True,
    },
]


def _unit(name):
    return PoliceUnit.objects.filter(name=name).order_by("pk").first()


def _partners_in(region_name, count=2):
    """Local organisations of the region: not the nationwide networks active everywhere."""
    return list(
        Organisation.objects.annotate(active_in=Count("regions"))
        .filter(
            active_in__lte=2,
            pk__in=Organisation.regions.through.objects.filter(region__name=region_name).values(
                "organisation_id"
            ),
        )
        .order_by("pk")[:count]
    )


@transaction.atomic
def create_demo_projects(today=None):
    """The demo projects, once (none are added when any project exists); returns how many."""
    if Project.objects.exists():
        return 0
    today = today or timezone.localdate()
    for spec in PROJECTS:
        spec = dict(spec)
        regions = spec.pop("regions")
        topics = spec.pop("topics")
        sponsors = spec.pop("sponsors")
        partners_in = spec.pop("partners_in")
        sponsoring = spec.pop("sponsoring_organisations", [])
        verified_on = today - datetime.timedelta(days=60)
        project = Project.objects.create(
            **spec, verified_on=verified_on, review_due=add_months(verified_on, 12)
        )
        project.regions.set(Region.objects.filter(name__in=regions, parent__isnull=True))
        if not project.regions.exists() and regions:
            project.regions.set(Region.objects.filter(name__in=regions)[:1])
        project.topics.set(Topic.objects.filter(name__in=topics))
        parties = [
            ProjectParty(project=project, police_unit=unit, role=ProjectParty.Role.SPONSOR)
            for unit in (_unit(name) for name in sponsors)
            if unit
        ]
        parties += [
            ProjectParty(project=project, organisation=organisation, role="sponsor")
            for name in sponsoring
            if (organisation := Organisation.objects.filter(name__contains=name).first())
        ]
        partners = _partners_in(partners_in) if partners_in else []
        if partners and not parties:
            parties.append(
                ProjectParty(project=project, organisation=partners.pop(0), role="sponsor")
            )
        parties += [
            ProjectParty(project=project, organisation=o, role=ProjectParty.Role.PARTNER)
            for o in partners
        ]
        ProjectParty.objects.bulk_create(parties)
    return len(PROJECTS)
