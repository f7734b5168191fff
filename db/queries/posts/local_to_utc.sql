-- A wall-clock time in a zone as UTC. A time skipped by a DST change is read with the
-- offset before the change (PostgreSQL's rule), so it lands one hour later.
SELECT to_char(($1::timestamp AT TIME ZONE $2) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
