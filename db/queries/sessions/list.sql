-- Filters are optional (NULL = any); status 'live' means starting, active or idle;
-- from/to apply to started_at.
SELECT s.id::text AS id, s.persona_id::text AS persona_id, s.session_status, s.proxy_id::text AS proxy_id,
       s.proxy_connected_at, s.proxy_disconnected_at, s.active_platforms, s.platform_sessions,
       s.actions_performed, s.content_posted, s.errors_encountered, s.started_at, s.last_activity_at, s.ended_at,
       s.duration_minutes, s.end_reason, s.error_message, s.suspicious_activity_detected, s.risk_events,
       s.updated_at, s.version AS _version,
       to_char(s.started_at, 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS _sort_at, s.id::text AS _sort_id
FROM persona_sessions s
WHERE s.user_id = $1::uuid
  AND ($2::uuid IS NULL OR s.persona_id = $2::uuid)
  AND ($3::text IS NULL OR s.session_status = $3
       OR ($3 = 'live' AND s.session_status IN ('starting', 'active', 'idle')))
  AND ($4::timestamptz IS NULL OR s.started_at >= $4::timestamptz)
  AND ($5::timestamptz IS NULL OR s.started_at < $5::timestamptz)
  AND ($6::timestamptz IS NULL OR (s.started_at, s.id::text) < ($6::timestamptz, $7))
ORDER BY s.started_at DESC, s.id DESC
LIMIT $8
