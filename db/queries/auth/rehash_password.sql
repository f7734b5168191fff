UPDATE users SET password_hash = $2 WHERE id = $1::uuid
