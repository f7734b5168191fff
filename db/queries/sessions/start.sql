-- A new session of a persona, on the proxy assigned to it (if any). Nothing is inserted
-- when the persona already has a live session (the unique partial index decides).
INSERT INTO persona_sessions (user_id, persona_id, session_status, proxy_id, proxy_connected_at, active_platforms,
                              platform_sessions, started_at, last_activity_at, updated_at)
SELECT $1::uuid, $2::uuid, 'starting', pa.id, CASE WHEN pa.id IS NOT NULL THEN $5::timestamptz END,
       $3::jsonb, $4::jsonb, $5::timestamptz, $5::timestamptz, $5::timestamptz
FROM (SELECT 1) one LEFT JOIN proxy_assignments pa ON pa.assigned_persona_id = $2::uuid
ON CONFLICT (persona_id) WHERE session_status IN ('starting', 'active', 'idle') DO NOTHING
RETURNING id::text
