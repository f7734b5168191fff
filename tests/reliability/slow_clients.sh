#!/usr/bin/env bash
# Slow clients against a real `persona serve` (docs/reliability.md): the header, request and
# keep-alive timeouts and the connection cap, each checked on its own, then Debian's
# slowhttptest — slowloris (-H) and slow body (-B), 1000 connections each — while a normal
# client keeps asking for /healthz and an authenticated API GET.
#   tests/reliability/slow_clients.sh PERSONA_BINARY
# Checked:
#   - a header trickled a line a second is cut at the header timeout, a body trickled a byte
#     a second at the request timeout, an idle keep-alive connection at the keep-alive timeout;
#   - during each attack every normal request answers 200 within NORMAL_LIMIT_S (1 s), and
#     the server itself closes the attack's connections;
#   - with PERSONA_MAX_CONNECTIONS connections held open, the normal client gets 503 with
#     Retry-After: 1 and a problem+json body (or a clean refusal, never a hang), and 200 again
#     once they are closed;
#   - at the end the server still serves, stops on SIGTERM with exit code 0, and its log holds
#     no sanitizer report.
# SLOW_CLIENTS_OFF=header|body|keepalive|cap turns that protection off (its limit set to
# something huge) to watch this script fail; see docs/reliability.md for what each does.
# Needs slowhttptest and curl (scripts/setup --tests). Stops everything it started.
set -euo pipefail

[ $# -eq 1 ] || { echo "usage: $0 PERSONA_BINARY" >&2; exit 2; }
bin=$(realpath "$1")
for tool in slowhttptest curl; do
  command -v "$tool" >/dev/null || { echo "slow_clients: FAIL: $tool is not installed (scripts/setup --tests)" >&2; exit 1; }
done

# Chosen so that, with every protection on, neither attack holds more connections than the
# cap (slowloris: 200/s × 2 s ≈ 400, slow body: 120/s × 4 s ≈ 480, cap 600), while with the
# header or request timeout off it would (about 800 and 1000).
# The checks hold the server to these; SLOW_CLIENTS_OFF changes only what it is told.
header_s=2 request_s=4 keepalive_s=2 cap=600
server_header_s=$header_s server_request_s=$request_s server_keepalive_s=$keepalive_s server_cap=$cap
huge=86400
case ${SLOW_CLIENTS_OFF:-} in
  '') ;;
  header) server_header_s=$huge ;;
  body) server_request_s=$huge ;;
  keepalive) server_keepalive_s=$huge ;;
  cap) server_cap=1000000 ;;
  *) echo "SLOW_CLIENTS_OFF must be header, body, keepalive or cap" >&2; exit 2 ;;
esac
NORMAL_LIMIT_S=${NORMAL_LIMIT_S:-1}
# Beyond the cap the answer is a refusal, and what matters is that it is not left hanging:
# the server first accepts the connections queued before it (hundreds, under ASan).
CAP_LIMIT_S=${CAP_LIMIT_S:-3}
slack_s=1.5  # beyond a timeout before a connection still open counts as not cut

work=$(mktemp -d)
server_pid=
bg_pids=()
say() { echo "slow_clients: $*"; }
failures=0
fail() {
  echo "slow_clients: FAIL: $*" >&2
  failures=$((failures + 1))
}
cleanup() {
  local pid
  for pid in "${bg_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$server_pid" 2>/dev/null || true
  fi
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 1' INT TERM
trap '' PIPE  # a write to a connection the server closed fails instead of killing us
ulimit -n "$(ulimit -Hn)"
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }
started=$(now)

# --- the server -------------------------------------------------------------------------
say "server: header ${server_header_s}s, request ${server_request_s}s, keep-alive ${server_keepalive_s}s," \
  "cap $server_cap${SLOW_CLIENTS_OFF:+ (off: $SLOW_CLIENTS_OFF)}"
PERSONA_HEADER_TIMEOUT_SECONDS=$server_header_s PERSONA_REQUEST_TIMEOUT_SECONDS=$server_request_s \
  PERSONA_KEEPALIVE_TIMEOUT_SECONDS=$server_keepalive_s PERSONA_MAX_CONNECTIONS=$server_cap \
  PERSONA_PROXY_CHECK_INTERVAL=0 PERSONA_DATABASE_URL= PERSONA_REDIS_URL= PERSONA_MASTER_KEY= \
  "$bin" serve --data-dir "$work/data" --listen 127.0.0.1:0 >"$work/serve.out" 2>"$work/serve.log" &
server_pid=$!
port=
touch "$work/serve.out"  # the background job may not have opened it yet
for _ in $(seq 600); do
  port=$(sed -n 's|^listening on http://127\.0\.0\.1:\([0-9]*\)$|\1|p' "$work/serve.out")
  [ -n "$port" ] && break
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$port" ]; then
  tail -n 30 "$work/serve.log" >&2
  echo "slow_clients: FAIL: persona serve did not start" >&2
  exit 1
fi
base=http://127.0.0.1:$port
say "serving on $base after $(since "$started") s"

# An API token of the first admin: log in with its generated password, create the token.
password=$(cat "$work/data/admin-password")
curl -sf -o /dev/null -c "$work/cookies" -H 'Content-Type: application/json' \
  --data "{\"email\":\"admin@persona.local\",\"password\":\"$password\"}" "$base/api/v1/auth/login"
token=$(curl -sf -b "$work/cookies" -H "Origin: $base" -H 'Content-Type: application/json' \
  --data '{"name":"slow-clients"}' "$base/api/v1/me/tokens" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
[ -n "$token" ] || { echo "slow_clients: FAIL: no API token" >&2; exit 1; }
printf 'Authorization: Bearer %s\n' "$token" >"$work/auth-header"  # kept off the command line

# --- the normal client ------------------------------------------------------------------
# One request on a fresh connection: "CODE SECONDS". --max-time turns a hang into 000.
normal_request() {
  curl -s -o /dev/null --max-time 5 -w '%{http_code} %{time_total}\n' "$@" || true
}
# Requests /healthz and GET /api/v1/personas one after the other until killed, into $1.
normal_client() {
  while :; do
    normal_request "$base/healthz" >>"$1"
    normal_request -H @"$work/auth-header" "$base/api/v1/personas" >>"$1"
    sleep 0.1
  done
}
# Checks a normal client's record $1 (name $2): every answer 200 within the limit.
check_normal() {
  local record=$1 name=$2 count bad max
  count=$(wc -l <"$record")
  max=$(awk 'BEGIN { m = 0 } { if ($2 > m) m = $2 } END { printf "%.3f", m }' "$record")
  bad=$(awk -v limit="$NORMAL_LIMIT_S" '$1 != 200 || $2 >= limit' "$record" | sort | uniq -c | head -n 5)
  say "$name: normal client $count requests, slowest $max s"
  [ "$count" -ge 10 ] || fail "$name: the normal client made only $count requests"
  [ -z "$bad" ] || fail "$name: normal requests not answered 200 within ${NORMAL_LIMIT_S}s: $(echo $bad)"
}

# --- each limit on its own ----------------------------------------------------------------
# Opens a connection, writes $1, then every half second writes $2 (if not empty) and looks
# for the close; gives up after $3 s. Prints the seconds until the server closed it, or "open".
probe() {
  local first=$1 tick=$2 limit=$3 fd t0 rc line
  exec {fd}<>"/dev/tcp/127.0.0.1/$port"
  t0=$(now)
  printf '%b' "$first" >&"$fd" || { echo 0; exec {fd}>&-; return; }
  while awk -v e="$(since "$t0")" -v l="$limit" 'BEGIN { exit !(e < l) }'; do
    if [ -n "$tick" ] && ! printf '%b' "$tick" >&"$fd" 2>/dev/null; then break; fi
    rc=0
    read -r -t 0.5 -u "$fd" line || rc=$?
    [ "$rc" -eq 1 ] && break  # end of stream: the server closed it
  done
  if awk -v e="$(since "$t0")" -v l="$limit" 'BEGIN { exit !(e < l) }'; then since "$t0"; else echo open; fi
  exec {fd}>&-
}
# Checks that a probe's result $1 is a close within $2 s (+ slack); $3 names it.
check_cut() {
  if [ "$1" = open ] || awk -v e="$1" -v l="$2" -v s="$slack_s" 'BEGIN { exit !(e > l + s) }'; then
    fail "$3: still open past the ${2}s limit (result: $1)"
  else
    say "$3: closed by the server after $1 s (limit ${2}s)"
  fi
}
header_line='X-Slow: 1\r\n'
probes=()
probe "GET /healthz HTTP/1.1\r\nHost: x\r\n" "$header_line" $((header_s + 4)) >"$work/p-header" &
probes+=($!)
probe "POST /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n" "a" 8 >"$work/p-body" &
probes+=($!)
probe "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n" "" $((keepalive_s < 4 ? keepalive_s + 4 : 6)) >"$work/p-keepalive" &
probes+=($!)
wait "${probes[@]}"
check_cut "$(cat "$work/p-header")" "$header_s" "header trickled a line every 0.5 s"
check_cut "$(cat "$work/p-body")" "$request_s" "body trickled a byte every 0.5 s"
check_cut "$(cat "$work/p-keepalive")" "$keepalive_s" "idle keep-alive connection"

# "opened", "most connected at once" and "closed" (by the server: slowhttptest itself keeps
# them open) of a slowhttptest statistics file, from its last line.
peak_and_closed() {
  awk -F, 'NR > 1 { if ($4 > m) m = $4; c = $2; o = $2 + $4 } END { print o + 0, m + 0, c + 0 }' "$1" 2>/dev/null ||
    echo "0 0 0"
}

# --- the attacks --------------------------------------------------------------------------
# slowhttptest MODE NAME RATE SECONDS: 1000 connections at RATE a second, each sending more
# every second, for SECONDS, while the normal client runs; then checks both.
attack() {
  local mode=$1 name=$2 rate=$3 seconds=$4 out=$work/$2.slowhttptest record=$work/$2.normal
  : >"$record"
  normal_client "$record" &
  bg_pids+=($!)
  slowhttptest "$mode" -c 1000 -r "$rate" -i 1 -l "$seconds" -x 10 -p 3 -s 100000 -g -o "$work/$2" \
    -u "$base/healthz" >"$out" 2>&1 &
  local attacker=$!
  bg_pids+=($attacker)
  wait "$attacker" || true
  kill "${bg_pids[-2]}" 2>/dev/null || true
  wait "${bg_pids[-2]}" 2>/dev/null || true
  # slowhttptest's statistics, a line a second: Seconds,Closed,Pending,Connected,Service Available.
  local opened connected closed
  read -r opened connected closed < <(peak_and_closed "$work/$2.csv")
  say "$name: slowhttptest opened $opened connections, at most $connected at once; the server closed $closed"
  # A starved slowhttptest opens fewer than it was asked to; the attack still has to be one.
  [ "$opened" -ge 300 ] || fail "$name: slowhttptest opened only $opened connections"
  if [ $((closed * 2)) -lt "$opened" ]; then
    fail "$name: the server closed only $closed of the $opened attack connections within ${seconds}s"
    sed 's/\x1b\[[0-9;]*m//g' "$out" | tail -n 12 >&2
  fi
  check_normal "$record" "$name"
}
attack -H slowloris 200 $((1000 / 200 + header_s + 3))
attack -B "slow body" 120 $((1000 / 120 + request_s + 3))
for name in slowloris "slow body"; do
  cat "$work/$name.normal" >>"$work/all.normal"
done

# --- beyond the cap -----------------------------------------------------------------------
# As many silent connections as the cap allows (opened within a fraction of the header
# timeout, which ends them): the normal client's next ones must be answered 503 with
# Retry-After: 1 and a problem+json body — or refused cleanly, never left hanging — and
# served again once the held connections are gone.
held=()
t0=$(now)
for _ in $(seq "$cap"); do
  exec {fd}<>"/dev/tcp/127.0.0.1/$port" && held+=("$fd")
done
opened_in=$(since "$t0")
saw_503=0 hung=0 refused=0 tries=0 cap_max=0
for _ in 1 2 3; do
  tries=$((tries + 1))
  result=$(curl -s -D "$work/cap.headers" -o "$work/cap.body" --max-time 5 -w '%{http_code} %{time_total}' \
    "$base/healthz" || true)
  code=${result% *} secs=${result#* }
  cap_max=$(awk -v a="$cap_max" -v b="$secs" 'BEGIN { print (b > a ? b : a) }')
  if awk -v e="$secs" -v l="$CAP_LIMIT_S" 'BEGIN { exit !(e >= l) }'; then hung=$((hung + 1)); fi
  case $code in
    503)
      if grep -qi '^Retry-After: 1' "$work/cap.headers" && grep -qi '^Content-Type: application/problem+json' "$work/cap.headers" &&
        grep -q '"status":503' "$work/cap.body"; then
        saw_503=$((saw_503 + 1))
      else
        fail "cap: a 503 without Retry-After: 1 or a problem+json body"
        cat "$work/cap.headers" >&2
      fi
      ;;
    000) refused=$((refused + 1)) ;;
  esac
done
for fd in "${held[@]}"; do exec {fd}>&-; done
say "cap: ${#held[@]} connections held (opened in $opened_in s, cap $cap), then $tries normal requests:" \
  "$saw_503 answered 503 + Retry-After: 1, $refused refused, $hung slower than ${CAP_LIMIT_S}s; slowest $cap_max s"
[ "$saw_503" -ge 1 ] || fail "cap: no normal request was answered 503 beyond the cap"
[ "$hung" -eq 0 ] || fail "cap: $hung normal requests took ${CAP_LIMIT_S}s or more"
if [ "$saw_503" -ge 1 ] && ! grep -q 'connection limit reached' "$work/serve.log"; then
  fail "cap: the server did not log that it reached the connection limit"
fi

# --- still serving ------------------------------------------------------------------------
ok=0
for _ in $(seq 50); do
  [ "$(normal_request "$base/healthz" | cut -d' ' -f1)" = 200 ] && { ok=1; break; }
  sleep 0.2
done
[ "$ok" -eq 1 ] || fail "the server no longer answers /healthz after the attacks"
[ "$(normal_request -H @"$work/auth-header" "$base/api/v1/personas" | cut -d' ' -f1)" = 200 ] ||
  fail "the server no longer answers the API after the attacks"
max=$(awk 'BEGIN { m = 0 } { if ($2 > m) m = $2 } END { printf "%.3f", m }' "$work/all.normal")
say "normal client during both attacks: $(wc -l <"$work/all.normal") requests, slowest $max s"

kill -TERM "$server_pid"
rc=0
wait "$server_pid" || rc=$?
server_pid=
[ "$rc" -eq 0 ] || fail "persona serve exited with $rc on SIGTERM"
if grep -qE 'ERROR: (Address|Leak)Sanitizer|runtime error:' "$work/serve.log"; then
  grep -E -A20 'ERROR: (Address|Leak)Sanitizer|runtime error:' "$work/serve.log" | head -n 40 >&2
  fail "the server's log holds a sanitizer report"
fi
say "took $(since "$started") s"
if [ "$failures" -gt 0 ]; then
  say "$failures check(s) failed"
  exit 1
fi
say "PASS"
