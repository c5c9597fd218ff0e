"""The search trigger SQL that migration 0006 ran, frozen: it imported
`directory/agreements/search_sql.py`, whose text changes with the code, and a migration must run the
SQL of its own time. Django loads no module starting with "_" as a migration."""

FORWARD = """
CREATE OR REPLACE FUNCTION netzpol_agreement_document(a agreements_agreement) RETURNS tsvector
LANGUAGE sql STABLE AS $$
SELECT setweight(to_tsvector('german', netzpol_fold(concat_ws(' ', a.title))), 'A')
    || setweight(to_tsvector('german', netzpol_fold(concat_ws(' ', (SELECT string_agg(t.name, ' ') FROM agreements_agreement_topics x JOIN core_topic t ON t.id = x.topic_id WHERE x.agreement_id = a.id), (SELECT string_agg(concat_ws(' ', o.name, o.short_name, u.public_path), ' ') FROM agreements_agreementparty p LEFT JOIN organisations_organisation o ON o.id = p.organisation_id LEFT JOIN police_policeunit u ON u.id = p.police_unit_id WHERE p.agreement_id = a.id AND (o.is_public OR u.is_public))))), 'B')
    || setweight(to_tsvector('german', netzpol_fold(concat_ws(' ', a.goals, a.formats))), 'C')
$$;


    CREATE OR REPLACE FUNCTION agreements_agreement_search_document_row() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.search_vector := netzpol_agreement_document(NEW);
        RETURN NEW;
    END $$;
    CREATE OR REPLACE TRIGGER search_vector_document BEFORE INSERT OR UPDATE ON agreements_agreement
        FOR EACH ROW EXECUTE FUNCTION agreements_agreement_search_document_row();
    

        CREATE OR REPLACE FUNCTION netzpol_reindex_agreement_topics_insert() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE agreements_agreement SET search_vector = NULL
                WHERE id IN (SELECT agreement_id FROM new_rows AS changed_rows);
            RETURN NULL;
        END $$;
        CREATE OR REPLACE TRIGGER reindex_agreement_topics_insert AFTER INSERT ON agreements_agreement_topics REFERENCING NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION netzpol_reindex_agreement_topics_insert();
        

        CREATE OR REPLACE FUNCTION netzpol_reindex_agreement_topics_delete() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE agreements_agreement SET search_vector = NULL
                WHERE id IN (SELECT agreement_id FROM old_rows AS changed_rows);
            RETURN NULL;
        END $$;
        CREATE OR REPLACE TRIGGER reindex_agreement_topics_delete AFTER DELETE ON agreements_agreement_topics REFERENCING OLD TABLE AS old_rows
            FOR EACH STATEMENT EXECUTE FUNCTION netzpol_reindex_agreement_topics_delete();
        

        CREATE OR REPLACE FUNCTION netzpol_reindex_agreement_topics_renamed_update() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE agreements_agreement SET search_vector = NULL
                WHERE id IN (SELECT x.agreement_id FROM agreements_agreement_topics x JOIN (SELECT id, name FROM new_rows EXCEPT SELECT id, name FROM old_rows) AS changed_rows ON changed_rows.id = x.topic_id);
            RETURN NULL;
        END $$;
        CREATE OR REPLACE TRIGGER reindex_agreement_topics_renamed_update AFTER UPDATE ON core_topic REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION netzpol_reindex_agreement_topics_renamed_update();
        

        CREATE OR REPLACE FUNCTION netzpol_reindex_agreement_parties_insert() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE agreements_agreement SET search_vector = NULL
                WHERE id IN (SELECT agreement_id FROM new_rows AS changed_rows);
            RETURN NULL;
        END $$;
        CREATE OR REPLACE TRIGGER reindex_agreement_parties_insert AFTER INSERT ON agreements_agreementparty REFERENCING NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION netzpol_reindex_agreement_parties_insert();
        

        CREATE OR REPLACE FUNCTION netzpol_reindex_agreement_parties_delete() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE agreements_agreement SET search_vector = NULL
                WHERE id IN (SELECT agreement_id FROM old_rows AS changed_rows);
            RETURN NULL;
        END $$;
        CREATE OR REPLACE TRIGGER reindex_agreement_parties_delete AFTER DELETE ON agreements_agreementparty REFERENCING OLD TABLE AS old_rows
            FOR EACH STATEMENT EXECUTE FUNCTION netzpol_reindex_agreement_parties_delete();
        

        CREATE OR REPLACE FUNCTION netzpol_reindex_agreement_parties_changed_update() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE agreements_agreement SET search_vector = NULL
                WHERE id IN (SELECT agreement_id FROM (SELECT id, organisation_id, police_unit_id FROM new_rows EXCEPT SELECT id, organisation_id, police_unit_id FROM old_rows) AS changed_rows);
            RETURN NULL;
        END $$;
        CREATE OR REPLACE TRIGGER reindex_agreement_parties_changed_update AFTER UPDATE ON agreements_agreementparty REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION netzpol_reindex_agreement_parties_changed_update();
        

        CREATE OR REPLACE FUNCTION netzpol_reindex_agreement_organisation_renamed_update() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE agreements_agreement SET search_vector = NULL
                WHERE id IN (SELECT p.agreement_id FROM agreements_agreementparty p JOIN (SELECT id, name, short_name, is_public FROM new_rows EXCEPT SELECT id, name, short_name, is_public FROM old_rows) AS changed_rows ON changed_rows.id = p.organisation_id);
            RETURN NULL;
        END $$;
        CREATE OR REPLACE TRIGGER reindex_agreement_organisation_renamed_update AFTER UPDATE ON organisations_organisation REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION netzpol_reindex_agreement_organisation_renamed_update();
        

        CREATE OR REPLACE FUNCTION netzpol_reindex_agreement_police_unit_renamed_update() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE agreements_agreement SET search_vector = NULL
                WHERE id IN (SELECT p.agreement_id FROM agreements_agreementparty p JOIN (SELECT id, public_path, is_public FROM new_rows EXCEPT SELECT id, public_path, is_public FROM old_rows) AS changed_rows ON changed_rows.id = p.police_unit_id);
            RETURN NULL;
        END $$;
        CREATE OR REPLACE TRIGGER reindex_agreement_police_unit_renamed_update AFTER UPDATE ON police_policeunit REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION netzpol_reindex_agreement_police_unit_renamed_update();
        
UPDATE agreements_agreement SET search_vector = NULL;"""
