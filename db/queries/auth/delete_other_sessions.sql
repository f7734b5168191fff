DELETE FROM auth_sessions WHERE user_id = $1::uuid AND id::text <> $2
