SELECT count(*) FROM proxy_health_checks WHERE checked_at < $1::timestamptz
