"""`netzpol_search_words`, every word of every search document, and `netzpol_remember_words`,
which the search document triggers call to fill it (see directory/core/search.py,
REMEMBER_WORDS_FUNCTION_SQL, of which this is a frozen copy). The entity apps' next migrations
call it from their triggers and add the words their documents hold already."""

from django.db import migrations

CREATE_TABLE_SQL = """
CREATE TABLE netzpol_search_words (word text COLLATE "C" PRIMARY KEY);
CREATE INDEX netzpol_search_words_trgm ON netzpol_search_words USING gin (word gin_trgm_ops);
"""

REMEMBER_WORDS_FUNCTION_SQL = """
CREATE OR REPLACE FUNCTION netzpol_remember_words(document tsvector) RETURNS tsvector
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO netzpol_search_words (word)
        SELECT u.lexeme FROM unnest(document) AS u
        WHERE NOT EXISTS (SELECT FROM netzpol_search_words w WHERE w.word = u.lexeme)
        ON CONFLICT DO NOTHING;
    RETURN document;
END $$;
"""


class Migration(migrations.Migration):
    dependencies = [("core", "0006_reindex_function")]

    operations = [
        migrations.RunSQL(CREATE_TABLE_SQL, "DROP TABLE netzpol_search_words;"),
        migrations.RunSQL(
            REMEMBER_WORDS_FUNCTION_SQL, "DROP FUNCTION netzpol_remember_words(tsvector);"
        ),
    ]
