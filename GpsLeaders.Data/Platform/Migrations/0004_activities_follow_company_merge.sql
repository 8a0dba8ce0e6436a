-- 0004: when two companies are merged, the duplicate's activities must stay on the survivor's
-- timeline instead of losing company_id through ON DELETE SET NULL. The append-only trigger
-- (0003) therefore also lets company_id be re-pointed, and only company_id, while the merge use
-- case has set the transaction-local flag crm.company_merge = 'on' (SET LOCAL / set_config(..., true)).
-- Outside that transaction everything is as in 0003; every other column stays immutable.

CREATE OR REPLACE FUNCTION activities_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    fk_columns CONSTANT text[] := ARRAY['lead_id', 'company_id', 'contact_id', 'user_id'];
    -- current_setting(..., true) is NULL when the flag was never set in this session.
    merging CONSTANT boolean := coalesce(current_setting('crm.company_merge', true), '') = 'on';
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'activities is append-only: DELETE is not allowed (activity %)', OLD.id
            USING ERRCODE = 'restrict_violation';
    END IF;

    -- Every column except the subject FKs must be unchanged (compared as JSON so new columns are covered too).
    IF (to_jsonb(NEW) - fk_columns) IS DISTINCT FROM (to_jsonb(OLD) - fk_columns)
       OR (NEW.lead_id IS NOT NULL AND NEW.lead_id IS DISTINCT FROM OLD.lead_id)
       OR (NEW.company_id IS NOT NULL AND NEW.company_id IS DISTINCT FROM OLD.company_id AND NOT merging)
       OR (NEW.contact_id IS NOT NULL AND NEW.contact_id IS DISTINCT FROM OLD.contact_id)
       OR (NEW.user_id IS NOT NULL AND NEW.user_id IS DISTINCT FROM OLD.user_id) THEN
        RAISE EXCEPTION 'activities is append-only: only clearing lead_id, company_id, contact_id or user_id (or re-pointing company_id in a company merge) is allowed (activity %)', OLD.id
            USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN NEW;
END;
$$;
