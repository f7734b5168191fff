SELECT id::text FROM users WHERE email = $1
