-- After whole partitions are dropped: the boundary month (and DEFAULT) by created_at —
-- partition pruning keeps this to the partitions before the cutoff — then the rows whose
-- retention_until has come, wherever they are (a partial index finds them).
WITH old AS (
    DELETE FROM activity_logs WHERE created_at < $1::timestamptz AND retention_until IS NULL RETURNING 1
), due AS (
    DELETE FROM activity_logs WHERE retention_until <= $2::date RETURNING 1
)
SELECT (SELECT count(*) FROM old) + (SELECT count(*) FROM due)
