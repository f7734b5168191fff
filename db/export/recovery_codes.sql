SELECT (to_jsonb(t) - 'code_hash')::text FROM recovery_codes t WHERE t.user_id = $1::uuid ORDER BY t.id
