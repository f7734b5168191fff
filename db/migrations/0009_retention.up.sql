-- Retention (issue 6, docs/retention.md). Creating a month's partition now first moves
-- that month's rows out of the DEFAULT partition (rows land there when no partition was
-- ready), since PostgreSQL refuses to attach a partition whose rows DEFAULT still holds.
CREATE OR REPLACE FUNCTION persona_ensure_activity_partitions(from_month DATE, months_ahead INTEGER)
RETURNS INTEGER LANGUAGE plpgsql AS $$
DECLARE
    month_start DATE := date_trunc('month', from_month)::DATE;
    created INTEGER := 0;
    part_name TEXT;
    lower_bound TIMESTAMPTZ;
    upper_bound TIMESTAMPTZ;
BEGIN
    -- Servers starting together (and the daily run) take turns: the check for an existing
    -- partition and its creation are not atomic otherwise.
    PERFORM pg_advisory_xact_lock(hashtext('persona_activity_partitions'));
    FOR i IN 0..months_ahead LOOP
        part_name := format('activity_logs_%s', to_char(month_start, 'YYYY_MM'));
        lower_bound := month_start::TIMESTAMP AT TIME ZONE 'UTC';
        upper_bound := (month_start + INTERVAL '1 month')::TIMESTAMP AT TIME ZONE 'UTC';
        IF to_regclass(part_name) IS NULL THEN
            IF NOT EXISTS (SELECT 1 FROM activity_logs_default
                           WHERE created_at >= lower_bound AND created_at < upper_bound) THEN
                EXECUTE format('CREATE TABLE %I PARTITION OF activity_logs FOR VALUES FROM (%L) TO (%L)',
                               part_name, lower_bound, upper_bound);
            ELSE
                EXECUTE format('CREATE TABLE %I (LIKE activity_logs INCLUDING DEFAULTS INCLUDING CONSTRAINTS)',
                               part_name);
                EXECUTE format('WITH moved AS (DELETE FROM activity_logs_default WHERE created_at >= %L '
                               'AND created_at < %L RETURNING *) INSERT INTO %I SELECT * FROM moved',
                               lower_bound, upper_bound, part_name);
                EXECUTE format('ALTER TABLE activity_logs ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)',
                               part_name, lower_bound, upper_bound);
            END IF;
            created := created + 1;
        END IF;
        month_start := (month_start + INTERVAL '1 month')::DATE;
    END LOOP;
    RETURN created;
END;
$$;

-- Rows kept past the 90 days on purpose (retention_until) are found without a scan.
CREATE INDEX idx_activity_logs_retention_until ON activity_logs(retention_until) WHERE retention_until IS NOT NULL;
CREATE INDEX idx_persona_sessions_ended_at ON persona_sessions(ended_at) WHERE ended_at IS NOT NULL;
CREATE INDEX idx_login_attempts_attempted_at ON login_attempts(attempted_at);
