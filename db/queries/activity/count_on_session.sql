-- A manual action recorded in a live session: counted, and the session is active again.
UPDATE persona_sessions SET actions_performed = actions_performed + 1, session_status = 'active',
    last_activity_at = $2::timestamptz, updated_at = $2::timestamptz
WHERE id = $1::uuid AND session_status IN ('starting', 'active', 'idle')
RETURNING version
