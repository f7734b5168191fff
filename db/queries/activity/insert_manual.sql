-- An action done by hand, in the persona's live session if there is one; returns the
-- row's keys (the log is partitioned by created_at).
INSERT INTO activity_logs (user_id, persona_id, session_id, activity_type, platform_type, activity_data, ip_address,
                           user_agent, risk_level, anomaly_score, gdpr_category, source, created_at)
VALUES ($1::uuid, $2::uuid,
        (SELECT s.id FROM persona_sessions s
         WHERE s.persona_id = $2::uuid AND s.session_status IN ('starting', 'active', 'idle')
         ORDER BY s.started_at DESC LIMIT 1),
        $3, $4, $5::jsonb, $6, $7, $8, $9, 'functional', 'manual', $10::timestamptz)
RETURNING id::text, session_id::text
