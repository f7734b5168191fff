-- The risk score of a persona (docs/risk.md): the sum of capped contributions of its
-- accounts' warnings and suspensions, its unresolved security events by severity, its
-- unresolved limit hits, the errors of its last five sessions and its proxy's health,
-- at most 1.00. One function explains it; triggers on every input keep
-- personas.risk_score equal to it, whichever code path (or server) changes an input.
CREATE FUNCTION persona_risk_factors(p_persona UUID)
RETURNS TABLE (factor TEXT, count INTEGER, weight NUMERIC, cap NUMERIC, contribution NUMERIC)
LANGUAGE sql STABLE AS $$
    WITH accounts AS (
        SELECT COALESCE(sum(warning_count), 0)::integer AS warnings,
               (count(*) FILTER (WHERE account_status = 'suspended'))::integer AS suspended,
               (count(*) FILTER (WHERE account_status = 'banned'))::integer AS banned
        FROM platform_accounts WHERE persona_id = p_persona
    ), events AS (
        SELECT (count(*) FILTER (WHERE severity = 'critical' AND event_type NOT IN ('limit_hit', 'proxy_failure')))::integer AS critical,
               (count(*) FILTER (WHERE severity = 'error' AND event_type NOT IN ('limit_hit', 'proxy_failure')))::integer AS error,
               (count(*) FILTER (WHERE severity = 'warning' AND event_type NOT IN ('limit_hit', 'proxy_failure')))::integer AS warning,
               (count(*) FILTER (WHERE event_type = 'limit_hit'))::integer AS limit_hits
        FROM security_events WHERE persona_id = p_persona AND NOT COALESCE(resolved, false)
    ), sessions AS (
        SELECT COALESCE(sum(errors_encountered), 0)::integer AS errors
        FROM (SELECT errors_encountered FROM persona_sessions WHERE persona_id = p_persona
              ORDER BY started_at DESC LIMIT 5) last_five
    ), proxy AS (
        SELECT (SELECT health_status FROM proxy_assignments WHERE assigned_persona_id = p_persona) AS health
    ), factors (factor, count, weight, cap) AS (
        SELECT 'account_warnings', warnings, 0.05, 0.25 FROM accounts
        UNION ALL SELECT 'accounts_suspended', suspended, 0.25, 0.50 FROM accounts
        UNION ALL SELECT 'accounts_banned', banned, 0.40, 0.80 FROM accounts
        UNION ALL SELECT 'security_events_critical', critical, 0.20, 0.60 FROM events
        UNION ALL SELECT 'security_events_error', error, 0.10, 0.30 FROM events
        UNION ALL SELECT 'security_events_warning', warning, 0.05, 0.15 FROM events
        UNION ALL SELECT 'limit_hits', limit_hits, 0.05, 0.15 FROM events
        UNION ALL SELECT 'session_errors', errors, 0.05, 0.15 FROM sessions
        UNION ALL SELECT 'proxy_failed', (health = 'failed')::integer, 0.20, 0.20 FROM proxy
        UNION ALL SELECT 'proxy_degraded', (health = 'degraded')::integer, 0.10, 0.10 FROM proxy
        UNION ALL SELECT 'proxy_missing', (health IS NULL)::integer, 0.10, 0.10 FROM proxy
    )
    SELECT factor, COALESCE(count, 0), weight, cap, LEAST(COALESCE(count, 0) * weight, cap)
    FROM factors
$$;

CREATE FUNCTION persona_risk_score(p_persona UUID) RETURNS NUMERIC LANGUAGE sql STABLE AS $$
    SELECT round(LEAST(1.00, COALESCE(sum(contribution), 0)), 2) FROM persona_risk_factors(p_persona)
$$;

-- The persona's row is locked before the score is computed: a statement after the lock
-- sees every change committed by whoever held it, so two transactions changing inputs
-- at once cannot leave a score computed from a snapshot that misses the other's change.
-- NO KEY UPDATE, the lock an UPDATE of the row takes: it does not conflict with the KEY
-- SHARE lock a foreign-key check holds on the persona (a security event's insert), so two
-- such inserts cannot deadlock by both upgrading.
CREATE FUNCTION persona_recompute_risk(p_persona UUID) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    score NUMERIC;
BEGIN
    IF p_persona IS NULL THEN
        RETURN;
    END IF;
    PERFORM 1 FROM personas WHERE id = p_persona FOR NO KEY UPDATE;
    score := persona_risk_score(p_persona);
    UPDATE personas SET risk_score = score WHERE id = p_persona AND risk_score IS DISTINCT FROM score;
END $$;

CREATE FUNCTION persona_risk_input_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    column_name TEXT := TG_ARGV[0];
    old_persona UUID;
    new_persona UUID;
BEGIN
    IF TG_OP <> 'INSERT' THEN
        old_persona := (to_jsonb(OLD) ->> column_name)::uuid;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        new_persona := (to_jsonb(NEW) ->> column_name)::uuid;
    END IF;
    PERFORM persona_recompute_risk(new_persona);
    IF old_persona IS DISTINCT FROM new_persona THEN
        PERFORM persona_recompute_risk(old_persona);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER platform_accounts_risk
    AFTER INSERT OR DELETE OR UPDATE OF warning_count, account_status, persona_id ON platform_accounts
    FOR EACH ROW EXECUTE FUNCTION persona_risk_input_changed('persona_id');
CREATE TRIGGER security_events_risk
    AFTER INSERT OR DELETE OR UPDATE OF resolved, severity, event_type, persona_id ON security_events
    FOR EACH ROW EXECUTE FUNCTION persona_risk_input_changed('persona_id');
CREATE TRIGGER persona_sessions_risk
    AFTER INSERT OR DELETE OR UPDATE OF errors_encountered ON persona_sessions
    FOR EACH ROW EXECUTE FUNCTION persona_risk_input_changed('persona_id');
CREATE TRIGGER proxy_assignments_risk
    AFTER INSERT OR DELETE OR UPDATE OF health_status, assigned_persona_id ON proxy_assignments
    FOR EACH ROW EXECUTE FUNCTION persona_risk_input_changed('assigned_persona_id');

CREATE TRIGGER personas_risk AFTER INSERT ON personas
    FOR EACH ROW EXECUTE FUNCTION persona_risk_input_changed('id');

ALTER TABLE personas ADD CONSTRAINT personas_risk_score_range CHECK (risk_score BETWEEN 0 AND 1);
-- Existing personas get their score now (a persona without a proxy starts at 0.10).
UPDATE personas SET risk_score = persona_risk_score(id);
