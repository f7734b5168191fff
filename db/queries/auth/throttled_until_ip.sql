SELECT extract(epoch FROM attempted_at + $4::interval)::float8
FROM login_attempts
WHERE source_ip = $1 AND NOT succeeded AND attempted_at > $2::timestamptz - $4::interval
ORDER BY attempted_at DESC
OFFSET $3 - 1 LIMIT 1
