"""The search trigger SQL that migration 0006 ran, frozen: it imported
`directory/police/search_sql.py`, whose text changes with the code, and a migration must run the
SQL of its own time. Django loads no module starting with "_" as a migration."""

FORWARD = """
CREATE OR REPLACE FUNCTION netzpol_police_unit_document(u police_policeunit) RETURNS tsvector
LANGUAGE sql STABLE AS $$
SELECT setweight(to_tsvector('german', netzpol_fold(concat_ws(' ', u.public_path, u.short_name))), 'A')
    || setweight(to_tsvector('german', netzpol_fold(concat_ws(' ', u.city, u.postcode, (SELECT concat_ws(' ', r.name, p.name, g.name) FROM core_region r LEFT JOIN core_region p ON p.id = r.parent_id LEFT JOIN core_region g ON g.id = p.parent_id WHERE r.id = u.jurisdiction_id)))), 'B')
    || setweight(to_tsvector('german', netzpol_fold(concat_ws(' ', u.description))), 'C')
$$;


    CREATE OR REPLACE FUNCTION police_policeunit_search_document_row() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.search_vector := netzpol_police_unit_document(NEW);
        RETURN NEW;
    END $$;
    CREATE OR REPLACE TRIGGER search_vector_document BEFORE INSERT OR UPDATE ON police_policeunit
        FOR EACH ROW EXECUTE FUNCTION police_policeunit_search_document_row();
    

        CREATE OR REPLACE FUNCTION netzpol_reindex_police_unit_region_renamed_update() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE police_policeunit SET search_vector = NULL
                WHERE id IN (SELECT u.id FROM police_policeunit u JOIN core_region r ON r.id = u.jurisdiction_id JOIN (SELECT id, name FROM new_rows EXCEPT SELECT id, name FROM old_rows) AS changed_rows ON changed_rows.id IN (r.id, r.parent_id));
            RETURN NULL;
        END $$;
        CREATE OR REPLACE TRIGGER reindex_police_unit_region_renamed_update AFTER UPDATE ON core_region REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION netzpol_reindex_police_unit_region_renamed_update();
        
UPDATE police_policeunit SET search_vector = NULL;"""
