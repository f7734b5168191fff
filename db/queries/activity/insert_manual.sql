-- An action done by hand, in one statement (committed on its own): the persona is the
-- caller's, the row goes in the persona's live session if there is one and is counted
-- there, and the trigger of migration 0012 scores it. Returns the row as activity/get
-- shows it, and the session's new version (null without a live session). No row: no such
-- persona.
WITH persona AS (
    SELECT id FROM personas WHERE id = $2::uuid AND user_id = $1::uuid
), logged AS (
    INSERT INTO activity_logs (user_id, persona_id, session_id, activity_type, platform_type, activity_data,
                               ip_address, user_agent, gdpr_category, source, created_at)
    SELECT $1::uuid, persona.id,
           (SELECT s.id FROM persona_sessions s
            WHERE s.persona_id = persona.id AND s.session_status IN ('starting', 'active', 'idle')
            ORDER BY s.started_at DESC LIMIT 1),
           $3, $4, $5::jsonb, $6, $7, 'functional', 'manual', $8::timestamptz
    FROM persona
    RETURNING *
), counted AS (
    UPDATE persona_sessions SET actions_performed = actions_performed + 1, session_status = 'active',
        last_activity_at = $8::timestamptz, updated_at = $8::timestamptz
    WHERE id = (SELECT session_id FROM logged) AND session_status IN ('starting', 'active', 'idle')
    RETURNING version
)
SELECT l.id::text AS id, l.persona_id::text AS persona_id, l.session_id::text AS session_id, l.activity_type,
       l.platform_type, l.activity_data, l.source, l.ip_address, l.user_agent, l.location_data, l.risk_level,
       l.anomaly_score, l.gdpr_category, l.retention_until::text AS retention_until, l.created_at,
       (SELECT version FROM counted) AS _session_version
FROM logged l
