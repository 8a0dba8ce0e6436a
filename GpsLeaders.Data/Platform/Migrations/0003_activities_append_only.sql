-- 0003: activities is an append-only audit log, enforced by the database.
-- DELETE is refused. UPDATE is refused unless it only sets subject FKs (lead_id, company_id,
-- contact_id, user_id) to NULL: that is what ON DELETE SET NULL does when a lead, company,
-- contact or user is deleted, and it must keep working.
-- TRUNCATE is deliberately left allowed (row triggers do not see it): test resets and
-- maintenance rely on it, and it needs table ownership anyway.

CREATE FUNCTION activities_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    fk_columns CONSTANT text[] := ARRAY['lead_id', 'company_id', 'contact_id', 'user_id'];
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'activities is append-only: DELETE is not allowed (activity %)', OLD.id
            USING ERRCODE = 'restrict_violation';
    END IF;

    -- Every column except the subject FKs must be unchanged (compared as JSON so new columns are covered too).
    IF (to_jsonb(NEW) - fk_columns) IS DISTINCT FROM (to_jsonb(OLD) - fk_columns)
       OR (NEW.lead_id IS NOT NULL AND NEW.lead_id IS DISTINCT FROM OLD.lead_id)
       OR (NEW.company_id IS NOT NULL AND NEW.company_id IS DISTINCT FROM OLD.company_id)
       OR (NEW.contact_id IS NOT NULL AND NEW.contact_id IS DISTINCT FROM OLD.contact_id)
       OR (NEW.user_id IS NOT NULL AND NEW.user_id IS DISTINCT FROM OLD.user_id) THEN
        RAISE EXCEPTION 'activities is append-only: only clearing lead_id, company_id, contact_id or user_id is allowed (activity %)', OLD.id
            USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER activities_append_only
    BEFORE UPDATE OR DELETE ON activities
    FOR EACH ROW EXECUTE FUNCTION activities_append_only();
