-- The persona's manual actions in the hour before $2, and in the 7 days before that hour
-- (its usual rate): the inputs of the anomaly rule (docs/activity.md).
SELECT count(*) FILTER (WHERE l.created_at > $2::timestamptz - interval '1 hour'),
       count(*) FILTER (WHERE l.created_at <= $2::timestamptz - interval '1 hour')
FROM activity_logs l
WHERE l.persona_id = $1::uuid AND l.source = 'manual'
  AND l.created_at > $2::timestamptz - interval '7 days 1 hour' AND l.created_at <= $2::timestamptz
