#!/usr/bin/env bash
# Load benchmark of `persona serve` (issue 15), with the database's own ceiling measured in
# the same run:
#   bench/load.sh [BINARY]          (default build/persona: the release build of scripts/setup)
#
# 1. A scratch PostgreSQL 15 in a temporary directory (Unix socket only, fsync on, the
#    defaults otherwise; the bulk load runs with wal_level=minimal, then the cluster is
#    restarted with the defaults before anything is measured).
# 2. `persona migrate up`, three users (`persona user add`), bench/load_data.sql: 5 personas
#    with accounts, proxies, templates, posts, drafts and BENCH_ROWS activity rows over 90
#    days; two more personas with BENCH_QUIET_ACTIONS and BENCH_BUSY_ACTIONS manual
#    actions in the last 7 days; then VACUUM ANALYZE and a checkpoint.
# 3. `persona serve` on 127.0.0.1 (a free port), an API token per user (login, then
#    POST /me/tokens), one request of each scenario checked with curl.
# 4. `wrk -t THREADS -c CONNECTIONS -d SECONDS` per scenario (bench/load.lua), and right
#    after the scenarios that have one, `pgbench -M prepared` with the same SQL the server
#    runs for them (db/queries, the time parameter replaced by now()); the server's memory
#    is sampled from /proc/PID/status throughout.
# 5. One table on standard output, appended to bench/RESULTS.md with commit, date, machine
#    and load average.
# Exit status 1 when any step fails, any scenario answered anything but 2xx or had socket
# errors, or a pgbench transaction failed; no timing is judged.
#
# Environment (defaults in brackets):
#   BENCH_ROWS [10000000]          activity rows of the 5 personas, spread over 90 days
#   BENCH_SECONDS [10]             each wrk and pgbench run
#   BENCH_CONNECTIONS [32]         wrk connections and pgbench clients
#   BENCH_THREADS [2]              wrk threads and pgbench threads
#   BENCH_WARMUP [2]               seconds of reads before the first measured run
#   BENCH_QUIET_ACTIONS [1000]     the "Quiet" persona's manual actions in the last 7 days
#   BENCH_BUSY_ACTIONS [1000000]   the "Busy" persona's
#   BENCH_DRAFTS [3000/s + 1000]   posts ready to publish (each is published once)
#   BENCH_RESULTS [bench/RESULTS.md]  where the table is appended; empty: nowhere
#   BENCH_NOTE                     a line to put under the table's heading
#   BENCH_SOURCE                   the checkout BINARY was built from, for the commit shown
#                                  [the git work tree that holds BINARY]
#   BENCH_DRAIN [120]              seconds to wait after a run for the server to finish what
#                                  wrk left queued (an old build can take minutes); past them
#                                  its database sessions are ended, so that the next run
#                                  starts clean, and the scenario is marked
#   BENCH_KEEP=1                   keep the temporary directory (database, logs)
#   PERSONA_PG_BINDIR              PostgreSQL binaries [/usr/lib/postgresql/15/bin]
# Profiles of the same scenarios (bench/RESULTS.md says how they were read):
#   BENCH_PERF=DIR                 `perf record -a -g -e cpu-clock` during each scenario into
#                                  DIR/N.data, with DIR/N.comm.txt (CPU per process) and
#                                  DIR/N.persona.txt (the server's functions, self time;
#                                  shares of all samples of the run)
#   BENCH_CALLGRIND=DIR            the server runs under valgrind --tool=callgrind, its counts
#                                  zeroed before each scenario and dumped after it (DIR/
#                                  callgrind.out.N, DIR/N.txt: inclusive counts); prints
#                                  instructions per request instead of the ceilings (use
#                                  BENCH_CONNECTIONS=1 BENCH_THREADS=1: one request in flight)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
bin=$(realpath "${1:-$root/build/persona}")
[ -x "$bin" ] || { echo "load.sh: no persona binary at $bin (build it: scripts/setup)" >&2; exit 1; }
rows=${BENCH_ROWS:-10000000}
secs=${BENCH_SECONDS:-10}
conns=${BENCH_CONNECTIONS:-32}
threads=${BENCH_THREADS:-2}
warmup=${BENCH_WARMUP:-2}
quiet=${BENCH_QUIET_ACTIONS:-1000}
busy=${BENCH_BUSY_ACTIONS:-1000000}
drafts=${BENCH_DRAFTS:-$((3000 * secs + 1000))}
results=${BENCH_RESULTS-$root/bench/RESULTS.md}
pg_bindir=${PERSONA_PG_BINDIR:-/usr/lib/postgresql/15/bin}
for n in rows secs conns threads warmup quiet busy drafts; do
  [[ ${!n} =~ ^[0-9]+$ ]] || { echo "load.sh: $n must be a whole number, not '${!n}'" >&2; exit 2; }
done
[ "$secs" -ge 1 ] && [ "$conns" -ge "$threads" ] && [ "$threads" -ge 1 ] ||
  { echo "load.sh: need BENCH_SECONDS >= 1 and BENCH_CONNECTIONS >= BENCH_THREADS >= 1" >&2; exit 2; }
for tool in wrk curl "$pg_bindir/pgbench" "$pg_bindir/psql" "$pg_bindir/initdb" "$pg_bindir/pg_ctl"; do
  command -v "$tool" >/dev/null || { echo "load.sh: $tool is missing (scripts/setup --tests installs it)" >&2; exit 1; }
done

say() { echo "load.sh: $*" >&2; }
fail() { echo "load.sh: FAIL: $*" >&2; exit 1; }
ms() { echo $((($(date +%s%N) - $1) / 1000000)); }
# PostgreSQL refuses to run as root.
as_owner() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

work=$(mktemp -d /tmp/persona-load.XXXXXX)
chmod 0711 "$work"
pg=$work/pg
mkdir -m 0700 "$pg" "$work/data"
[ "$(id -u)" -eq 0 ] && chown postgres: "$pg"
serve_pid=
sampler_pid=
cleanup() {
  [ -n "$sampler_pid" ] && kill "$sampler_pid" 2>/dev/null
  if [ -n "$serve_pid" ]; then kill "$serve_pid" 2>/dev/null && wait "$serve_pid" 2>/dev/null; fi
  as_owner "$pg_bindir/pg_ctl" -D "$pg/data" -m fast -w stop >/dev/null 2>&1 || true
  if [ "${BENCH_KEEP:-}" = 1 ]; then say "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

psql_() { "$pg_bindir/psql" -X -q -v ON_ERROR_STOP=1 -h "$pg" -U postgres -d persona "$@"; }
pg_start() {  # extra server options
  as_owner "$pg_bindir/pg_ctl" -D "$pg/data" -l "$pg/postgres.log" -w -t 120 \
    -o "-c listen_addresses='' -k $pg $*" start >/dev/null || { cat "$pg/postgres.log" >&2; fail "PostgreSQL did not start"; }
}
pg_stop() { as_owner "$pg_bindir/pg_ctl" -D "$pg/data" -m fast -w stop >/dev/null; }
load_average() { cut -d' ' -f1-3 /proc/loadavg; }

# --- 1. the database --------------------------------------------------------------------
t_all=$(date +%s%N)
as_owner "$pg_bindir/initdb" -D "$pg/data" -U postgres --auth=trust -E UTF8 --locale=C --no-sync >"$pg/initdb.log"
pg_start -c wal_level=minimal -c max_wal_senders=0 -c max_wal_size=8GB -c checkpoint_timeout=30min
"$pg_bindir/psql" -X -q -h "$pg" -U postgres -d postgres -c "CREATE DATABASE persona"
export PERSONA_DATABASE_URL="host=$pg user=postgres dbname=persona"
"$bin" migrate up --no-backup --data-dir "$work/data" >"$work/migrate.log" 2>&1 ||
  { cat "$work/migrate.log" >&2; fail "persona migrate up"; }

password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
declare -A user_id
for role in reader writer creator; do
  user_id[$role]=$(printf '%s\n' "$password" |
    "$bin" user add --email "bench-$role@example.com" --password-stdin --tier enterprise --data-dir "$work/data" 2>"$work/user.log") ||
    { cat "$work/user.log" >&2; fail "persona user add"; }
done

say "loading $rows activity rows (+ $quiet quiet, $busy busy), $drafts drafts …"
t=$(date +%s%N)
psql_ -v reader="${user_id[reader]}" -v writer="${user_id[writer]}" -v creator="${user_id[creator]}" \
  -v rows="$rows" -v quiet="$quiet" -v busy="$busy" -v drafts="$drafts" \
  -f "$root/bench/load_data.sql" >"$work/load.log" 2>&1 || { cat "$work/load.log" >&2; fail "bench/load_data.sql"; }
months=$(psql_ -At -c "SELECT to_char(m, 'YYYY-MM-DD') FROM bench_load_streams,
                         generate_series(date_trunc('month', t0 AT TIME ZONE 'UTC'), date_trunc('month', t1 AT TIME ZONE 'UTC'),
                                         interval '1 month') m WHERE n_rows > 0 GROUP BY m ORDER BY m")
# The months in parallel sessions, the biggest first (BENCH_LOAD_JOBS, default the cores).
export -f psql_
export pg pg_bindir root work
printf '%s\n' $months | sort -r | xargs -P "${BENCH_LOAD_JOBS:-$(nproc)}" -I{} bash -c \
  'psql_ -v month={} -f "$root/bench/load_activity.sql" >"$work/load.{}.log" 2>&1 || { cat "$work/load.{}.log" >&2; exit 255; }' ||
  fail "bench/load_activity.sql"
psql_ -v attach=1 -f "$root/bench/load_activity.sql" >>"$work/load.log" 2>&1 || { cat "$work/load.log" >&2; fail "bench/load_activity.sql (attach)"; }
load_ms=$(ms "$t")
t=$(date +%s%N)
psql_ -c "VACUUM ANALYZE" -c "CHECKPOINT"
vacuum_ms=$(ms "$t")
say "loaded in $((load_ms / 1000)) s, VACUUM ANALYZE + CHECKPOINT $((vacuum_ms / 1000)) s"
pg_stop
pg_start   # the defaults from here on: fsync, synchronous_commit, wal_level replica
pg_version=$(psql_ -At -c "SHOW server_version")
db_size=$(psql_ -At -c "SELECT pg_size_pretty(pg_database_size('persona'))")

# --- 2. the server ----------------------------------------------------------------------
serve_prefix=()
wrk_timeout=2s  # wrk's default; a request that takes longer counts as a socket error
if [ -n "${BENCH_CALLGRIND:-}" ]; then
  mkdir -p "$BENCH_CALLGRIND"
  BENCH_CALLGRIND=$(realpath "$BENCH_CALLGRIND")
  serve_prefix=(valgrind --tool=callgrind --callgrind-out-file="$BENCH_CALLGRIND/callgrind.out")
  wrk_timeout=60s
fi
[ -z "${BENCH_PERF:-}" ] || { mkdir -p "$BENCH_PERF"; BENCH_PERF=$(realpath "$BENCH_PERF"); }
# application_name: its sessions are told from pgbench's and psql's (see drain below).
PERSONA_DATABASE_URL="$PERSONA_DATABASE_URL application_name=persona_serve" PERSONA_PROXY_CHECK_INTERVAL=0 \
  "${serve_prefix[@]}" "$bin" serve --data-dir "$work/data" --listen 127.0.0.1:0 \
  >"$work/serve.out" 2>"$work/serve.log" &
serve_pid=$!
for _ in $(seq 1 3000); do
  grep -q '^listening on ' "$work/serve.out" 2>/dev/null && break
  kill -0 "$serve_pid" 2>/dev/null || { cat "$work/serve.log" >&2; fail "persona serve exited"; }
  sleep 0.1
done
url=$(sed -n 's/^listening on \(http:[^ ]*\).*/\1/p' "$work/serve.out")
[ -n "$url" ] || fail "persona serve did not report its address"
rss_kib() { awk -v k="$1" '$1 == k ":" { print $2 }' "/proc/$serve_pid/status"; }
sleep 1
idle_rss=$(rss_kib VmRSS)  # ready, no request served yet

declare -A token
for role in reader writer creator; do
  jar=$work/cookies-$role
  code=$(curl -s -o "$work/login.json" -w '%{http_code}' -c "$jar" -H 'Content-Type: application/json' \
    -d "{\"email\": \"bench-$role@example.com\", \"password\": \"$password\"}" "$url/api/v1/auth/login")
  [ "$code" = 200 ] || { cat "$work/login.json" >&2; fail "login as bench-$role answered $code"; }
  code=$(curl -s -o "$work/token.json" -w '%{http_code}' -b "$jar" -H 'Content-Type: application/json' \
    -H "Origin: $url" -d '{"name": "bench/load.sh"}' "$url/api/v1/me/tokens")
  [ "$code" = 201 ] || { cat "$work/token.json" >&2; fail "POST /me/tokens answered $code"; }
  token[$role]=$(sed -n 's/.*"token": *"\([^"]*\)".*/\1/p' "$work/token.json")
  [ -n "${token[$role]}" ] || fail "no token in the answer of POST /me/tokens"
done

ids() { psql_ -At -c "$1" >"$work/$2.ids"; [ -s "$work/$2.ids" ] || fail "no ids for $2"; }
ids "SELECT id FROM personas WHERE user_id = '${user_id[reader]}' ORDER BY name" reader
ids "SELECT id FROM personas WHERE user_id = '${user_id[writer]}' AND name = 'Quiet'" quiet
ids "SELECT id FROM personas WHERE user_id = '${user_id[writer]}' AND name = 'Busy'" busy
ids "SELECT id FROM manual_posts WHERE user_id = '${user_id[reader]}' AND published_manually_at IS NULL ORDER BY random()" drafts
ids "SELECT id FROM manual_posts WHERE user_id = '${user_id[reader]}' AND published_manually_at IS NOT NULL ORDER BY random()" published
# One draft is kept for the check below; wrk publishes the others, each once.
head -n 1 "$work/drafts.ids" >"$work/check_draft.ids"
sed -i 1d "$work/drafts.ids"

activity_body='{"persona_id": "{id}", "activity_type": "comment", "platform_type": "instagram", "activity_data": {"target": "@kape.tayo", "text": "Ang ganda nito!"}}'
persona_body='{"name": "Bench {n}", "status": "active", "demographics": {"age": 27, "gender": "female", "location": "Quezon City", "occupation": "nurse"}, "personality": {"interests": ["food", "travel"], "communication_style": "warm"}, "backstory": "Grew up in Cebu.", "primary_location": "Manila", "timezone": "Asia/Manila", "language_preferences": ["en", "fil"], "activity_schedule": {"posting_times": {"monday": ["08:30", "19:00"]}, "posts_per_day": 2}, "content_themes": {"topics": ["street food"], "hashtags": ["#Manila"]}, "engagement_style": {"comment_frequency": "medium"}}'
publish_body='{"platform_post_id": "wrk-{id}"}'
engagement_body='{"likes": 120, "comments": 14, "shares": 3, "views": 4200}'

# Scenarios: name|role|method|path|body|ids|once. {id} takes the ids of the file, {n} a
# number unique to the request.
scenarios=(
  "GET /personas/{id}|reader|GET|/api/v1/personas/{id}||reader|"
  "GET /personas|reader|GET|/api/v1/personas|||"
  "GET /activity?persona_id=…&limit=50|reader|GET|/api/v1/activity?persona_id={id}&limit=50||reader|"
  "POST /activity (${quiet} actions in 7 days)|writer|POST|/api/v1/activity|$activity_body|quiet|"
  "POST /activity (${busy} actions in 7 days)|writer|POST|/api/v1/activity|$activity_body|busy|"
  "POST /personas|creator|POST|/api/v1/personas|$persona_body||"
  "POST /posts/{id}/publish|reader|POST|/api/v1/posts/{id}/publish|$publish_body|drafts|1"
  "PUT /posts/{id}/engagement/immediate|reader|PUT|/api/v1/posts/{id}/engagement/immediate|$engagement_body|published|"
)

# One request of each with curl: a scenario that cannot succeed once is a broken benchmark.
check() {  # role method path body expected
  local body=${4//\{n\}/check}
  local args=(-s -o "$work/check.json" -w '%{http_code}' -X "$2" -H "Authorization: Bearer ${token[$1]}")
  [ -n "$body" ] && args+=(-H 'Content-Type: application/json' --data-binary "$body")
  local code
  code=$(curl "${args[@]}" "$url$3")
  [ "$code" = "$5" ] || { cat "$work/check.json" >&2; echo >&2; fail "$2 $3 answered $code, expected $5"; }
}
# PostgreSQL logs every statement meanwhile: the statements (round trips) per request.
declare -A statements
psql_ -c "ALTER SYSTEM SET log_statement = 'all'" -c "SELECT pg_reload_conf()" >/dev/null
sleep 0.5
n=0
for s in "${scenarios[@]}"; do
  IFS='|' read -r name role method path body idfile once <<<"$s"
  n=$((n + 1))
  id=
  if [ "$once" = 1 ]; then id=$(cat "$work/check_draft.ids"); elif [ -n "$idfile" ]; then id=$(head -n 1 "$work/$idfile.ids"); fi
  expected=200
  [ "$method $path" = "POST /api/v1/activity" ] || [ "$method $path" = "POST /api/v1/personas" ] && expected=201
  before=$(wc -l <"$pg/postgres.log")
  check "$role" "$method" "${path//\{id\}/$id}" "${body//\{id\}/$id}" "$expected"
  sleep 0.2
  tail -n +$((before + 1)) "$pg/postgres.log" >"$work/trace.$n.log"
  # Not the readiness monitor's probe, which runs twice a second whatever the requests.
  statements[$name]=$(grep 'LOG:  \(statement\|execute\)' "$work/trace.$n.log" | grep -cv 'execute health_schema_version' || true)
done
psql_ -c "ALTER SYSTEM RESET log_statement" -c "SELECT pg_reload_conf()" >/dev/null

(while kill -0 "$serve_pid" 2>/dev/null; do rss_kib VmRSS; sleep 0.1; done) >"$work/rss.samples" 2>/dev/null &
sampler_pid=$!

# --- 3. the runs ------------------------------------------------------------------------
wrk_run() {  # out role method path body ids once seconds
  BENCH_TOKEN=${token[$2]} BENCH_METHOD=$3 BENCH_PATH=$4 BENCH_BODY=$5 \
    BENCH_IDS=${6:+$work/$6.ids} BENCH_ONCE=$7 BENCH_THREADS=$threads \
    wrk -t "$threads" -c "$conns" -d "${8}s" --timeout "$wrk_timeout" -s "$root/bench/load.lua" "$url" >"$1" 2>&1 || { cat "$1" >&2; fail "wrk failed"; }
  grep -q '^BENCH_RESULT ' "$1" || { cat "$1" >&2; fail "wrk printed no result"; }
}
field() { sed -n "s/.*[ ]$2=\([0-9]*\).*/\1/p" "$1"; }

# After a run, until the server has no statement in flight (wrk stops sending, but what
# it queued is still being served): nothing else may run meanwhile. Past BENCH_DRAIN
# seconds the server's database sessions are ended (it reconnects) and the scenario marked.
declare -A drained cut
server_busy() {
  psql_ -At -c "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'persona_serve' AND state <> 'idle'"
}
drain() {  # name
  local t
  t=$(date +%s%N)
  local deadline=$((SECONDS + ${BENCH_DRAIN:-120}))
  while [ "$(server_busy)" -gt 0 ]; do
    if [ "$SECONDS" -ge "$deadline" ]; then
      psql_ -At -c "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
                    WHERE application_name = 'persona_serve' AND state <> 'idle'" >/dev/null
      cut[$1]=1
      sleep 1
      break
    fi
    sleep 0.2
  done
  drained[$1]=$(($(ms "$t") / 1000))
}

# pgbench -M prepared on the SQL of db/queries; $N become pgbench variables (-D), except
# the request's time, which becomes now().
sql_of() {  # query-file substitutions… (each "N=text")
  local f=$root/db/queries/$1.sql expr=()
  shift
  for sub in "$@"; do expr+=(-e "s/\\\$${sub%%=*}\\b/${sub#*=}/g"); done
  sed "${expr[@]}" "$f"
  echo ";"
}
declare -A ceiling_tps ceiling_p50 ceiling_p99 ceiling_failed ceiling_load
pgbench_run() {  # key defines… -- scripts…
  local key=$1 defines=() scripts=()
  shift
  while [ "$1" != -- ]; do defines+=(-D "$1"); shift; done
  shift
  for f in "$@"; do scripts+=(-f "$f"); done
  rm -f "$work"/pglog."$key".*
  ceiling_load[$key]=$(load_average)
  timeout -s KILL $((secs + 300)) "$pg_bindir/pgbench" -n -M prepared -c "$conns" -j "$threads" -T "$secs" -h "$pg" -U postgres \
    -l --log-prefix="$work/pglog.$key" "${defines[@]}" "${scripts[@]}" persona >"$work/pgbench.$key.out" 2>&1 ||
    { cat "$work/pgbench.$key.out" >&2; fail "pgbench ($key) failed"; }
  ceiling_tps[$key]=$(sed -n 's/^tps = \([0-9.]*\) (without initial connection time)/\1/p' "$work/pgbench.$key.out")
  ceiling_failed[$key]=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$work/pgbench.$key.out")
  [ -n "${ceiling_tps[$key]}" ] || { cat "$work/pgbench.$key.out" >&2; fail "pgbench ($key) printed no tps"; }
  read -r ceiling_p50[$key] ceiling_p99[$key] < <(cat "$work"/pglog."$key".* | awk '{ print $3 }' | sort -n |
    awk '{ v[NR] = $1 } END { if (NR == 0) { print "0 0" } else {
      i50 = int(NR * 0.50); i99 = int(NR * 0.99); if (i50 < 1) i50 = 1; if (i99 < 1) i99 = 1;
      printf "%.2f %.2f\n", v[i50] / 1000, v[i99] / 1000 } }')
}
mkdir "$work/sql"
reader_hash=$(psql_ -At -c "SELECT token_hash FROM api_tokens WHERE user_id = '${user_id[reader]}'")
writer_hash=$(psql_ -At -c "SELECT token_hash FROM api_tokens WHERE user_id = '${user_id[writer]}'")
creator_hash=$(psql_ -At -c "SELECT token_hash FROM api_tokens WHERE user_id = '${user_id[creator]}'")
i=0
while read -r pid; do
  i=$((i + 1))
  { sql_of auth/token_caller 1=:token_hash '2=now()'; sql_of personas/get "1=:persona_$i" 2=:user_id; } >"$work/sql/get_$i.sql"
done <"$work/reader.ids"
{ sql_of auth/token_caller 1=:token_hash '2=now()'
  sql_of activity/insert_manual 1=:user_id 2=:persona_id 3=:activity_type 4=:platform_type 5=:activity_data 6=:ip 7=:user_agent '8=now()'; } >"$work/sql/insert_manual.sql"
{ sql_of auth/token_caller 1=:token_hash '2=now()'
  sql_of personas/insert 1=:user_id 2=:body '3=now()' 4=:ip 5=:user_agent; } >"$work/sql/insert_persona.sql"
ua='wrk/4 (bench/load.sh)'
activity_data='{"target": "@kape.tayo", "text": "Ang ganda nito!"}'

declare -A rps p50 p99 errors load ceiling_of reqs hwm
ceiling_a() {
  local defines=(token_hash="$reader_hash" user_id="${user_id[reader]}") i=0
  while read -r pid; do i=$((i + 1)); defines+=("persona_$i=$pid"); done <"$work/reader.ids"
  pgbench_run a "${defines[@]}" -- "$work"/sql/get_*.sql
}
ceiling_b() {  # key persona-id
  pgbench_run "$1" token_hash="$writer_hash" user_id="${user_id[writer]}" persona_id="$2" activity_type=comment \
    platform_type=instagram activity_data="$activity_data" ip=127.0.0.1 user_agent="$ua" -- "$work/sql/insert_manual.sql"
}
ceiling_c() {
  pgbench_run c token_hash="$creator_hash" user_id="${user_id[creator]}" body="${persona_body//\{n\}/pgbench}" \
    ip=127.0.0.1 user_agent="$ua" -- "$work/sql/insert_persona.sql"
}

say "warming up ($warmup s of reads) …"
if [ "$warmup" -gt 0 ]; then
  wrk_run "$work/warmup1.out" reader GET '/api/v1/personas/{id}' '' reader '' "$warmup"
  wrk_run "$work/warmup2.out" reader GET '/api/v1/activity?persona_id={id}&limit=50' '' reader '' "$warmup"
  drain warmup
fi
n=0
failed=0
for s in "${scenarios[@]}"; do
  IFS='|' read -r name role method path body idfile once <<<"$s"
  n=$((n + 1))
  load[$name]=$(load_average)
  out=$work/wrk.$n.out
  if [ -n "${BENCH_PERF:-}" ]; then
    perf record -a -g -e cpu-clock -F 499 -o "$BENCH_PERF/$n.data" -- sleep "$secs" >/dev/null 2>&1 &
    perf_pid=$!
  fi
  [ -z "${BENCH_CALLGRIND:-}" ] || callgrind_control -z "$serve_pid" >/dev/null
  wrk_run "$out" "$role" "$method" "$path" "$body" "$idfile" "$once" "$secs"
  if [ -n "${BENCH_CALLGRIND:-}" ]; then
    callgrind_control -d "scenario $n" "$serve_pid" >/dev/null
  fi
  if [ -n "${BENCH_PERF:-}" ]; then
    wait "$perf_pid" || true
    perf report -i "$BENCH_PERF/$n.data" --stdio --no-children --sort comm -g none 2>/dev/null | grep -v '^#' | grep . |
      sed -n 1,12p >"$BENCH_PERF/$n.comm.txt" || true
    perf report -i "$BENCH_PERF/$n.data" --stdio --no-children --pid "$serve_pid" --sort dso,sym -g none 2>/dev/null |
      grep -v '^#' | grep . | sed -n 1,60p >"$BENCH_PERF/$n.persona.txt" || true
  fi
  requests=$(field "$out" requests)
  reqs[$name]=$requests
  drain "$name"
  [ "${drained[$name]}" -lt 2 ] || say "$name: the server took ${drained[$name]} s to finish what wrk had queued${cut[$name]:+; its sessions were ended}"
  hwm[$name]=$(rss_kib VmHWM)
  duration=$(field "$out" duration_us)
  rps[$name]=$(awk -v r="$requests" -v d="$duration" 'BEGIN { printf "%.0f", r / (d / 1e6) }')
  p50[$name]=$(awk -v v="$(field "$out" p50_us)" 'BEGIN { printf "%.2f", v / 1000 }')
  p99[$name]=$(awk -v v="$(field "$out" p99_us)" 'BEGIN { printf "%.2f", v / 1000 }')
  errors[$name]=$(($(field "$out" status_errors) + $(field "$out" socket_errors)))
  [ "$requests" -gt 0 ] || { say "$name: no request completed"; failed=1; }
  [ "${errors[$name]}" -eq 0 ] || { say "$name: ${errors[$name]} errors"; failed=1; }
  say "$name: ${rps[$name]} req/s, p50 ${p50[$name]} ms, p99 ${p99[$name]} ms, ${errors[$name]} errors (load ${load[$name]})"
  [ -z "${BENCH_CALLGRIND:-}" ] || continue  # no ceilings: the server is the subject
  case $n in
    1) ceiling_a; ceiling_of[$name]=a ;;
    4) ceiling_b b1 "$(cat "$work/quiet.ids")"; ceiling_of[$name]=b1 ;;
    5) ceiling_b b2 "$(cat "$work/busy.ids")"; ceiling_of[$name]=b2 ;;
    6) ceiling_c; ceiling_of[$name]=c ;;
  esac
done
sleep 2
after_rss=$(rss_kib VmRSS)
peak_rss=$(rss_kib VmHWM)
kill "$sampler_pid" 2>/dev/null || true
sampler_pid=
sampled_peak=$(sort -n "$work/rss.samples" | tail -n 1)
for key in "${!ceiling_failed[@]}"; do
  [ "${ceiling_failed[$key]:-0}" -eq 0 ] || { say "pgbench ($key): ${ceiling_failed[$key]} failed transactions"; failed=1; }
done
if grep -q '"status":5[0-9][0-9]' "$work/serve.log"; then say "the server answered 5xx (see serve.log)"; failed=1; fi

# --- 4. the table -----------------------------------------------------------------------
declare -A ceiling_name=(
  [a]="token lookup + SELECT persona"
  [b1]="token lookup + persona check + INSERT, committed (Quiet)"
  [b2]="token lookup + persona check + INSERT, committed (Busy)"
  [c]="token lookup + INSERT persona + its activity row, committed"
)
mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
source_dir=${BENCH_SOURCE:-$(dirname "$bin")}
commit=$(git -C "$source_dir" rev-parse --short HEAD 2>/dev/null || echo unknown)
[ -z "$(git -C "$source_dir" status --porcelain --untracked-files=no 2>/dev/null)" ] || commit="$commit (with uncommitted changes)"
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | sed -n 1p)
callgrind_table() {
  echo "| scenario | requests | instructions per request (server) |"
  echo "| --- | ---: | ---: |"
  local n=0 total
  for s in "${scenarios[@]}"; do
    IFS='|' read -r name _ <<<"$s"
    n=$((n + 1))
    local dump=$BENCH_CALLGRIND/callgrind.out.$n
    callgrind_annotate --auto=no --inclusive=yes "$dump" 2>/dev/null | sed -n 1,80p >"$BENCH_CALLGRIND/$n.txt"
    total=$(callgrind_annotate "$dump" 2>/dev/null | sed -n 's/^ *\([0-9,]*\) .*PROGRAM TOTALS.*/\1/p' | tr -d ,)
    echo "| $name | ${reqs[$name]} | $(awk -v t="${total:-0}" -v r="${reqs[$name]}" 'BEGIN { printf "%.0f", (r > 0 ? t / r : 0) }') |"
  done
}
table=$(
  echo "### $(date -u '+%Y-%m-%d %H:%M UTC'), commit $commit"
  echo
  [ -n "${BENCH_NOTE:-}" ] && { echo "$BENCH_NOTE"; echo; }
  echo "Machine: $(nproc) cores, $cpu; PostgreSQL $pg_version (fsync on), database $db_size."
  echo "Data: $rows activity rows over 90 days on 5 personas, Quiet $quiet and Busy $busy manual actions in 7 days;"
  echo "loaded in $((load_ms / 1000)) s (+ $((vacuum_ms / 1000)) s VACUUM ANALYZE). wrk -t$threads -c$conns -d${secs}s;"
  echo "ceilings: pgbench -M prepared -c$conns -j$threads -T$secs on the same SQL. Statements: what PostgreSQL ran for one"
  echo "request (log_statement = all, BEGIN and COMMIT included). Peak RSS: the server's VmHWM after the scenario."
  echo "Load average (1, 5, 15 min) at each run's start."
  echo
  if [ -n "${BENCH_CALLGRIND:-}" ]; then
    echo "The server under valgrind --tool=callgrind, counting only during each scenario's run."
    echo
    callgrind_table
    exit 0
  fi
  echo "| scenario | req/s | p50 ms | p99 ms | errors | ceiling tx/s | share | statements | peak RSS MiB | load avg |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
  for s in "${scenarios[@]}"; do
    IFS='|' read -r name _ <<<"$s"
    key=${ceiling_of[$name]:-}
    if [ -n "$key" ]; then
      share=$(awk -v a="${rps[$name]}" -v b="${ceiling_tps[$key]}" 'BEGIN { printf "%.0f %%", 100 * a / b }')
      echo "| $name | ${rps[$name]} | ${p50[$name]} | ${p99[$name]} | ${errors[$name]} | $(printf '%.0f' "${ceiling_tps[$key]}") ($key) | $share | ${statements[$name]} | $(mib "${hwm[$name]}") | ${load[$name]} |"
    else
      echo "| $name | ${rps[$name]} | ${p50[$name]} | ${p99[$name]} | ${errors[$name]} | | | ${statements[$name]} | $(mib "${hwm[$name]}") | ${load[$name]} |"
    fi
  done
  for s in "${scenarios[@]}"; do
    IFS='|' read -r name _ <<<"$s"
    [ "${drained[$name]:-0}" -lt 2 ] ||
      echo "- $name: after wrk stopped the server needed ${drained[$name]} s for what was queued${cut[$name]:+ (then its database sessions were ended)}."
  done
  echo
  echo "| ceiling (pgbench) | tx/s | p50 ms | p99 ms | failed | load avg |"
  echo "| --- | ---: | ---: | ---: | ---: | --- |"
  for key in a b1 b2 c; do
    echo "| ($key) ${ceiling_name[$key]} | $(printf '%.0f' "${ceiling_tps[$key]}") | ${ceiling_p50[$key]} | ${ceiling_p99[$key]} | ${ceiling_failed[$key]:-0} | ${ceiling_load[$key]} |"
  done
  echo
  echo "POST /activity Busy / Quiet: $(awk -v a="${rps[${scenarios[4]%%|*}]}" -v b="${rps[${scenarios[3]%%|*}]}" 'BEGIN { printf "%.2f", a / b }')." \
    "\`persona serve\` memory: idle $(mib "$idle_rss") MiB, peak $(mib "$peak_rss") MiB (VmHWM; highest sample $(mib "$sampled_peak") MiB)," \
    "$(mib "$after_rss") MiB after the runs. Whole run $(($(ms "$t_all") / 1000)) s."
)
echo
echo "$table"
if [ -n "$results" ]; then
  { echo; echo "$table"; } >>"$results"
  say "appended to $results"
fi
[ "$failed" -eq 0 ] || fail "some scenario failed (above)"
