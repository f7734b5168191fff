-- Uptime: the share of checks in the stored 30-day history that did not fail.
UPDATE proxy_assignments x SET
    health_status = $2, response_time_ms = $3, last_health_check = $4::timestamptz,
    uptime_percentage = (SELECT round(100.0 * count(*) FILTER (WHERE c.health_status <> 'failed') / count(*), 2)
                         FROM proxy_health_checks c WHERE c.proxy_assignment_id = x.id)
WHERE x.id = $1::uuid
RETURNING x.assigned_persona_id::text
