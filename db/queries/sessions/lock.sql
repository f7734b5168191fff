SELECT session_status, persona_id::text FROM persona_sessions WHERE id = $1::uuid AND user_id = $2::uuid FOR UPDATE
