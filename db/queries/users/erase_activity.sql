WITH gone AS (DELETE FROM activity_logs WHERE user_id = $1::uuid RETURNING 1) SELECT count(*) FROM gone
