"""Python's `fold` (highlighting, imports) and the database's `netzpol_fold` (search) agree."""

import unicodedata

import pytest
from django.db import connection
from psycopg import sql

from directory.core.search import search_stems
from directory.core.text import fold, highlight

pytestmark = pytest.mark.django_db

NAMES = [
    # German
    "Müller", "Mueller", "MÜLLER", "Straße", "STRASSE", "Größe", "Jörg Öztürk", "Ünal Äbe",
    # Polish, Scandinavian, Icelandic, Croatian, Maltese, Catalan
    "Łódź", "Wałęsa", "Øresund", "Søren Kierkegaard", "Ærø", "Æsir", "æble", "Þór Guðmundsson",
    "Đurđević", "Ħamrun", "Paral·lel", "Ŀlorenç",
    # Turkish: dotless ı, dotted İ
    "Yıldız", "İstanbul", "IŞIK", "Çağlar", "Ağaoğlu", "Şahin",
    # French, ligatures
    "Œuvre", "cœur", "ﬁnanz", "ﬂoß", "Ĳssel", "Ǆemal",
    # Arabic names, transliterated and in Arabic script
    "Muḥammad", "ʿAbd al-Raḥmān", "Āl Saʿūd", "Ṣāliḥ", "أحمد", "محمد",
    # Cyrillic names, transliterated and in Cyrillic
    "Ščukin", "Žukov", "Čechov", "Щукин", "Сергей Фёдоров", "Йылдыз", "Ївга",
    # Vietnamese, Romanian, Hausa
    "Nguyễn Thị Thủy", "Ștefan Țiriac", "Ɗanjuma Ƙofar",
]  # fmt: skip


def database_fold(values, function="netzpol_fold"):
    call = sql.SQL("SELECT {}(v) FROM unnest(%s::text[]) WITH ORDINALITY AS t(v, i) ORDER BY i")
    with connection.cursor() as cursor:
        cursor.execute(call.format(sql.Identifier(function)), [values])
        return [row[0] for row in cursor.fetchall()]


def test_python_and_database_fold_names_alike():
    assert [fold(name) for name in NAMES] == database_fold(NAMES)


def letters(*blocks):
    return [
        chr(code)
        for start, end in blocks
        for code in range(start, end + 1)
        if unicodedata.category(chr(code))[0] in "LMN"
    ]


@pytest.mark.parametrize(
    ("script", "blocks"),
    [
        ("Latin", [(0x20, 0x24F), (0x1E00, 0x1EFF), (0xFB00, 0xFB06)]),
        ("combining accents", [(0x300, 0x36F)]),
        ("Greek", [(0x370, 0x3FF), (0x1F00, 0x1FFF)]),
        ("Cyrillic", [(0x400, 0x4FF)]),
        ("Arabic", [(0x600, 0x6FF)]),
    ],
)
def test_python_and_database_fold_every_letter_alike(script, blocks):
    chars = letters(*blocks)

    differing = {
        char: (python, database)
        for char, python, database in zip(
            chars, [fold(c) for c in chars], database_fold(chars), strict=True
        )
        if python != database
    }
    assert differing == {}


@pytest.mark.parametrize(
    ("text", "typed"),
    [("Łódź", "Lodz"), ("Sergej Фёдоров", "Федоров"), ("Yıldız", "Yildiz"), ("Ærø", "Aero")],
)
def test_highlighting_marks_what_the_search_found(text, typed):
    assert "<mark>" in highlight(text, search_stems(typed))


def test_the_fold_a_query_computes_row_by_row_is_the_fold_and_written_into_the_query():
    # The search rank folds every match's name with `netzpol_fold_inline`, the STABLE twin of
    # the IMMUTABLE `netzpol_fold` (see core.text): the same text, which PostgreSQL writes into
    # the query instead of calling a function per row.
    text = [*NAMES, *letters((0x20, 0x24F), (0x370, 0x3FF), (0x400, 0x4FF), (0x600, 0x6FF))]
    assert database_fold(text, "netzpol_fold_inline") == database_fold(text)
    with connection.cursor() as cursor:
        cursor.execute(
            "EXPLAIN VERBOSE SELECT netzpol_fold_inline(v) FROM unnest(%s::text[]) v", [NAMES]
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute("EXPLAIN VERBOSE SELECT netzpol_fold(v) FROM unnest(%s::text[]) v", [NAMES])
        called = "\n".join(row[0] for row in cursor.fetchall())
    assert "unaccent(" in plan
    assert "netzpol_fold_inline(" not in plan
    assert "netzpol_fold(" in called
