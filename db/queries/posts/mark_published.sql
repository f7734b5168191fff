UPDATE manual_posts m SET
    published_manually_at = $2::timestamptz, platform_post_id = $3,
    creation_completed_at = COALESCE(m.creation_completed_at, $2::timestamptz),
    creation_time_minutes = COALESCE(m.creation_time_minutes,
        GREATEST(0, round(extract(epoch FROM ($2::timestamptz - m.creation_started_at)) / 60))::integer),
    session_id = COALESCE(m.session_id, (SELECT s.id FROM persona_sessions s
                                         WHERE s.persona_id = m.persona_id
                                           AND s.session_status IN ('starting', 'active', 'idle')
                                         ORDER BY s.started_at DESC LIMIT 1)),
    updated_at = $4::timestamptz
WHERE m.id = $1::uuid
RETURNING m.session_id::text
