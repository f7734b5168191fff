SELECT to_jsonb(t)::text FROM manual_posts t WHERE t.user_id = $1::uuid ORDER BY t.created_at, t.id
