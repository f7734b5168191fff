DROP TRIGGER persona_sessions_version ON persona_sessions;
DROP FUNCTION persona_sessions_bump_version();
DROP INDEX idx_persona_sessions_quiet;
DROP INDEX idx_persona_sessions_user_started;
DROP INDEX idx_persona_sessions_one_live;
ALTER TABLE persona_sessions DROP CONSTRAINT persona_sessions_counters_not_negative;
ALTER TABLE persona_sessions DROP CONSTRAINT persona_sessions_end_reason_known;
ALTER TABLE persona_sessions DROP CONSTRAINT persona_sessions_ended_has_time;
ALTER TABLE persona_sessions DROP CONSTRAINT persona_sessions_status_known;
ALTER TABLE persona_sessions DROP COLUMN version, DROP COLUMN updated_at, DROP COLUMN error_message,
    DROP COLUMN end_reason, DROP COLUMN last_activity_at;
ALTER TABLE persona_sessions ALTER COLUMN started_at DROP NOT NULL,
    ALTER COLUMN session_status DROP NOT NULL,
    ALTER COLUMN persona_id DROP NOT NULL;
ALTER TABLE persona_sessions DROP COLUMN user_id;
