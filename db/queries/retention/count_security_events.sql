SELECT count(*) FROM security_events WHERE created_at < $1::timestamptz
