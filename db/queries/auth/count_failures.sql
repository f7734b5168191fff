SELECT count(*) FROM login_attempts
WHERE email = $1 AND NOT succeeded AND attempted_at > $2::timestamptz - $3::interval
