SELECT (to_jsonb(t) - 'token_hash')::text FROM auth_sessions t WHERE t.user_id = $1::uuid ORDER BY t.created_at, t.id
