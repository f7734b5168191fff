DROP INDEX idx_login_attempts_attempted_at;
DROP INDEX idx_persona_sessions_ended_at;
DROP INDEX idx_activity_logs_retention_until;
CREATE OR REPLACE FUNCTION persona_ensure_activity_partitions(from_month DATE, months_ahead INTEGER)
RETURNS INTEGER LANGUAGE plpgsql AS $$
DECLARE
    month_start DATE := date_trunc('month', from_month)::DATE;
    created INTEGER := 0;
    part_name TEXT;
BEGIN
    FOR i IN 0..months_ahead LOOP
        part_name := format('activity_logs_%s', to_char(month_start, 'YYYY_MM'));
        IF to_regclass(part_name) IS NULL THEN
            EXECUTE format(
                'CREATE TABLE %I PARTITION OF activity_logs FOR VALUES FROM (%L) TO (%L)',
                part_name, month_start::TIMESTAMP AT TIME ZONE 'UTC',
                (month_start + INTERVAL '1 month')::TIMESTAMP AT TIME ZONE 'UTC');
            created := created + 1;
        END IF;
        month_start := (month_start + INTERVAL '1 month')::DATE;
    END LOOP;
    RETURN created;
END;
$$;
