SELECT x.id::text AS id, x.proxy_id, x.proxy_ip, x.proxy_port, x.proxy_username, true AS has_password, x.country_code,
       x.city, x.isp_name, x.assignment_status, x.assigned_persona_id::text AS assigned_persona_id, x.assigned_at,
       x.last_health_check, x.health_status, x.response_time_ms, x.uptime_percentage, x.monthly_bandwidth_gb,
       x.monthly_requests, x.monthly_cost_usd, x.created_at, x.updated_at,
       to_char(x.created_at, 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS _sort_at, x.id::text AS _sort_id
FROM proxy_assignments x
WHERE x.user_id = $1::uuid AND ($2::timestamptz IS NULL OR (x.created_at, x.id::text) < ($2::timestamptz, $3))
ORDER BY x.created_at DESC, x.id DESC
LIMIT $4
