SELECT to_jsonb(t)::text FROM personas t WHERE t.user_id = $1::uuid ORDER BY t.created_at, t.id
