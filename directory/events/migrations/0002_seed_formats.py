"""The exchange formats the offices run (issue 19); mediation is always staff-only."""

from django.db import migrations

FORMATS = [
    ("Arbeitskreis", False),
    ("Kooperationstreffen", False),
    ("Workshop", False),
    ("Fachtagung", False),
    ("Forum", False),
    ("offene Konferenz", False),
    ("Dialogforum", False),
    ("Hospitation („Blick in die Polizei“)", False),
    ("Schulung", False),
    ("Mediation / Konfliktbegleitung", True),
]


def seed(apps, schema_editor):
    Format = apps.get_model("events", "Format")
    for name, staff_only in FORMATS:
        Format.objects.update_or_create(name=name, defaults={"staff_only": staff_only})


def unseed(apps, schema_editor):
    Format = apps.get_model("events", "Format")
    Format.objects.filter(name__in=[name for name, _staff in FORMATS], exchange_events=None).delete()


class Migration(migrations.Migration):
    dependencies = [("events", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
