SELECT id::text FROM persona_sessions WHERE user_id = $1::uuid AND session_status IN ('starting', 'active', 'idle')
