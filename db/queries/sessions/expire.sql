-- Ends every live session quiet since $2 (the idle limit before now, $1). The work ended
-- with its last recorded action, so that is when the session ends and what its duration
-- counts. Each gets an activity row. Several servers may run this at once: a row already
-- ended by one no longer matches for the other.
WITH expired AS (
    UPDATE persona_sessions SET
        session_status = 'ended', end_reason = 'idle_timeout', ended_at = last_activity_at,
        duration_minutes = GREATEST(0, floor(extract(epoch FROM (last_activity_at - started_at)) / 60))::integer,
        proxy_disconnected_at = CASE WHEN proxy_connected_at IS NOT NULL THEN last_activity_at END,
        updated_at = $1::timestamptz
    WHERE session_status IN ('starting', 'active', 'idle') AND last_activity_at <= $2::timestamptz
    RETURNING id, user_id, persona_id, version, last_activity_at
), logged AS (
    INSERT INTO activity_logs (user_id, persona_id, session_id, activity_type, activity_data, gdpr_category, created_at)
    SELECT user_id, persona_id, id, 'session_expire',
           jsonb_build_object('session_id', id::text, 'reason', 'idle_timeout',
                              'last_activity_at', to_char(last_activity_at, 'YYYY-MM-DD"T"HH24:MI:SS"Z"')),
           'functional', $1::timestamptz
    FROM expired
)
SELECT id::text, version FROM expired
