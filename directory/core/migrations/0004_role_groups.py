"""The role groups (see directory/core/roles.py). Their permissions are set after every
migrate (post_migrate), once the permission rows exist."""

from django.db import migrations

GROUP_NAMES = ["Mitglieder", "Koordination", "Redaktion"]


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in GROUP_NAMES:
        Group.objects.get_or_create(name=name)


class Migration(migrations.Migration):
    dependencies = [("core", "0003_initial"), ("auth", "0012_alter_user_first_name_max_length")]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
