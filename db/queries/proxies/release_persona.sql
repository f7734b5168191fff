UPDATE proxy_assignments SET assignment_status = 'available', assigned_persona_id = NULL, assigned_at = NULL
WHERE assigned_persona_id = $1::uuid
RETURNING id::text, proxy_id
