-- Session-level: held across the per-migration transactions of one run.
SELECT pg_advisory_lock($1)
