from django.db import migrations

from directory.exports.cells import DROP_SPREADSHEET_TEXT_SQL, SPREADSHEET_TEXT_SQL


class Migration(migrations.Migration):
    dependencies = [("exports", "0002_exportlog_contact_ids_and_more")]

    operations = [migrations.RunSQL(SPREADSHEET_TEXT_SQL, DROP_SPREADSHEET_TEXT_SQL)]
