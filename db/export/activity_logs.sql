-- The bulk of an export: read through idx_activity_logs_user_time.
SELECT to_jsonb(t)::text FROM activity_logs t WHERE t.user_id = $1::uuid ORDER BY t.created_at, t.id
