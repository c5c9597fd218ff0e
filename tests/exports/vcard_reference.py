"""The Python vCard writer the export used before the database wrote the cards (kept as the
reference the database's cards must equal byte for byte), and its values per entry."""

from django.db.models import TextField
from django.db.models.functions import Coalesce

from directory.exports import writers
from directory.exports.lists import Column, UTCStamp, either, link_to
from directory.police.models import PoliceUnit

FOLD_OCTETS = 75


def vcard_text(value):
    """A text value escaped as RFC 2426 (and 6350) ask: backslash, semicolon, comma and line
    breaks (any of CRLF, CR, LF becomes "\\n")."""
    if not value:
        return ""
    # Chained replace() is several times faster than str.translate() with a mapping.
    value = str(value).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    if "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value.replace("\n", "\\n")


def vcard_structured(*components):
    """A structured value (N, ADR, ORG): components escaped, separated by semicolons."""
    return ";".join(map(vcard_text, components))


def fold(line):
    """A content line folded to at most FOLD_OCTETS octets of UTF-8 a line (a continuation's
    leading space included), never inside a multi-byte character; CRLF between the lines."""
    if len(line) <= FOLD_OCTETS and line.isascii():
        return line
    data = line.encode()
    if len(data) <= FOLD_OCTETS:
        return line
    parts = []
    start, room = 0, FOLD_OCTETS
    while start < len(data):
        end = min(start + room, len(data))
        while end < len(data) and data[end] & 0xC0 == 0x80:  # inside a character: back off
            end -= 1
        parts.append(data[start:end].decode())
        start, room = end, FOLD_OCTETS - 1
    return "\r\n ".join(parts)


def vcard(card_fields):
    """One vCard 3.0 as UTF-8 bytes: the lines vobject wrote before (same properties, same
    escaping), by a writer small enough to keep up with the database (tests compare the two
    card by card)."""
    text = vcard_text
    get = card_fields.get
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        f"N:{text(get('family'))};{text(get('given'))};;;",
        "FN:" + text(card_fields["fn"]),
    ]
    if get("is_organisation"):
        # How Apple and Google mark a company card in vCard 3.0 (KIND came with 4.0).
        lines.append("X-ABSHOWAS:COMPANY")
    if get("org"):
        lines.append("ORG:" + vcard_structured(*card_fields["org"]))  # organisation, then units
    if get("title"):
        lines.append("TITLE:" + text(card_fields["title"]))
    for address in get("emails", ()):
        lines.append("EMAIL;TYPE=INTERNET,WORK:" + text(address))
    for number, kind in get("phones", ()):
        kinds = "WORK,VOICE" if kind == "WORK" else kind
        lines.append(f"TEL;TYPE={kinds}:" + text(number))
    address = get("address")
    if address:
        parts = (address.get(key) for key in ("street", "city", "region", "code", "country"))
        lines.append("ADR;TYPE=WORK:;;" + vcard_structured(*parts))
    if get("url"):
        lines.append("URL:" + text(card_fields["url"]))
    lines.append("UID:" + text(card_fields["uid"]))
    rev = card_fields["rev"]  # a UTC datetime, or its text as REV writes it
    lines.append("REV:" + (rev if isinstance(rev, str) else rev.strftime("%Y-%m-%dT%H:%M:%SZ")))
    lines.append("END:VCARD")
    data = ("\r\n".join(lines) + "\r\n").encode()
    if max(map(len, data.split(b"\r\n"))) <= FOLD_OCTETS:  # most cards: nothing to fold
        return data
    return ("\r\n".join(map(fold, lines)) + "\r\n").encode()


def address_of(values):
    if not (values["street"] or values["city"]):
        return None
    return {
        "street": values["street"],
        "code": values["postcode"],
        "city": values["city"],
        "region": values["land"] or "",
        "country": "Deutschland",
    }


def contact_card(contact, link):
    """A contact person's card; a functional contact (a team mailbox) is a company card."""
    affiliation = contact["affiliation"] or ""
    fields = {
        "title": contact["function"],
        "emails": [e for e in (contact["email"], contact["email_secondary"]) if e],
        "phones": [
            (n, kind) for n, kind in ((contact["phone"], "WORK"), (contact["mobile"], "CELL")) if n
        ],
        "address": address_of(contact),
        "url": link,
        "rev": contact["updated_at"],
    }
    if not contact["last_name"]:  # ContactPerson.is_functional
        fields |= {
            "fn": contact["functional_title"],
            "org": [affiliation, contact["functional_title"]],
            "is_organisation": True,
        }
    else:
        names = (contact["title"], contact["first_name"], contact["last_name"])
        fields |= {
            "fn": " ".join(name for name in names if name),  # ContactPerson.display_name
            "given": contact["first_name"],
            "family": contact["last_name"],
            "org": [affiliation],
        }
    return fields


def contact_card_values():
    plain = [
        "title", "first_name", "last_name", "functional_title", "function", "email",
        "email_secondary", "phone", "mobile",
    ]  # fmt: skip
    return {
        **{name: name for name in plain},
        "updated_at": UTCStamp("updated_at"),
        # A police unit named with the path the coordinator may read (as on the page).
        "affiliation": lambda request: Coalesce(
            "organisation__name",
            f"police_unit__{PoliceUnit.objects.path_field(request.user)}",
            output_field=TextField(),
        ),
        "street": either("street", "street"),
        "postcode": either("postcode", "postcode"),
        "city": either("city", "city"),
        "land": either("land__name", "land__name"),
        "link": link_to("contacts:detail"),
    }


def general_card(entry, link):
    """An organisation's or police unit's general contact as a company card."""
    return {
        "fn": entry["name"],
        "org": [entry["name"]],
        "is_organisation": True,
        "emails": [entry["email"]] if entry["email"] else [],
        "phones": [(entry["phone"], "WORK")] if entry["phone"] else [],
        "address": address_of(entry),
        "url": entry["website"] or link,
        "rev": entry["updated_at"],
    }


def general_card_values(detail_url_name):
    plain = ["name", "email", "phone", "street", "postcode", "city", "website"]
    return {
        **{name: name for name in plain},
        "updated_at": UTCStamp("updated_at"),
        "land": "land__name",
        "link": link_to(detail_url_name),
    }


def cards(entries, card_values, card, request):
    """The entries' cards as the export wrote them before: values from the database, each
    card by `card` (contact_card or general_card) and `vcard`."""
    expressions = {
        name: Column(name, name, source).expression(request) for name, source in card_values.items()
    }
    keys = list(expressions)
    values = entries.prefetch_related(None).annotate(
        **{f"card_{key}": expression for key, expression in expressions.items()}
    )
    data = b""
    for row in values.values_list(*(f"card_{key}" for key in keys)):
        card_values = dict(zip(keys, row, strict=True))
        link = card_values["link"]
        fields = card(card_values, link)
        fields["uid"] = f"urn:uuid:{writers.url_uuid(link.split('://', 1)[1])}"
        data += vcard(fields)
    return data
