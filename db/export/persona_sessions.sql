SELECT to_jsonb(t)::text FROM persona_sessions t WHERE t.user_id = $1::uuid ORDER BY t.started_at, t.id
