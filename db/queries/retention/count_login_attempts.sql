SELECT count(*) FROM login_attempts WHERE attempted_at < $1::timestamptz
