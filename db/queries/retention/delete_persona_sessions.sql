WITH gone AS (
    DELETE FROM persona_sessions WHERE session_status IN ('ended', 'error') AND ended_at < $1::timestamptz RETURNING 1
)
SELECT count(*) FROM gone
