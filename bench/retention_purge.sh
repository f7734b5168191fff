#!/usr/bin/env bash
# Purging 90 days of activity: `persona retention run` (whole monthly partitions dropped,
# the boundary month trimmed) against a plain DELETE of the same rows, on the same data.
#   bench/retention_purge.sh [BINARY] [ROWS]      (default build/persona, 10 000 000 rows)
# The rows are spread evenly over the 180 days before now (one user, 10 personas), so
# about half are past 90 days. Uses a scratch cluster (tests/test_cluster.sh, no fsync).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "${1:-build/persona}")
rows=${2:-10000000}
dir=/tmp/persona-retention-bench
tests/test_cluster.sh start "$dir" >/dev/null
trap 'tests/test_cluster.sh stop "$dir"' EXIT
psql_() { psql -X -q -v ON_ERROR_STOP=1 -h "$dir" -U postgres "$@"; }
ms() { echo $((($(date +%s%N) - $1) / 1000000)); }

fill() {  # $1: database
  psql_ -c "CREATE DATABASE $1" postgres
  PERSONA_DATABASE_URL="host=$dir user=postgres dbname=$1" "$bin" migrate up >/dev/null 2>&1
  psql_ "$1" <<SQL
SELECT FROM persona_ensure_activity_partitions((now() - interval '181 days')::date, 7);
INSERT INTO users (id, email, password_hash, max_personas) VALUES ('00000000-0000-4000-8000-000000000001', 'bench@x', 'x', 100);
INSERT INTO personas (id, user_id, name, demographics, personality, primary_location, timezone, activity_schedule,
                      content_themes, engagement_style)
SELECT ('00000000-0000-4000-8000-0000000001' || lpad(n::text, 2, '0'))::uuid, '00000000-0000-4000-8000-000000000001',
       'P' || n, '{}', '{}', 'Manila', 'Asia/Manila', '{}', '{}', '{}' FROM generate_series(0, 9) n;
INSERT INTO activity_logs (user_id, persona_id, activity_type, platform_type, activity_data, source, created_at)
SELECT '00000000-0000-4000-8000-000000000001',
       ('00000000-0000-4000-8000-0000000001' || lpad((n % 10)::text, 2, '0'))::uuid,
       (ARRAY['like','comment','follow','share'])[1 + n % 4], (ARRAY['twitter','instagram','tiktok'])[1 + n % 3],
       '{}', 'manual', now() - (n::double precision / $rows) * interval '180 days'
FROM generate_series(0, $rows - 1) n;
VACUUM ANALYZE activity_logs;
SQL
}

echo "filling two databases with $rows activity rows each (180 days)…"
t=$(date +%s%N); fill purge_a; echo "fill: $(ms "$t") ms"
fill purge_b
expired=$(psql_ -At -c "SELECT count(*) FROM activity_logs WHERE created_at < now() - interval '90 days'" purge_a)
echo "rows past 90 days: $expired"

# Space comes back only after VACUUM: dropped partitions need none, a DELETE leaves every
# removed row as a dead tuple in the table and its seven indexes until VACUUM clears them.
t=$(date +%s%N)
PERSONA_DATABASE_URL="host=$dir user=postgres dbname=purge_a" "$bin" retention run
a1=$(ms "$t")
psql_ -c "VACUUM activity_logs" purge_a
a2=$(ms "$t")

t=$(date +%s%N)
psql_ -c "DELETE FROM activity_logs WHERE created_at < now() - interval '90 days'" purge_b
b1=$(ms "$t")
psql_ -c "VACUUM activity_logs" purge_b
b2=$(ms "$t")
echo "persona retention run: $a1 ms; with the VACUUM that reclaims the space: $a2 ms"
echo "plain DELETE:          $b1 ms; with the VACUUM that reclaims the space: $b2 ms"
size_a=$(psql_ -At -c "SELECT pg_size_pretty(sum(pg_total_relation_size(inhrelid))) FROM pg_inherits WHERE inhparent = 'activity_logs'::regclass" purge_a)
size_b=$(psql_ -At -c "SELECT pg_size_pretty(sum(pg_total_relation_size(inhrelid))) FROM pg_inherits WHERE inhparent = 'activity_logs'::regclass" purge_b)
echo "on disk afterwards: retention $size_a, DELETE $size_b"
left_a=$(psql_ -At -c "SELECT count(*) FROM activity_logs" purge_a)
left_b=$(psql_ -At -c "SELECT count(*) FROM activity_logs" purge_b)
echo "rows left: retention $left_a, DELETE $left_b"
