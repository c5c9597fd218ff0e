"""What the export tests share: the contacts' export URL, posting the export form, reading
the (streamed) file."""

import csv
import io

from django.urls import reverse

from directory.exports import views

CONTACTS = reverse("exports:export", args=["ansprechpersonen"])


def post_export(client, url, **data):
    form = {"format": "csv", "delimiter": ";", "purpose": "Einladung Fachtag Antisemitismus"}
    form.update(data)
    if "columns" not in data:
        form["columns"] = [c.key for c in views.LISTS["ansprechpersonen"].columns if c.default]
    return client.post(url, form)


def body(response):
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.getvalue() if hasattr(response, "getvalue") else response.content


def csv_rows(response, delimiter=";"):
    raw = body(response)
    assert raw.startswith("\ufeff".encode())
    text = raw.decode("utf-8-sig")
    assert "\r\n" in text
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
