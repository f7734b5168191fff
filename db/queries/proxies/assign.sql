UPDATE proxy_assignments SET assignment_status = 'assigned', assigned_persona_id = $2::uuid,
    assigned_at = $3::timestamptz, updated_at = $3::timestamptz
WHERE id = $1::uuid
