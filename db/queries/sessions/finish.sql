-- Ends a live session at $3: 'ended' (by the operator) or 'error' (with its message,
-- counted as an error). The proxy connection ends with it.
UPDATE persona_sessions SET
    session_status = $2::text, end_reason = CASE WHEN $2::text = 'error' THEN 'error' ELSE 'manual' END,
    error_message = $4, errors_encountered = errors_encountered + CASE WHEN $2::text = 'error' THEN 1 ELSE 0 END,
    ended_at = $3::timestamptz,
    duration_minutes = GREATEST(0, floor(extract(epoch FROM ($3::timestamptz - started_at)) / 60))::integer,
    proxy_disconnected_at = CASE WHEN proxy_connected_at IS NOT NULL THEN $3::timestamptz END,
    updated_at = $3::timestamptz
WHERE id = $1::uuid AND session_status IN ('starting', 'active', 'idle')
RETURNING version
