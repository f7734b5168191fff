-- Work sessions (issue 5): owned by a user like everything else, with the time of their
-- last recorded action (for the quiet period and idle expiry), why they ended, and a
-- version that every change bumps, so a cached copy can tell it is out of date.
ALTER TABLE persona_sessions ADD COLUMN user_id UUID REFERENCES users(id) ON DELETE CASCADE;
UPDATE persona_sessions s SET user_id = p.user_id FROM personas p WHERE p.id = s.persona_id;
DELETE FROM persona_sessions WHERE user_id IS NULL;  -- a session without a persona belongs to no one
ALTER TABLE persona_sessions ALTER COLUMN user_id SET NOT NULL,
    ALTER COLUMN persona_id SET NOT NULL,
    ALTER COLUMN session_status SET NOT NULL,
    ALTER COLUMN started_at SET NOT NULL;
ALTER TABLE persona_sessions ADD COLUMN last_activity_at TIMESTAMPTZ DEFAULT NOW(),
    ADD COLUMN end_reason VARCHAR(20),
    ADD COLUMN error_message TEXT,
    ADD COLUMN updated_at TIMESTAMPTZ DEFAULT NOW(),
    ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
UPDATE persona_sessions SET last_activity_at = COALESCE(ended_at, started_at), updated_at = COALESCE(ended_at, started_at);
ALTER TABLE persona_sessions ALTER COLUMN last_activity_at SET NOT NULL, ALTER COLUMN updated_at SET NOT NULL;
-- Older rows may hold several live sessions for one persona: all but the newest end.
UPDATE persona_sessions s SET session_status = 'ended', ended_at = s.last_activity_at, end_reason = 'manual',
    duration_minutes = floor(extract(epoch FROM (s.last_activity_at - s.started_at)) / 60)::integer
WHERE s.session_status IN ('starting', 'active', 'idle')
  AND EXISTS (SELECT 1 FROM persona_sessions n WHERE n.persona_id = s.persona_id
              AND n.session_status IN ('starting', 'active', 'idle')
              AND (n.started_at, n.id) > (s.started_at, s.id));
UPDATE persona_sessions SET ended_at = last_activity_at WHERE session_status IN ('ended', 'error') AND ended_at IS NULL;
ALTER TABLE persona_sessions ADD CONSTRAINT persona_sessions_status_known
    CHECK (session_status IN ('starting', 'active', 'idle', 'ended', 'error'));
ALTER TABLE persona_sessions ADD CONSTRAINT persona_sessions_ended_has_time
    CHECK ((session_status IN ('ended', 'error')) = (ended_at IS NOT NULL));
ALTER TABLE persona_sessions ADD CONSTRAINT persona_sessions_end_reason_known
    CHECK (end_reason IN ('manual', 'idle_timeout', 'error'));
ALTER TABLE persona_sessions ADD CONSTRAINT persona_sessions_counters_not_negative
    CHECK (actions_performed >= 0 AND content_posted >= 0 AND errors_encountered >= 0);
-- One live session per persona, whoever starts it and however many at once.
CREATE UNIQUE INDEX idx_persona_sessions_one_live ON persona_sessions(persona_id)
    WHERE session_status IN ('starting', 'active', 'idle');
CREATE INDEX idx_persona_sessions_user_started ON persona_sessions(user_id, started_at DESC, id DESC);
CREATE INDEX idx_persona_sessions_quiet ON persona_sessions(last_activity_at)
    WHERE session_status IN ('starting', 'active', 'idle');

CREATE FUNCTION persona_sessions_bump_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.version := OLD.version + 1;
    RETURN NEW;
END $$;
CREATE TRIGGER persona_sessions_version BEFORE UPDATE ON persona_sessions
    FOR EACH ROW EXECUTE FUNCTION persona_sessions_bump_version();
