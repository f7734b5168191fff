-- The monthly partitions of activity_logs that end at or before $1 (the cutoff): every
-- row in them is past 90 days. Partitions are named activity_logs_YYYY_MM by
-- persona_ensure_activity_partitions.
SELECT c.relname, to_date(substr(c.relname, 15), 'YYYY_MM') AS month_start
FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
WHERE i.inhparent = 'activity_logs'::regclass AND c.relname ~ '^activity_logs_[0-9]{4}_[0-9]{2}$'
  AND (to_date(substr(c.relname, 15), 'YYYY_MM') + interval '1 month') AT TIME ZONE 'UTC' <= $1::timestamptz
ORDER BY 2
