-- One row by id; $3, the row's created_at when known, lets the planner look at one
-- monthly partition only (the log is partitioned by created_at).
SELECT l.id::text AS id, l.persona_id::text AS persona_id, l.session_id::text AS session_id, l.activity_type,
       l.platform_type, l.activity_data, l.source, l.ip_address, l.user_agent, l.location_data, l.risk_level,
       l.anomaly_score, l.gdpr_category, l.retention_until::text AS retention_until, l.created_at
FROM activity_logs l
WHERE l.id = $1::uuid AND l.user_id = $2::uuid AND ($3::timestamptz IS NULL OR l.created_at = $3::timestamptz)
