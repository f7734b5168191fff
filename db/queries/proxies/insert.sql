-- $3 is the validated body without the password (app::ValidateProxy). Never checked yet:
-- last_health_check stays NULL rather than the seed's default of now.
INSERT INTO proxy_assignments (id, user_id, proxy_id, proxy_ip, proxy_port, proxy_username, proxy_password_encrypted,
                               country_code, city, isp_name, assignment_status, last_health_check,
                               monthly_bandwidth_gb, monthly_requests, monthly_cost_usd, created_at, updated_at)
SELECT $1::uuid, $2::uuid, b->>'proxy_id', b->>'proxy_ip', (b->>'proxy_port')::integer, b->>'proxy_username', $4,
       COALESCE(b->>'country_code', 'PH'), b->>'city', b->>'isp_name', COALESCE(b->>'assignment_status', 'available'),
       NULL, COALESCE((b->>'monthly_bandwidth_gb')::numeric, 0), COALESCE((b->>'monthly_requests')::integer, 0),
       COALESCE((b->>'monthly_cost_usd')::numeric, 1.27), $5::timestamptz, $5::timestamptz
FROM (SELECT $3::jsonb AS b) body
