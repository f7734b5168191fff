CREATE OR REPLACE FUNCTION persona_enforce_max_personas() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    allowed INTEGER;
    existing INTEGER;
BEGIN
    SELECT max_personas INTO allowed FROM users WHERE id = NEW.user_id FOR UPDATE;
    SELECT count(*) INTO existing FROM personas WHERE user_id = NEW.user_id;
    IF allowed IS NOT NULL AND existing >= allowed THEN
        RAISE EXCEPTION 'the persona limit of % is reached', allowed USING ERRCODE = 'PE001';
    END IF;
    RETURN NEW;
END
$$;
DROP INDEX idx_persona_sessions_persona_started;
DROP INDEX idx_security_events_persona_unresolved;
DROP TRIGGER activity_logs_score_manual ON activity_logs;
DROP FUNCTION persona_rebuild_action_rates();
DROP FUNCTION persona_score_manual_action();
DROP FUNCTION persona_assess_burst(BIGINT, BIGINT);
DROP TABLE persona_action_rates;
