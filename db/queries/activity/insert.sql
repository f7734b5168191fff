-- The persona's live session, if there is one, is linked too (API.md).
INSERT INTO activity_logs (user_id, persona_id, session_id, activity_type, platform_type, activity_data, ip_address,
                           user_agent, gdpr_category, created_at)
VALUES ($1::uuid, $2::uuid,
        (SELECT s.id FROM persona_sessions s
         WHERE $2::uuid IS NOT NULL AND s.persona_id = $2::uuid AND s.session_status IN ('starting', 'active', 'idle')
         ORDER BY s.started_at DESC LIMIT 1),
        $3, $4, $5::jsonb, $6, $7, 'functional', $8::timestamptz)
