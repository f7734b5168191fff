-- Only an unresolved event of the user; actions are appended to those already taken.
UPDATE security_events e SET resolved = true, resolved_at = $3::timestamptz, resolved_by = $2::uuid,
    actions_taken = COALESCE(e.actions_taken, '[]'::jsonb) || $4::jsonb
WHERE e.id = $1::uuid AND e.user_id = $2::uuid AND NOT e.resolved
RETURNING e.persona_id::text
