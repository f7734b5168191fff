-- Uptime: the share of checks in the stored 30-day history that did not fail. Returns
-- the status before this check too, so a change to failed can raise a security event.
WITH before AS (SELECT health_status FROM proxy_assignments WHERE id = $1::uuid)
UPDATE proxy_assignments x SET
    health_status = $2, response_time_ms = $3, last_health_check = $4::timestamptz,
    uptime_percentage = (SELECT round(100.0 * count(*) FILTER (WHERE c.health_status <> 'failed') / count(*), 2)
                         FROM proxy_health_checks c WHERE c.proxy_assignment_id = x.id)
WHERE x.id = $1::uuid
RETURNING x.assigned_persona_id::text, (SELECT health_status FROM before), x.user_id::text, x.proxy_ip, x.proxy_id
