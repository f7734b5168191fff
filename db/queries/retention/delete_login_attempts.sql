WITH gone AS (DELETE FROM login_attempts WHERE attempted_at < $1::timestamptz RETURNING 1) SELECT count(*) FROM gone
