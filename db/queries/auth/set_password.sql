UPDATE users SET password_hash = $2, updated_at = $3::timestamptz WHERE id = $1::uuid
