-- Live sessions quiet since $2 (the quiet period before now, $1) become idle.
UPDATE persona_sessions SET session_status = 'idle', updated_at = $1::timestamptz
WHERE session_status IN ('starting', 'active') AND last_activity_at <= $2::timestamptz
RETURNING id::text, version
