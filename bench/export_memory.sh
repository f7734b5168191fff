#!/usr/bin/env bash
# Exporting a user with many activity rows: peak memory (RSS) and rows per second, for
# `persona export -o FILE` and for GET /api/v1/me/export from a running `persona serve`.
#   bench/export_memory.sh [BINARY] [ROWS]      (default build/persona, 1 000 000 rows)
# Uses a scratch cluster (tests/test_cluster.sh, no fsync). Build the release binary
# first (scripts/setup): a sanitizer build's shadow memory would swamp the figure.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "${1:-build/persona}")
rows=${2:-1000000}
dir=/tmp/persona-export-bench
work=$(mktemp -d)
tests/test_cluster.sh start "$dir" >/dev/null
server=
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  tests/test_cluster.sh stop "$dir"
  rm -rf "$work"
}
trap cleanup EXIT
psql_() { psql -X -q -v ON_ERROR_STOP=1 -h "$dir" -U postgres "$@"; }
export PERSONA_DATABASE_URL="host=$dir user=postgres dbname=export_bench"

psql_ -c "CREATE DATABASE export_bench" postgres
"$bin" migrate up --no-backup --data-dir "$work" >/dev/null 2>&1
echo 'bench password' | "$bin" user add --email bench@example.com --password-stdin --tier enterprise --data-dir "$work" >/dev/null 2>&1
echo "filling $rows activity rows (over 180 days, 10 personas)…"
psql_ export_bench <<SQL
SELECT FROM persona_ensure_activity_partitions((now() - interval '181 days')::date, 7);
INSERT INTO personas (user_id, name, demographics, personality, primary_location, timezone, activity_schedule,
                      content_themes, engagement_style)
SELECT u.id, 'P' || n, '{"age": 30}', '{}', 'Manila', 'Asia/Manila', '{}', '{}', '{}'
FROM users u, generate_series(0, 9) n;
INSERT INTO activity_logs (user_id, persona_id, activity_type, platform_type, activity_data, ip_address, user_agent,
                           created_at, source)
SELECT p.user_id, p.id, (ARRAY['like','comment','follow','share'])[1 + n % 4],
       (ARRAY['twitter','instagram','tiktok'])[1 + n % 3],
       jsonb_build_object('n', n), '192.0.2.' || (n % 250),
       'Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0', now() - (n::double precision / $rows) * interval '180 days',
       'manual'
FROM generate_series(0, $rows - 1) n
JOIN (SELECT id, user_id, row_number() OVER (ORDER BY id) - 1 AS k FROM personas) p ON p.k = n % 10;
VACUUM ANALYZE;
SQL

# Peak RSS of a child, from the kernel's own accounting (ru_maxrss, KiB).
measure() {
  python3 - "$@" <<'PY'
import resource, subprocess, sys, time
start = time.monotonic()
result = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
elapsed = time.monotonic() - start
if result.returncode != 0:
    sys.exit(f"failed with exit code {result.returncode}")
print(f"{resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss} {elapsed:.3f}")
PY
}

read -r rss seconds < <(measure "$bin" export --user bench@example.com -o "$work/export.json" --data-dir "$work")
size=$(stat -c %s "$work/export.json")
exported=$(grep -c '"activity_type"' "$work/export.json")
echo "persona export: $exported activity rows, $((size / 1048576)) MiB in ${seconds} s" \
     "= $(python3 -c "print(round($exported / $seconds))") rows/s; peak RSS $((rss / 1024)) MiB"

# The same through HTTP: the server's peak RSS (VmHWM) before and after one export.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$bin" serve --listen "127.0.0.1:$port" --data-dir "$work" >"$work/serve.out" 2>"$work/serve.log" &
server=$!
for _ in $(seq 100); do grep -q "listening on" "$work/serve.out" && break; sleep 0.1; done
curl -sf -c "$work/cookies" -H 'Content-Type: application/json' \
     -d '{"email": "bench@example.com", "password": "bench password"}' "http://127.0.0.1:$port/api/v1/auth/login" >/dev/null
hwm() { awk '/VmHWM/ {print int($2 / 1024)}' "/proc/$server/status"; }
before=$(hwm)
t=$(date +%s%N)
curl -sf -b "$work/cookies" -o "$work/http.json" "http://127.0.0.1:$port/api/v1/me/export"
seconds=$(python3 -c "print(($(date +%s%N) - $t) / 1e9)")
exported=$(grep -c '"activity_type"' "$work/http.json")
echo "GET /me/export: $exported activity rows in $(printf %.3f "$seconds") s" \
     "= $(python3 -c "print(round($exported / $seconds))") rows/s; server peak RSS $before MiB before, $(hwm) MiB after"
