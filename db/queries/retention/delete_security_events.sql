WITH gone AS (DELETE FROM security_events WHERE created_at < $1::timestamptz RETURNING 1) SELECT count(*) FROM gone
