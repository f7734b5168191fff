SELECT to_jsonb(h)::text
FROM proxy_health_checks h JOIN proxy_assignments p ON p.id = h.proxy_assignment_id
WHERE p.user_id = $1::uuid
ORDER BY h.checked_at, h.id
