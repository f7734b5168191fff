-- Activity rows past retention at $1 (cutoff) / $2 (today): older than the cutoff unless
-- retention_until keeps them, or with a retention_until that has come.
SELECT count(*) FROM activity_logs
WHERE (retention_until IS NULL AND created_at < $1::timestamptz) OR retention_until <= $2::date
