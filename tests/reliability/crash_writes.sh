#!/usr/bin/env bash
# Crash safety (docs/reliability.md): a real `persona serve` on a fresh data directory with
# its embedded PostgreSQL takes 1 000 concurrent writes of mixed kinds; half-way through,
# the server and its whole PostgreSQL (postmaster and every backend) are killed with
# SIGKILL at the same moment, the WAL writer paused beforehand so that only what was
# fsynced survives, as in a power cut; `serve` restarts on the same data directory, and
# every acknowledged write must be there, none half-applied, and the server must answer
# normally.
#   tests/reliability/crash_writes.sh PERSONA_BINARY
# The client is crash_writes.py beside this script (python3, threads and http.client).
# Everything listens on loopback only; the cluster opens no TCP port at all.
#
# Environment:
#   CRASH_TEST_UNSAFE=1   turn the protection off, to see the test fail: the server's database
#                         sessions run with synchronous_commit=off (PGOPTIONS, which libpq
#                         reads; persona itself is unchanged), so a commit is acknowledged
#                         before its WAL reaches the disk and the SIGKILL loses some
#   CRASH_TEST_KILL=server  SIGKILL the server alone (its cluster then gets SIGINT from the
#                         kernel and shuts down cleanly); default: the server and its cluster
#   CRASH_TEST_SABOTAGE=1 break one row per invariant after the restart, behind the server's
#                         back, to see verify name every invariant (and the test fail)
#   CRASH_TEST_OUTCOMES   where each write's outcome goes, one JSON line per write
#                         (default ./crash_writes.outcomes.jsonl)
#   CRASH_TEST_SEED       the order of the writes (default 16)
#   CRASH_TEST_KEEP=1     keep the scratch directory (data dir, logs) for inspection
set -euo pipefail

[ $# -eq 1 ] || { echo "usage: $0 PERSONA_BINARY" >&2; exit 2; }
bin=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
client=$here/crash_writes.py
outcomes=$(realpath -m "${CRASH_TEST_OUTCOMES:-crash_writes.outcomes.jsonl}")
work=$(mktemp -d /tmp/persona-crash.XXXXXX)
data=$work/data
started=$(date +%s%N)
say() { echo "crash_writes: $*"; }
ms() { echo $((($(date +%s%N) - $1) / 1000000)); }

# The pids of the children of process $1 (from /proc: procps may be missing).
children_of() {
  local parent=$1 f stat
  for f in /proc/[0-9]*/stat; do
    stat=$(cat "$f" 2>/dev/null) || continue
    read -r -a stat <<<"${stat##*) }" # state ppid …, after the command name
    [ "${stat[1]}" = "$parent" ] && { f=${f#/proc/}; echo "${f%/stat}"; }
  done
  return 0
}

# The reapers (crash_writes.py run) of the servers started, and the servers' pid files.
reapers=()
cleanup() {
  local code=$?
  local pg
  for i in "${!reapers[@]}"; do
    kill -0 "${reapers[$i]}" 2>/dev/null || continue
    # Whatever is still up is stopped hard: its data directory is thrown away.
    if [ -s "$work/serve$i.pid" ]; then kill -KILL -- "-$(cat "$work/serve$i.pid")" 2>/dev/null || true; fi
    # The postmaster and each of its children (each leads a process group of its own; the
    # WAL writer may be stopped, and would not notice the postmaster's death).
    pg=$(head -n 1 "$data/postgres/postmaster.pid" 2>/dev/null || true)
    if [ -n "$pg" ] && [ "$(cat "/proc/$pg/comm" 2>/dev/null)" = postgres ]; then
      # shellcheck disable=SC2046 # one pid per word
      kill -KILL "$pg" $(children_of "$pg") 2>/dev/null || true
    fi
    wait "${reapers[$i]}" 2>/dev/null || true
  done
  if [ "$code" -ne 0 ]; then
    for log in "$work"/serve*.log; do
      [ -f "$log" ] && { echo "--- last lines of $(basename "$log")"; tail -n 20 "$log"; }
    done
    [ -f "$data/postgres.log" ] && { echo "--- last lines of postgres.log"; tail -n 20 "$data/postgres.log"; }
  fi
  if [ "${CRASH_TEST_KEEP:-}" = 1 ]; then say "kept $work"; else rm -rf "$work"; fi
  exit "$code"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
fail() {
  echo "crash_writes: FAIL: $*" >&2
  exit 1
}

# serve N [ENV…]: starts `persona serve` number N on the data directory and waits for its
# "listening on" line; sets base (its URL) and serve_pid.
serve() {
  local n=$1
  shift
  env "$@" python3 "$client" run --pid-file "$work/serve$n.pid" -- \
    "$bin" serve --data-dir "$data" --listen 127.0.0.1:0 >"$work/serve$n.out" 2>"$work/serve$n.log" &
  reapers[n]=$!
  local deadline=$((SECONDS + 60)) line=
  until line=$(grep -m 1 -o 'listening on http://[0-9.:]*' "$work/serve$n.out" 2>/dev/null); do
    kill -0 "${reapers[n]}" 2>/dev/null || fail "persona serve ($n) exited before listening"
    [ $SECONDS -lt $deadline ] || fail "persona serve ($n) did not listen within 60 s"
    sleep 0.05
  done
  base=${line#listening on }
  serve_pid=$(cat "$work/serve$n.pid")
}

kill_mode=${CRASH_TEST_KILL:-all}
case $kill_mode in all | server) ;; *) fail "CRASH_TEST_KILL must be all or server, not $kill_mode" ;; esac
unsafe=()
if [ "${CRASH_TEST_UNSAFE:-}" = 1 ]; then
  unsafe=(PGOPTIONS="-c synchronous_commit=off")
  say "UNSAFE: the server's sessions run with synchronous_commit=off; this run is expected to fail"
fi

t=$(date +%s%N)
serve 1 "${unsafe[@]}"
say "persona serve listening on $base ($(ms "$t") ms, fresh data directory $data)"

# An owner allowed 100 personas (the writes create 60 beside the setup's).
email=crash@persona.test
(umask 077 && head -c 18 /dev/urandom | base64 >"$work/password")
if ! "$bin" user add --email "$email" --password-stdin --tier enterprise --data-dir "$data" \
  <"$work/password" >/dev/null 2>"$work/user-add.log"; then
  cat "$work/user-add.log" >&2
  fail "persona user add failed"
fi
t=$(date +%s%N)
python3 "$client" setup --base "$base" --state "$work/state.json" --email "$email" --password-file "$work/password"
say "setup took $(ms "$t") ms"

# The processes to kill: the postmaster (crash_writes.py finds its children) and serve.
postmaster=$(head -n 1 "$data/postgres/postmaster.pid")
[ "$(cat "/proc/$postmaster/comm")" = postgres ] || fail "no postmaster at pid $postmaster"
t=$(date +%s%N)
writes_status=0
python3 "$client" writes --base "$base" --state "$work/state.json" --outcomes "$outcomes" \
  --postmaster "$postmaster" --server "$serve_pid" --kill "$kill_mode" || writes_status=$?
# The reaper ends once the server and every PostgreSQL process are gone.
deadline=$((SECONDS + 30))
while kill -0 "${reapers[1]}" 2>/dev/null; do
  [ $SECONDS -lt $deadline ] || fail "a process of the killed server or its PostgreSQL is still there after 30 s"
  sleep 0.05
done
code=0
wait "${reapers[1]}" || code=$?
[ "$code" -eq 137 ] || fail "the killed server exited with $code, not 137 (SIGKILL)"
[ ! -e "/proc/$postmaster" ] || fail "the postmaster (pid $postmaster) survived the kill"
say "writes took $(ms "$t") ms; outcomes in $outcomes"
if [ "$kill_mode" = all ]; then
  [ -e "$data/postgres/postmaster.pid" ] || fail "the killed cluster left no postmaster.pid (it was not a crash)"
fi

# The restart: PostgreSQL recovers from its WAL (the killed postmaster's pid file is stale).
t=$(date +%s%N)
serve 2
say "persona serve restarted on the same data directory in $(ms "$t") ms"
if [ "$kill_mode" = all ]; then
  grep -q 'database system was interrupted\|database system was not properly shut down' "$data/postgres.log" ||
    fail "postgres.log shows no crash recovery: the cluster was not killed uncleanly"
fi
status=$(curl -s -o /dev/null -w '%{http_code}' "$base/readyz") || true
[ "$status" = 200 ] || fail "GET /readyz answered $status after the restart"

# Reading the tables: the cluster's own socket and superuser (its password never printed).
# psql of PERSONA_PG_BINDIR, else from PATH, else of the newest PostgreSQL installed.
if [ -n "${PERSONA_PG_BINDIR:-}" ]; then
  psql_bin=$PERSONA_PG_BINDIR/psql
else
  psql_bin=$(command -v psql || printf '%s\n' /usr/lib/postgresql/*/bin/psql | sort -V | tail -n 1)
fi
pg_env=(PSQL="$psql_bin" PGHOST="$data/run" PGPORT=5432 PGUSER=persona PGDATABASE=persona
        PGPASSWORD="$(cat "$data/db-password")")
[ -S "$data/run/.s.PGSQL.5432" ] || fail "no cluster socket in $data/run"
verify_status=0
sabotage=()
[ "${CRASH_TEST_SABOTAGE:-}" = 1 ] && sabotage=(--sabotage)
env "${pg_env[@]}" python3 "$client" verify --base "$base" --state "$work/state.json" --outcomes "$outcomes" \
  "${sabotage[@]}" || verify_status=$?

kill -TERM "$serve_pid"
code=0
wait "${reapers[2]}" || code=$?
[ "$code" -eq 0 ] || fail "the restarted server exited with $code on SIGTERM"
say "run time $(ms "$started") ms"
[ "$writes_status" -eq 0 ] || fail "a write was refused while the server was up"
[ "$verify_status" -eq 0 ] || fail "verify found lost or half-applied writes"
say "PASS"
