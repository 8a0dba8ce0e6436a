-- 0007: periodic jobs are run by Coravel's in-process scheduler on every app instance; this table
-- makes the instances behave as one. Each job has one row, and a run is claimed with one conditional
-- UPDATE that moves next_run_at to the next point of the job's interval grid only when it is due and
-- nobody holds a live lease, so a run happens once per interval across all instances. The holder
-- renews lease_until while it works; a crashed holder simply stops renewing, and since next_run_at
-- has already moved on, the next interval is claimed by whichever instance polls first.
-- Not part of the V2 schema (like the migration history): the app reads and writes it with plain SQL.
CREATE TABLE job_runs (
    job               TEXT NOT NULL,
    interval_seconds  INTEGER NOT NULL,
    next_run_at       TIMESTAMP(3) NOT NULL,
    -- The instance running the job now (NULL when idle) and until when its claim holds unless renewed.
    holder            TEXT,
    lease_until       TIMESTAMP(3),
    started_at        TIMESTAMP(3),
    -- Every claimed run (scheduled or "Run now") increments it; a run finishes only its own number.
    runs              BIGINT NOT NULL DEFAULT 0,
    last_run_at       TIMESTAMP(3),
    last_duration_ms  BIGINT,
    last_succeeded    BOOLEAN,
    last_holder       TEXT,
    last_error        TEXT,
    last_error_at     TIMESTAMP(3),
    CONSTRAINT job_runs_pkey PRIMARY KEY (job),
    CONSTRAINT job_runs_interval_seconds_check CHECK (interval_seconds > 0)
);

-- The runs Quartz recorded in settings (job.<name>) are superseded by the rows above.
DELETE FROM settings WHERE key LIKE 'job.%';

-- Quartz.NET's job store (created by 0002) is no longer used: drop every qrtz_ table it had.
DO $$
DECLARE
    t text;
BEGIN
    FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename LIKE 'qrtz\_%' LOOP
        EXECUTE format('DROP TABLE %I CASCADE', t);
    END LOOP;
END;
$$;
