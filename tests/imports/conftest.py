"""What the import tests share: the organisations' import URLs and formats, a CSV file as
German office software writes it, uploading a file and confirming its dry run."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

IMPORT = reverse("admin:organisations_organisation_import")
PROCESS = reverse("admin:organisations_organisation_process_import")
CSV, XLSX = "0", "1"
HEADER = "Name;Rechtsform;Art;Ort;Bundesland;E-Mail;Themen"


def csv_file(*lines, encoding="utf-8"):
    text = "\r\n".join([HEADER.replace(";", ","), *(line.replace(";", ",") for line in lines)])
    return SimpleUploadedFile("liste.csv", text.encode(encoding), content_type="text/csv")


def upload(client, file, format=CSV, url=IMPORT):
    return client.post(url, {"import_file": file, "format": format, "resource": "0"})


def confirm(client, preview, url=PROCESS):
    form = preview.context["confirm_form"]
    return client.post(url, {name: form[name].value() for name in form.fields})
