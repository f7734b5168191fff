#!/usr/bin/env bash
# sqlmap against every route of the API that takes a parameter — path, query, header or
# body — authenticated with a Bearer token, on a scratch `persona serve` on loopback with
# its own temporary data directory (docs/sqlmap.md). Not part of CI: it takes a while.
#   scripts/sqlmap.sh [PERSONA_BINARY]          (default build-asan/persona)
# Environment:
#   SQLMAP_ONLY=REGEX   only the routes ("METHOD /path") matching it
#   SQLMAP_LEVEL=3 SQLMAP_RISK=2
#   SQLMAP_DBMS=PostgreSQL  the back end's payloads only (what Persona runs on); empty: every
#                       DBMS sqlmap knows, about four times the requests
#   SQLMAP_THREADS=1    sqlmap's concurrent requests per route (--threads, at most 10)
#   SQLMAP_OUT=DIR      where the per-route sqlmap output, the targets, the server's log and
#                       results.tsv go (default sqlmap-results/, git-ignored)
# Prints one line per route (requests the server saw, 5xx answers, sqlmap's verdict) and a
# total; exits 1 if sqlmap found an injection point, the server answered 5xx or crashed.
# Needs sqlmap, curl and python3 (Debian packages). CPU: sqlmap runs niced.
set -euo pipefail
cd "$(dirname "$0")/.."

bin=$(realpath "${1:-build-asan/persona}")
level=${SQLMAP_LEVEL:-3}
risk=${SQLMAP_RISK:-2}
dbms=${SQLMAP_DBMS-PostgreSQL}
out=$(realpath -m "${SQLMAP_OUT:-sqlmap-results}")
for tool in sqlmap curl python3; do
  command -v "$tool" >/dev/null || { echo "sqlmap.sh: $tool is not installed" >&2; exit 1; }
done
rm -rf "$out"
mkdir -p "$out/runs"

work=$(mktemp -d)
server_pid=
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 150); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

PERSONA_PROXY_CHECK_INTERVAL=0 PERSONA_DATABASE_URL= PERSONA_REDIS_URL= PERSONA_MASTER_KEY= \
  "$bin" serve --data-dir "$work/data" --listen 127.0.0.1:0 >"$work/serve.out" 2>"$out/serve.log" &
server_pid=$!
port=
touch "$work/serve.out"  # the background job may not have opened it yet
for _ in $(seq 900); do
  port=$(sed -n 's|^listening on http://127\.0\.0\.1:\([0-9]*\)$|\1|p' "$work/serve.out")
  [ -n "$port" ] && break
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.1
done
[ -n "$port" ] || { tail -n 30 "$out/serve.log" >&2; echo "sqlmap.sh: persona serve did not start" >&2; exit 1; }
base=http://127.0.0.1:$port

# The first admin's token: log in with its generated password, create a token.
password=$(cat "$work/data/admin-password")
curl -sf -o /dev/null -c "$work/cookies" -H 'Content-Type: application/json' \
  --data "{\"email\":\"admin@persona.local\",\"password\":\"$password\"}" "$base/api/v1/auth/login"
curl -sf -b "$work/cookies" -H "Origin: $base" -H 'Content-Type: application/json' \
  --data '{"name":"sqlmap"}' "$base/api/v1/me/tokens" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])' \
  >"$work/token"
python3 scripts/sqlmap_targets.py "$base" "$work/token" >"$out/targets.jsonl"
token=$(cat "$work/token")

# Lines of the server's access log so far ("request" lines), and those answered 5xx.
requests_seen() { grep -c '"msg":"request"' "$out/serve.log" || true; }

printf 'route\tpoints\trequests\t5xx\tverdict\n' >"$out/results.tsv"
total_requests=0 total_5xx=0 injectable=0 routes=0 points_total=0
started=$(date +%s)
while IFS= read -r target; do
  eval "$(python3 - "$target" <<'PY'
import json, shlex, sys
t = json.loads(sys.argv[1])
print("route=" + shlex.quote(t["route"]))
print("method=" + shlex.quote(t["method"]))
print("url=" + shlex.quote(t["url"]))
print("data=" + shlex.quote(t["data"] or ""))
print("content_type=" + shlex.quote(t["content_type"] or ""))
print("extra_headers=" + shlex.quote("\\n".join(t["headers"])))
print("points=" + shlex.quote(", ".join(t["points"])))
print("npoints=%d" % len(t["points"]))
PY
)"
  if [ -n "${SQLMAP_ONLY:-}" ] && ! [[ $route =~ $SQLMAP_ONLY ]]; then continue; fi
  routes=$((routes + 1))
  points_total=$((points_total + npoints))
  headers="Authorization: Bearer $token"
  [ -n "$content_type" ] && headers+="\\nContent-Type: $content_type"
  [ -n "$extra_headers" ] && headers+="\\n$extra_headers"
  args=(-u "$url" --method "$method" --headers "$(printf '%b' "$headers")" --batch --level "$level" --risk "$risk"
        --threads "${SQLMAP_THREADS:-1}" --flush-session --disable-coloring --output-dir "$work/sqlmap" -v 1
        --ignore-code 401,404)
  # 401: login and the password checks answer it to the (wrong) sample password; 404: a
  # DELETE's first request removes its object, and sqlmap would stop at the next.
  [ -n "$data" ] && args+=(--data "$data")
  [ -n "$dbms" ] && args+=(--dbms "$dbms")
  name=$(echo "$route" | tr -c 'A-Za-z0-9_\n' '_')
  before=$(requests_seen)
  before_5xx=$(grep '"msg":"request"' "$out/serve.log" | grep -c '"status":5[0-9][0-9]' || true)
  nice -n 10 sqlmap "${args[@]}" >"$out/runs/$name.log" 2>&1 || true
  # Keep the token out of what is kept.
  sed -i "s/$token/REDACTED/g" "$out/runs/$name.log"
  requests=$(($(requests_seen) - before))
  fivexx=$(($(grep '"msg":"request"' "$out/serve.log" | grep -c '"status":5[0-9][0-9]' || true) - before_5xx))
  if grep -q 'identified the following injection point' "$out/runs/$name.log"; then
    verdict=INJECTABLE
    injectable=$((injectable + 1))
  elif grep -q 'all tested parameters do not appear to be injectable' "$out/runs/$name.log"; then
    verdict="not injectable"
  else
    verdict="sqlmap did not finish: $(grep -E '\[(CRITICAL|ERROR)\]' "$out/runs/$name.log" | tail -n 1 | cut -c1-120)"
    injectable=$((injectable + 1))  # counted as a failure: nothing was shown
  fi
  total_requests=$((total_requests + requests))
  total_5xx=$((total_5xx + fivexx))
  printf '%s\t%s\t%d\t%d\t%s\n' "$route" "$points" "$requests" "$fivexx" "$verdict" >>"$out/results.tsv"
  printf 'sqlmap.sh: %-55s %6d requests %3d 5xx  %s\n' "$route" "$requests" "$fivexx" "$verdict"
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "sqlmap.sh: FAIL: the server died during $route" >&2
    exit 1
  fi
done <"$out/targets.jsonl"

elapsed=$(($(date +%s) - started))
echo "sqlmap.sh: $routes routes, $points_total parameters, $total_requests requests, $total_5xx answered 5xx," \
  "$injectable not shown safe; ${elapsed}s (level $level, risk $risk, dbms ${dbms:-any})"
if [ "$total_5xx" -gt 0 ]; then
  echo "sqlmap.sh: 5xx answers (method path status):" >&2
  grep '"msg":"request"' "$out/serve.log" | grep '"status":5[0-9][0-9]' |
    python3 -c 'import json,sys
for l in sys.stdin:
    j = json.loads(l); print(j.get("method"), j.get("path"), j.get("status"))' | sort | uniq -c | head -n 40 >&2
fi
kill -TERM "$server_pid"
rc=0
wait "$server_pid" || rc=$?
server_pid=
[ "$rc" -eq 0 ] || { echo "sqlmap.sh: FAIL: persona serve exited with $rc" >&2; exit 1; }
if grep -qE 'ERROR: (Address|Leak)Sanitizer|runtime error:' "$out/serve.log"; then
  echo "sqlmap.sh: FAIL: the server's log holds a sanitizer report" >&2
  exit 1
fi
[ "$injectable" -eq 0 ] && [ "$total_5xx" -eq 0 ]
