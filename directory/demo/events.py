"""Demo exchange formats, after the source texts: the forums and the open conference of the
Dortmund cooperation agreement, an Arbeitskreis in Berlin, KoSiZu's national conference and a
"Blick in die Polizei" visit. Invitations go to the contacts of the agreement's partners, so a
coordinator sees answers and attendance. Dates are relative to today, so the demo always has
past and coming events. Texts are written for the demo."""

import datetime

from django.db import transaction
from django.utils import timezone

from directory.agreements.models import Agreement
from directory.contacts.models import ContactPerson
from directory.core.models import Region, Topic
from directory.events.models import Event, Format, Invitation, Series, Visibility
from directory.police.models import PoliceUnit
from directory.projects.models import Project

DORTMUND_AGREEMENT = "Kooperationsvereinbarung Polizei Dortmund"

EVENTS = [
    {
        "title": "2. Forum der Dortmunder Kooperationsvereinbarung",
        "format": "Forum",
        "days": -40,
        "hours": 3,
        "place": "Polizeipräsidium Dortmund, Markgrafenstraße 102, 44139 Dortmund",
        "region": "Dortmund",
        "topics": ["Dialog und Vertrauensbildung", "Racial Profiling"],
        "units": ["Polizeipräsidium Dortmund"],
        "agreement": DORTMUND_AGREEMENT,
        "status": Event.Status.HELD,
        "visibility": Visibility.MEMBERS,
        "description": "Die Partnerorganisationen und das Polizeipräsidium ziehen Bilanz des "
        "ersten Jahres: Was hat sich bei Beschwerden und Hinweisen verändert, wo hakt es "
        "noch? Mit Berichten aus den Stadtbezirken und Arbeitsgruppen am Nachmittag.",
        "invite": 12,
    },
    {
        "title": "Offene Konferenz: Gemeinsam gegen Hasskriminalität in Dortmund",
        "format": "offene Konferenz",
        "days": 45,
        "hours": 6,
        "place": "Dietrich-Keuning-Haus, Leopoldstraße 50–58, 44147 Dortmund",
        "region": "Dortmund",
        "topics": ["Rassismus", "Antisemitismus", "Muslimfeindlichkeit"],
        "units": ["Polizeipräsidium Dortmund"],
        "agreement": DORTMUND_AGREEMENT,
        "status": Event.Status.INVITED,
        "visibility": Visibility.PUBLIC,
        "capacity": 120,
        "deadline_days": 30,
        "public_registration": True,
        "description": "Offen für weitere Organisationen, die der Kooperation beitreten "
        "möchten: Vorstellung der Vereinbarung, Erfahrungen der Partner, Gespräch mit der "
        "Polizeiführung. Anmeldung über das Formular auf dieser Seite; die Geschäftsstelle "
        "bestätigt jede Anmeldung per E-Mail.",
        "invite": 8,
    },
    {
        "title": "Arbeitskreis Schutz von Gebetsstätten – Herbsttreffen",
        "format": "Arbeitskreis",
        "series": "Arbeitskreis Schutz von Gebetsstätten Berlin",
        "days": 20,
        "hours": 2,
        "place": "Polizei Berlin, Platz der Luftbrücke 6, 12101 Berlin",
        "region": "Berlin",
        "topics": ["Sicherheit von Gebetsstätten", "Antisemitismus", "Muslimfeindlichkeit"],
        "units": ["Polizei Berlin"],
        "agreement": "Sicherheitsdialog Gebetsstätten Berlin",
        "projects": ["Sicher beten"],
        "status": Event.Status.INVITED,
        "visibility": Visibility.MEMBERS,
        "capacity": 25,
        "deadline_days": 14,
        "description": "Stand der Schutzkonzepte, Erfahrungen mit den Begehungen, Planung "
        "der Schulungen für Ordnerinnen und Ordner im Frühjahr.",
        "invite": 10,
    },
    {
        "title": "Fachtagung „Sicher zusammenleben“ 2027",
        "format": "Fachtagung",
        "days": 120,
        "hours": 8,
        "place": "Nürnberg und online",
        "online_url": "https://konferenz.example.org/fachtagung-2027",
        "region": None,
        "topics": ["Muslimfeindlichkeit", "Dialog und Vertrauensbildung"],
        "units": [],
        "status": Event.Status.PLANNED,
        "visibility": Visibility.PUBLIC,
        "projects": ["Erfahrungsaustausch der Projektträger"],
        "description": "Die bundesweite Fachtagung des Netzwerks: Projekte stellen sich vor, "
        "Workshops zu Kooperationsvereinbarungen, Beschwerdewegen und Schutzkonzepten.",
        "invite": 0,
    },
    {
        "title": "Blick in die Polizei: Besuch der Polizeiwache Nord",
        "format": "Hospitation („Blick in die Polizei“)",
        "days": -10,
        "hours": 3,
        "place": "Polizeiwache Nord, Dortmund",
        "region": "Dortmund",
        "topics": ["Dialog und Vertrauensbildung"],
        "units": ["Polizeipräsidium Dortmund"],
        "agreement": DORTMUND_AGREEMENT,
        "projects": ["Blick in die Polizei"],
        "status": Event.Status.HELD,
        "visibility": Visibility.MEMBERS,
        "capacity": 15,
        "description": "Ein Abend auf der Wache: Wie läuft eine Anzeige, was passiert nach "
        "einem Notruf, wer ist Ansprechperson bei rassistischen Vorfällen?",
        "invite": 6,
    },
]

# Answers and attendance of the invitees, in turn (past events get attendance).
ANSWERS = [
    Invitation.State.ACCEPTED,
    Invitation.State.ACCEPTED,
    Invitation.State.DECLINED,
    Invitation.State.MAYBE,
    Invitation.State.ACCEPTED,
    Invitation.State.INVITED,
]
ATTENDANCE = {
    Invitation.State.ACCEPTED: Invitation.Attendance.ATTENDED,
    Invitation.State.MAYBE: Invitation.Attendance.NO_SHOW,
    Invitation.State.DECLINED: Invitation.Attendance.EXCUSED,
}


def _invitees(agreement, count):
    """Contacts with an email address at the agreement's partners, one per address."""
    if agreement is None or not count:
        return []
    parties = agreement.parties.all()
    contacts = ContactPerson.objects.exclude(email="").filter(
        organisation_id__in=parties.exclude(organisation=None).values("organisation_id")
    ) | ContactPerson.objects.exclude(email="").filter(
        police_unit_id__in=parties.exclude(police_unit=None).values("police_unit_id")
    )
    return list(contacts.order_by("pk").one_per_email()[:count])


@transaction.atomic
def create_demo_events(now=None):
    """The demo events, once (none are added when any event exists); returns how many."""
    if Event.objects.exists():
        return 0
    now = now or timezone.now()
    today = timezone.localtime(now).replace(hour=10, minute=0, second=0, microsecond=0)
    for spec in EVENTS:
        starts = today + datetime.timedelta(days=spec["days"])
        agreement = (
            Agreement.objects.filter(title__startswith=spec["agreement"]).first()
            if spec.get("agreement")
            else None
        )
        event = Event.objects.create(
            title=spec["title"],
            format=Format.objects.get_or_create(name=spec["format"])[0],
            series=(
                Series.objects.get_or_create(name=spec["series"])[0] if "series" in spec else None
            ),
            starts_at=starts,
            ends_at=starts + datetime.timedelta(hours=spec["hours"]),
            place=spec["place"],
            online_url=spec.get("online_url", ""),
            region=Region.objects.filter(name=spec["region"]).order_by("pk").first()
            if spec["region"]
            else None,
            agreement=agreement,
            description=spec["description"],
            status=spec["status"],
            visibility=spec["visibility"],
            capacity=spec.get("capacity"),
            public_registration=spec.get("public_registration", False),
            registration_deadline=(
                (starts - datetime.timedelta(days=spec["deadline_days"])).date()
                if "deadline_days" in spec
                else None
            ),
        )
        event.topics.set(Topic.objects.filter(name__in=spec["topics"]))
        event.police_units.set(PoliceUnit.objects.filter(name__in=spec["units"]))
        for title in spec.get("projects", []):
            event.projects.add(*Project.objects.filter(title__startswith=title))
        past = starts < now
        Invitation.objects.bulk_create(
            Invitation(
                event=event,
                contact=contact,
                state=(state := ANSWERS[i % len(ANSWERS)]),
                answered_at=None
                if state == Invitation.State.INVITED
                else starts - datetime.timedelta(days=7),
                attendance=ATTENDANCE.get(state, "") if past else "",
                sent_at=starts - datetime.timedelta(days=21),
            )
            for i, contact in enumerate(_invitees(agreement, spec["invite"]))
        )
    return len(EVENTS)
