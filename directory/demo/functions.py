"""Functions people hold, by the kind of their organisation or police unit: nobody is an Imam
at a police section or does state-security casework at an association.

A function is one neutral form ("Projektleitung") or a (female, male) pair; None in a pair
means the function is only held in the other form here (an Imam)."""

from directory.organisations.models import Organisation
from directory.police.models import PoliceUnit

Kind = Organisation.Kind
Unit = PoliceUnit.Kind

ORGANISATION_FUNCTIONS = {
    Kind.MOSQUE: [
        ("Vorsitzende des Moscheevereins", "Vorsitzender des Moscheevereins"),
        (None, "Imam"),
        ("Dialogbeauftragte der Gemeinde", "Dialogbeauftragter der Gemeinde"),
        ("Sicherheitsbeauftragte der Gemeinde", "Sicherheitsbeauftragter der Gemeinde"),
        ("Jugendbeauftragte", "Jugendbeauftragter"),
    ],
    Kind.MIGRANT_ORGANISATION: [
        ("Vorsitzende", "Vorsitzender"),
        "Projektkoordination",
        ("Integrationslotsin", "Integrationslotse"),
        "Vorstand, Öffentlichkeitsarbeit",
    ],
    Kind.COUNSELLING: [
        ("Beraterin", "Berater"),
        ("Leiterin der Beratungsstelle", "Leiter der Beratungsstelle"),
        "Projektleitung",
        ("Referentin für Antidiskriminierung", "Referent für Antidiskriminierung"),
    ],
    Kind.YOUTH: [
        ("Einrichtungsleiterin", "Einrichtungsleiter"),
        ("Sozialarbeiterin", "Sozialarbeiter"),
        ("Streetworkerin", "Streetworker"),
    ],
    Kind.RELIGIOUS: [
        "Vorstand",
        ("Geschäftsführerin", "Geschäftsführer"),
        ("Sicherheitsbeauftragte der Gemeinde", "Sicherheitsbeauftragter der Gemeinde"),
        ("Dialogbeauftragte", "Dialogbeauftragter"),
    ],
    Kind.NETWORK: ["Koordination", ("Sprecherin", "Sprecher"), "Geschäftsstelle"],
    Kind.EDUCATION: [
        ("Bildungsreferentin", "Bildungsreferent"),
        "Projektleitung",
        ("Trainerin für interkulturelle Kompetenz", "Trainer für interkulturelle Kompetenz"),
    ],
    Kind.ADVOCACY: [
        ("Geschäftsführerin", "Geschäftsführer"),
        ("Referentin", "Referent"),
        "Vorstand",
    ],
    Kind.ADVISORY_COUNCIL: [
        ("Vorsitzende", "Vorsitzender"),
        "Geschäftsstelle",
        ("Stellvertretende Vorsitzende", "Stellvertretender Vorsitzender"),
    ],
    Kind.OTHER: [("Vorsitzende", "Vorsitzender"), "Koordination Ehrenamt"],
}

POLICE_FUNCTIONS = {
    Unit.FEDERAL_AGENCY: [("Referentin", "Referent")],
    Unit.STATE_POLICE: [("Referentin im Leitungsstab", "Referent im Leitungsstab")],
    Unit.LKA: [("Referentin", "Referent")],
    Unit.PRESIDIUM: [("Referentin im Leitungsstab", "Referent im Leitungsstab")],
    Unit.DIRECTORATE: [("Direktionsleiterin", "Direktionsleiter"), "Stab, Prävention"],
    Unit.PRECINCT: [
        ("Abschnittsleiterin", "Abschnittsleiter"),
        ("Kontaktbereichsbeamtin", "Kontaktbereichsbeamter"),
    ],
    Unit.STATION: [
        ("Wachleiterin", "Wachleiter"),
        ("Bezirksdienstbeamtin", "Bezirksdienstbeamter"),
    ],
    Unit.LGBTI_CONTACT: ["Ansprechperson für LSBTI*"],
    Unit.PREVENTION: [
        ("Präventionsbeauftragte", "Präventionsbeauftragter"),
        ("Opferschutzbeauftragte", "Opferschutzbeauftragter"),
    ],
    Unit.DIALOGUE: [
        (
            "Referentin für Dialog und Vertrauensförderung",
            "Referent für Dialog und Vertrauensförderung",
        )
    ],
    # Kontaktbeamt:innen für muslimische Institutionen are an NRW office: named there only.
    Unit.STATE_SECURITY: [
        (
            "Sachbearbeiterin Politisch motivierte Kriminalität",
            "Sachbearbeiter Politisch motivierte Kriminalität",
        ),
        ("Sachbearbeiterin Hasskriminalität", "Sachbearbeiter Hasskriminalität"),
    ],
    Unit.COMMUNITY_OFFICERS: [("Bezirksdienstbeamtin", "Bezirksdienstbeamter")],
    Unit.OTHER_FUNCTION: [("Sachbearbeiterin", "Sachbearbeiter")],
}
