SELECT x.id::text, x.assigned_persona_id::text, x.assignment_status, x.proxy_id, x.proxy_ip, x.city
FROM proxy_assignments x
WHERE x.id = $1::uuid AND x.user_id = $2::uuid
FOR UPDATE
