UPDATE users SET last_login = $2::timestamptz WHERE id = $1::uuid
