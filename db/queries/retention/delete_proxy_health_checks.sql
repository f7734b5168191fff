WITH gone AS (DELETE FROM proxy_health_checks WHERE checked_at < $1::timestamptz RETURNING 1) SELECT count(*) FROM gone
