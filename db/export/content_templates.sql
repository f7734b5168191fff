SELECT to_jsonb(t)::text FROM content_templates t WHERE t.user_id = $1::uuid ORDER BY t.created_at, t.id
