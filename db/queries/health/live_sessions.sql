SELECT count(*) FROM persona_sessions WHERE session_status IN ('starting', 'active', 'idle')
