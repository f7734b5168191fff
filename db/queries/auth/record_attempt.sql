INSERT INTO login_attempts (email, source_ip, succeeded, attempted_at) VALUES ($1, $2, $3, $4::timestamptz)
