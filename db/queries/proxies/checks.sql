SELECT c.checked_at, c.health_status, c.response_time_ms, c.error,
       to_char(c.checked_at, 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS _sort_at, lpad(c.id::text, 19, '0') AS _sort_id
FROM proxy_health_checks c
WHERE c.proxy_assignment_id = $1::uuid
  AND ($2::timestamptz IS NULL OR (c.checked_at, lpad(c.id::text, 19, '0')) < ($2::timestamptz, $3))
ORDER BY c.checked_at DESC, c.id DESC
LIMIT $4
