-- The history is kept 30 days.
DELETE FROM proxy_health_checks WHERE proxy_assignment_id = $1::uuid AND checked_at < $2::timestamptz - interval '30 days'
