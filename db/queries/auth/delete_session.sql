DELETE FROM auth_sessions WHERE id = $1::uuid AND user_id = $2::uuid
