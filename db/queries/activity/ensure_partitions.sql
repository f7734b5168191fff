SELECT persona_ensure_activity_partitions($1::date, $2)
