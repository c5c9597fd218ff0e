"""The search trigger SQL that migrations 0003 and 0004 ran, frozen: they imported
`directory/organisations/search_sql.py`, whose text changes with the code, and a migration must
run the SQL of its own time. Django loads no module starting with "_" as a migration."""

FORWARD = """
CREATE OR REPLACE FUNCTION netzpol_organisation_document(o organisations_organisation) RETURNS tsvector
LANGUAGE sql STABLE AS $$
SELECT setweight(to_tsvector('german', netzpol_fold(concat_ws(' ', o.name, o.short_name))), 'A')
    || setweight(to_tsvector('german', netzpol_fold(concat_ws(' ', o.city, o.postcode, (SELECT name FROM core_region WHERE id = o.land_id), (SELECT string_agg(t.name, ' ') FROM organisations_organisation_topics x JOIN core_topic t ON t.id = x.topic_id WHERE x.organisation_id = o.id), (SELECT string_agg(concat_ws(' ', r.name, p.name), ' ') FROM organisations_organisation_regions x JOIN core_region r ON r.id = x.region_id LEFT JOIN core_region p ON p.id = r.parent_id WHERE x.organisation_id = o.id)))), 'B')
    || setweight(to_tsvector('german', netzpol_fold(concat_ws(' ', (SELECT string_agg(l.name, ' ') FROM organisations_organisation_languages x JOIN core_language l ON l.id = x.language_id WHERE x.organisation_id = o.id), o.description, o.target_groups))), 'C')
$$;


    CREATE OR REPLACE FUNCTION organisations_organisation_search_document_row() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.search_vector := netzpol_organisation_document(NEW);
        RETURN NEW;
    END $$;
    CREATE OR REPLACE TRIGGER search_vector_document BEFORE INSERT OR UPDATE ON organisations_organisation
        FOR EACH ROW EXECUTE FUNCTION organisations_organisation_search_document_row();
    

        CREATE OR REPLACE FUNCTION netzpol_reindex_organisation_topics_insert() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE organisations_organisation SET search_vector = NULL
                WHERE id IN (SELECT organisation_id FROM new_rows AS changed_rows);
            RETURN NULL;
        END $$;
        CREATE OR REPLACE TRIGGER reindex_organisation_topics_insert AFTER INSERT ON organisations_organisation_topics REFERENCING NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION netzpol_reindex_organisation_topics_insert();
        

        CREATE OR REPLACE FUNCTION netzpol_reindex_organisation_topics_delete() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE organisations_organisation SET search_vector = NULL
                WHERE id IN (SELECT organisation_id FROM old_rows AS changed_rows);
            RETURN NULL;
        END $$;
        CREATE OR REPLACE TRIGGER reindex_organisation_topics_delete AFTER DELETE ON organisations_organisation_topics REFERENCING OLD TABLE AS old_rows
            FOR EACH STATEMENT EXECUTE FUNCTION netzpol_reindex_organisation_topics_delete();
        

        CREATE OR REPLACE FUNCTION netzpol_reindex_organisation_topics_renamed_update() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE organisations_organisation SET search_vector = NULL
                WHERE id IN (SELECT x.organisation_id FROM organisations_organisation_topics x JOIN (SELECT id, name FROM new_rows EXCEPT SELECT id, name FROM old_rows) AS changed_rows ON changed_rows.id = x.topic_id);
            RETURN NULL;
        END $$;
        CREATE OR REPLACE TRIGGER reindex_organisation_topics_renamed_update AFTER UPDATE ON core_topic REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION netzpol_reindex_organisation_topics_renamed_update();
        

        CREATE OR REPLACE FUNCTION netzpol_reindex_organisation_regions_insert() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE organisations_organisation SET search_vector = NULL
                WHERE id IN (SELECT organisation_id FROM new_rows AS changed_rows);
            RETURN NULL;
        END $$;
        CREATE OR REPLACE TRIGGER reindex_organisation_regions_insert AFTER INSERT ON organisations_organisation_regions REFERENCING NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION netzpol_reindex_organisation_regions_insert();
        

        CREATE OR REPLACE FUNCTION netzpol_reindex_organisation_regions_delete() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE organisations_organisation SET search_vector = NULL
                WHERE id IN (SELECT organisation_id FROM old_rows AS changed_rows);
            RETURN NULL;
        END $$;
        CREATE OR REPLACE TRIGGER reindex_organisation_regions_delete AFTER DELETE ON organisations_organisation_regions REFERENCING OLD TABLE AS old_rows
            FOR EACH STATEMENT EXECUTE FUNCTION netzpol_reindex_organisation_regions_delete();
        

        CREATE OR REPLACE FUNCTION netzpol_reindex_organisation_regions_renamed_update() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE organisations_organisation SET search_vector = NULL
                WHERE id IN (SELECT x.organisation_id FROM organisations_organisation_regions x JOIN (SELECT id, name FROM new_rows EXCEPT SELECT id, name FROM old_rows) AS changed_rows ON changed_rows.id = x.region_id);
            RETURN NULL;
        END $$;
        CREATE OR REPLACE TRIGGER reindex_organisation_regions_renamed_update AFTER UPDATE ON core_region REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION netzpol_reindex_organisation_regions_renamed_update();
        

        CREATE OR REPLACE FUNCTION netzpol_reindex_organisation_languages_insert() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE organisations_organisation SET search_vector = NULL
                WHERE id IN (SELECT organisation_id FROM new_rows AS changed_rows);
            RETURN NULL;
        END $$;
        CREATE OR REPLACE TRIGGER reindex_organisation_languages_insert AFTER INSERT ON organisations_organisation_languages REFERENCING NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION netzpol_reindex_organisation_languages_insert();
        

        CREATE OR REPLACE FUNCTION netzpol_reindex_organisation_languages_delete() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE organisations_organisation SET search_vector = NULL
                WHERE id IN (SELECT organisation_id FROM old_rows AS changed_rows);
            RETURN NULL;
        END $$;
        CREATE OR REPLACE TRIGGER reindex_organisation_languages_delete AFTER DELETE ON organisations_organisation_languages REFERENCING OLD TABLE AS old_rows
            FOR EACH STATEMENT EXECUTE FUNCTION netzpol_reindex_organisation_languages_delete();
        

        CREATE OR REPLACE FUNCTION netzpol_reindex_organisation_languages_renamed_update() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE organisations_organisation SET search_vector = NULL
                WHERE id IN (SELECT x.organisation_id FROM organisations_organisation_languages x JOIN (SELECT id, name FROM new_rows EXCEPT SELECT id, name FROM old_rows) AS changed_rows ON changed_rows.id = x.language_id);
            RETURN NULL;
        END $$;
        CREATE OR REPLACE TRIGGER reindex_organisation_languages_renamed_update AFTER UPDATE ON core_language REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION netzpol_reindex_organisation_languages_renamed_update();
        
UPDATE organisations_organisation SET search_vector = NULL;"""

REVERSE = """DROP TRIGGER IF EXISTS reindex_organisation_languages_renamed_update ON core_language; DROP FUNCTION IF EXISTS netzpol_reindex_organisation_languages_renamed_update();
DROP TRIGGER IF EXISTS reindex_organisation_languages_insert ON organisations_organisation_languages; DROP FUNCTION IF EXISTS netzpol_reindex_organisation_languages_insert();
DROP TRIGGER IF EXISTS reindex_organisation_languages_delete ON organisations_organisation_languages; DROP FUNCTION IF EXISTS netzpol_reindex_organisation_languages_delete();
DROP TRIGGER IF EXISTS reindex_organisation_regions_renamed_update ON core_region; DROP FUNCTION IF EXISTS netzpol_reindex_organisation_regions_renamed_update();
DROP TRIGGER IF EXISTS reindex_organisation_regions_insert ON organisations_organisation_regions; DROP FUNCTION IF EXISTS netzpol_reindex_organisation_regions_insert();
DROP TRIGGER IF EXISTS reindex_organisation_regions_delete ON organisations_organisation_regions; DROP FUNCTION IF EXISTS netzpol_reindex_organisation_regions_delete();
DROP TRIGGER IF EXISTS reindex_organisation_topics_renamed_update ON core_topic; DROP FUNCTION IF EXISTS netzpol_reindex_organisation_topics_renamed_update();
DROP TRIGGER IF EXISTS reindex_organisation_topics_insert ON organisations_organisation_topics; DROP FUNCTION IF EXISTS netzpol_reindex_organisation_topics_insert();
DROP TRIGGER IF EXISTS reindex_organisation_topics_delete ON organisations_organisation_topics; DROP FUNCTION IF EXISTS netzpol_reindex_organisation_topics_delete();

    DROP TRIGGER IF EXISTS search_vector_document ON organisations_organisation;
    DROP FUNCTION IF EXISTS organisations_organisation_search_document_row();
    
DROP FUNCTION IF EXISTS netzpol_organisation_document;"""
