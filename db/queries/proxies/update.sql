-- $3 is the validated patch without the password; $4 the new encrypted password or NULL.
UPDATE proxy_assignments x SET
    proxy_id = CASE WHEN b ? 'proxy_id' THEN b->>'proxy_id' ELSE x.proxy_id END,
    proxy_ip = CASE WHEN b ? 'proxy_ip' THEN b->>'proxy_ip' ELSE x.proxy_ip END,
    proxy_port = CASE WHEN b ? 'proxy_port' THEN (b->>'proxy_port')::integer ELSE x.proxy_port END,
    proxy_username = CASE WHEN b ? 'proxy_username' THEN b->>'proxy_username' ELSE x.proxy_username END,
    proxy_password_encrypted = COALESCE($4, x.proxy_password_encrypted),
    country_code = CASE WHEN b ? 'country_code' THEN b->>'country_code' ELSE x.country_code END,
    city = CASE WHEN b ? 'city' THEN b->>'city' ELSE x.city END,
    isp_name = CASE WHEN b ? 'isp_name' THEN b->>'isp_name' ELSE x.isp_name END,
    assignment_status = CASE WHEN b ? 'assignment_status' THEN b->>'assignment_status' ELSE x.assignment_status END,
    monthly_bandwidth_gb = CASE WHEN b ? 'monthly_bandwidth_gb' THEN (b->>'monthly_bandwidth_gb')::numeric
                                ELSE x.monthly_bandwidth_gb END,
    monthly_requests = CASE WHEN b ? 'monthly_requests' THEN (b->>'monthly_requests')::integer
                            ELSE x.monthly_requests END,
    monthly_cost_usd = CASE WHEN b ? 'monthly_cost_usd' THEN (b->>'monthly_cost_usd')::numeric
                            ELSE x.monthly_cost_usd END,
    updated_at = $5::timestamptz
FROM (SELECT $3::jsonb AS b) body
WHERE x.id = $1::uuid AND x.user_id = $2::uuid
RETURNING x.assigned_persona_id::text, x.proxy_id, x.proxy_ip, x.city
