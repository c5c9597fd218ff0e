"""The search trigger SQL that migration 0006 ran, frozen: it imported
`directory/contacts/search_sql.py`, whose text changes with the code, and a migration must run the
SQL of its own time. Django loads no module starting with "_" as a migration."""

FORWARD = """
CREATE OR REPLACE FUNCTION netzpol_contact_document(c contacts_contactperson) RETURNS tsvector
LANGUAGE sql STABLE AS $$
SELECT setweight(to_tsvector('german', netzpol_fold(concat_ws(' ', c.first_name, c.last_name, c.functional_title))), 'A')
    || setweight(to_tsvector('german', netzpol_fold(concat_ws(' ', c.function, (SELECT concat_ws(' ', o.name, o.short_name) FROM organisations_organisation o WHERE o.id = c.organisation_id), (SELECT u.public_path FROM police_policeunit u WHERE u.id = c.police_unit_id), (SELECT string_agg(t.name, ' ') FROM contacts_contactperson_topics x JOIN core_topic t ON t.id = x.topic_id WHERE x.contactperson_id = c.id)))), 'B')
    || setweight(to_tsvector('german', netzpol_fold(concat_ws(' ', (SELECT string_agg(l.name, ' ') FROM contacts_contactperson_languages x JOIN core_language l ON l.id = x.language_id WHERE x.contactperson_id = c.id), (SELECT o.city FROM organisations_organisation o WHERE o.id = c.organisation_id), (SELECT concat_ws(' ', u.city, r.name) FROM police_policeunit u LEFT JOIN core_region r ON r.id = u.jurisdiction_id WHERE u.id = c.police_unit_id)))), 'C')
$$;


    CREATE OR REPLACE FUNCTION contacts_contactperson_search_document_row() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.search_vector := netzpol_contact_document(NEW);
        RETURN NEW;
    END $$;
    CREATE OR REPLACE TRIGGER search_vector_document BEFORE INSERT OR UPDATE ON contacts_contactperson
        FOR EACH ROW EXECUTE FUNCTION contacts_contactperson_search_document_row();
    

        CREATE OR REPLACE FUNCTION netzpol_reindex_contact_topics_insert() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE contacts_contactperson SET search_vector = NULL
                WHERE id IN (SELECT contactperson_id FROM new_rows AS changed_rows);
            RETURN NULL;
        END $$;
        CREATE OR REPLACE TRIGGER reindex_contact_topics_insert AFTER INSERT ON contacts_contactperson_topics REFERENCING NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION netzpol_reindex_contact_topics_insert();
        

        CREATE OR REPLACE FUNCTION netzpol_reindex_contact_topics_delete() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE contacts_contactperson SET search_vector = NULL
                WHERE id IN (SELECT contactperson_id FROM old_rows AS changed_rows);
            RETURN NULL;
        END $$;
        CREATE OR REPLACE TRIGGER reindex_contact_topics_delete AFTER DELETE ON contacts_contactperson_topics REFERENCING OLD TABLE AS old_rows
            FOR EACH STATEMENT EXECUTE FUNCTION netzpol_reindex_contact_topics_delete();
        

        CREATE OR REPLACE FUNCTION netzpol_reindex_contact_topics_renamed_update() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE contacts_contactperson SET search_vector = NULL
                WHERE id IN (SELECT x.contactperson_id FROM contacts_contactperson_topics x JOIN (SELECT id, name FROM new_rows EXCEPT SELECT id, name FROM old_rows) AS changed_rows ON changed_rows.id = x.topic_id);
            RETURN NULL;
        END $$;
        CREATE OR REPLACE TRIGGER reindex_contact_topics_renamed_update AFTER UPDATE ON core_topic REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION netzpol_reindex_contact_topics_renamed_update();
        

        CREATE OR REPLACE FUNCTION netzpol_reindex_contact_languages_insert() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE contacts_contactperson SET search_vector = NULL
                WHERE id IN (SELECT contactperson_id FROM new_rows AS changed_rows);
            RETURN NULL;
        END $$;
        CREATE OR REPLACE TRIGGER reindex_contact_languages_insert AFTER INSERT ON contacts_contactperson_languages REFERENCING NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION netzpol_reindex_contact_languages_insert();
        

        CREATE OR REPLACE FUNCTION netzpol_reindex_contact_languages_delete() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE contacts_contactperson SET search_vector = NULL
                WHERE id IN (SELECT contactperson_id FROM old_rows AS changed_rows);
            RETURN NULL;
        END $$;
        CREATE OR REPLACE TRIGGER reindex_contact_languages_delete AFTER DELETE ON contacts_contactperson_languages REFERENCING OLD TABLE AS old_rows
            FOR EACH STATEMENT EXECUTE FUNCTION netzpol_reindex_contact_languages_delete();
        

        CREATE OR REPLACE FUNCTION netzpol_reindex_contact_languages_renamed_update() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE contacts_contactperson SET search_vector = NULL
                WHERE id IN (SELECT x.contactperson_id FROM contacts_contactperson_languages x JOIN (SELECT id, name FROM new_rows EXCEPT SELECT id, name FROM old_rows) AS changed_rows ON changed_rows.id = x.language_id);
            RETURN NULL;
        END $$;
        CREATE OR REPLACE TRIGGER reindex_contact_languages_renamed_update AFTER UPDATE ON core_language REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION netzpol_reindex_contact_languages_renamed_update();
        

        CREATE OR REPLACE FUNCTION netzpol_reindex_contact_organisation_changed_update() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE contacts_contactperson SET search_vector = NULL
                WHERE id IN (SELECT c.id FROM contacts_contactperson c JOIN (SELECT id, name, short_name, city FROM new_rows EXCEPT SELECT id, name, short_name, city FROM old_rows) AS changed_rows ON changed_rows.id = c.organisation_id);
            RETURN NULL;
        END $$;
        CREATE OR REPLACE TRIGGER reindex_contact_organisation_changed_update AFTER UPDATE ON organisations_organisation REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION netzpol_reindex_contact_organisation_changed_update();
        

        CREATE OR REPLACE FUNCTION netzpol_reindex_contact_police_unit_changed_update() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE contacts_contactperson SET search_vector = NULL
                WHERE id IN (SELECT c.id FROM contacts_contactperson c JOIN (SELECT id, public_path, city, jurisdiction_id FROM new_rows EXCEPT SELECT id, public_path, city, jurisdiction_id FROM old_rows) AS changed_rows ON changed_rows.id = c.police_unit_id);
            RETURN NULL;
        END $$;
        CREATE OR REPLACE TRIGGER reindex_contact_police_unit_changed_update AFTER UPDATE ON police_policeunit REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION netzpol_reindex_contact_police_unit_changed_update();
        
UPDATE contacts_contactperson SET search_vector = NULL;"""
