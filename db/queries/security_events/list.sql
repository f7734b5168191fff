-- Filters are optional (NULL = any).
SELECT e.id::text AS id, e.event_type, e.severity, e.persona_id::text AS persona_id,
       e.platform_account_id::text AS platform_account_id, e.event_description, e.event_data, e.source_ip, e.proxy_ip,
       e.user_agent, e.actions_taken, e.resolved, e.resolved_at, e.resolved_by::text AS resolved_by, e.created_at,
       to_char(e.created_at, 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS _sort_at, e.id::text AS _sort_id
FROM security_events e
WHERE e.user_id = $1::uuid
  AND ($2::text IS NULL OR e.severity = $2)
  AND ($3::text IS NULL OR e.event_type = $3)
  AND ($4::boolean IS NULL OR e.resolved = $4)
  AND ($5::uuid IS NULL OR e.persona_id = $5::uuid)
  AND ($6::timestamptz IS NULL OR e.created_at >= $6::timestamptz)
  AND ($7::timestamptz IS NULL OR e.created_at < $7::timestamptz)
  AND ($8::timestamptz IS NULL OR (e.created_at, e.id::text) < ($8::timestamptz, $9))
ORDER BY e.created_at DESC, e.id DESC
LIMIT $10
