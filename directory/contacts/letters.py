"""The opening line of a letter to a contact ("Briefanrede"), in German or English, for mail
merges: once in Python (detail page, vCard) and once as SQL (the exports, which the database
writes). tests/contacts/test_letters.py holds the two together.

German: "Sehr geehrte Frau Dr. Yılmaz," / "Sehr geehrter Herr Prof. Dr. Weber," / for a person
who asked to be addressed neutrally "Guten Tag Kim Weber," / for a team mailbox "Sehr geehrte
Damen und Herren,". English: "Dear Ms Yılmaz," / "Dear Dr Yılmaz," (a title replaces Ms or Mr)
/ "Dear Kim Weber," / "Dear Sir or Madam,"."""

from django.db.models import Case, F, Func, TextField, Value, When
from django.db.models.functions import Coalesce, NullIf, Replace

FRAU = "frau"
HERR = "herr"
TO_TEAM = {"de": "Sehr geehrte Damen und Herren,", "en": "Dear Sir or Madam,"}
GERMAN_WORDS = {FRAU: "Sehr geehrte Frau", HERR: "Sehr geehrter Herr"}
ENGLISH_WORDS = {FRAU: "Ms", HERR: "Mr"}


def language_of(code):
    """English for an English export or page, German otherwise."""
    return "en" if (code or "").lower().startswith("en") else "de"


def words(*parts):
    return " ".join(part.strip() for part in parts if part and part.strip())


def english_title(title):
    """British usage, as the English exports write it: "Dr", "Prof Dr" (no full stops)."""
    return title.replace(".", "")


def opening(contact, language):
    """The letter's opening for `contact` (a ContactPerson, or anything with its fields)."""
    language = language_of(language)
    if not contact.last_name:
        return TO_TEAM[language]
    form = contact.form_of_address
    if language == "en":
        title = english_title(contact.title).strip()
        if form in ENGLISH_WORDS:
            return words("Dear", title or ENGLISH_WORDS[form], contact.last_name) + ","
        return words("Dear", title, contact.first_name, contact.last_name) + ","
    if form in GERMAN_WORDS:
        return words(GERMAN_WORDS[form], contact.title, contact.last_name) + ","
    return words("Guten Tag", contact.title, contact.first_name, contact.last_name) + ","


class Words(Func):
    """Non-empty parts joined by single spaces (concat_ws skips NULL); NULL for none."""

    function = "CONCAT_WS"
    output_field = TextField()

    def __init__(self, *parts):
        trimmed = [NullIf(Func(part, function="BTRIM"), Value("")) for part in parts]
        super().__init__(Value(" "), *trimmed, output_field=TextField())

    def as_sql(self, compiler, connection, **extra_context):
        sql, params = super().as_sql(compiler, connection, **extra_context)
        return f"NULLIF({sql}, '')", params


def opening_expression(language, prefix=""):
    """`opening` in SQL, for contacts (`prefix` for a path to them, e.g. "contact__")."""
    language = language_of(language)

    def field(name):
        return F(f"{prefix}{name}")

    def line(*parts):
        return Func(Words(*parts), Value(","), function="CONCAT", output_field=TextField())

    title, first, last = field("title"), field("first_name"), field("last_name")
    team = When(**{f"{prefix}last_name": ""}, then=Value(TO_TEAM[language]))
    if language == "en":
        title = Replace(title, Value("."), Value(""))
        addressed = [
            When(
                **{f"{prefix}form_of_address": code},
                then=line(Value("Dear"), Coalesce(Words(title), Value(word)), last),
            )
            for code, word in ENGLISH_WORDS.items()
        ]
        neutral = line(Value("Dear"), title, first, last)
    else:
        addressed = [
            When(**{f"{prefix}form_of_address": code}, then=line(Value(word), title, last))
            for code, word in GERMAN_WORDS.items()
        ]
        neutral = line(Value("Guten Tag"), title, first, last)
    return Case(team, *addressed, default=neutral, output_field=TextField())
