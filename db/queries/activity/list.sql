-- Filters are optional (NULL = any); served by the (user_id, created_at) and
-- (user_id, activity_type, created_at) indexes of migration 0006.
SELECT l.id::text AS id, l.persona_id::text AS persona_id, l.session_id::text AS session_id, l.activity_type,
       l.platform_type, l.activity_data, l.source, l.ip_address, l.user_agent, l.location_data, l.risk_level,
       l.anomaly_score, l.gdpr_category, l.retention_until::text AS retention_until, l.created_at,
       to_char(l.created_at, 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS _sort_at, l.id::text AS _sort_id
FROM activity_logs l
WHERE l.user_id = $1::uuid
  AND ($2::uuid IS NULL OR l.persona_id = $2::uuid)
  AND ($3::text IS NULL OR l.activity_type = $3)
  AND ($4::text IS NULL OR l.platform_type = $4)
  AND ($5::timestamptz IS NULL OR l.created_at >= $5::timestamptz)
  AND ($6::timestamptz IS NULL OR l.created_at < $6::timestamptz)
  AND ($7::timestamptz IS NULL OR (l.created_at, l.id::text) < ($7::timestamptz, $8))
ORDER BY l.created_at DESC, l.id DESC
LIMIT $9
