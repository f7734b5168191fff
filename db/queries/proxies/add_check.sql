INSERT INTO proxy_health_checks (proxy_assignment_id, checked_at, health_status, response_time_ms, error)
VALUES ($1::uuid, $2::timestamptz, $3, $4, $5)
