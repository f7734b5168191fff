WITH gone AS (DELETE FROM login_attempts WHERE email = $1 RETURNING 1) SELECT count(*) FROM gone
