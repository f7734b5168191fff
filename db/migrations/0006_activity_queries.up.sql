-- GET /activity pages through one user's log newest first, optionally for one persona or
-- one type; these indexes serve those orders directly on every monthly partition.
CREATE INDEX idx_activity_logs_user_time ON activity_logs(user_id, created_at DESC, id DESC);
CREATE INDEX idx_activity_logs_persona_time ON activity_logs(persona_id, created_at DESC);
CREATE INDEX idx_activity_logs_user_type_time ON activity_logs(user_id, activity_type, created_at DESC);
ALTER TABLE activity_logs ADD CONSTRAINT activity_logs_risk_level_known
    CHECK (risk_level IN ('low', 'medium', 'high', 'critical'));
