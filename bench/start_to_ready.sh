#!/usr/bin/env bash
# Start-to-ready of `persona serve`: wall time from spawning the process to the first
# 200 from /readyz, on a fresh data directory (initdb, migrate, first admin) and on an
# existing one (restart). Prints every run and the median of each.
#   bench/start_to_ready.sh [BINARY] [RUNS]     (default build/persona, 5 runs)
# Targets (DESIGN.md): fresh < 5 s, existing < 1.5 s.
set -euo pipefail
bin=${1:-build/persona}
runs=${2:-5}
port=$((20000 + RANDOM % 20000))
root=$(mktemp -d /tmp/persona-bench-XXXXXX)
chmod 711 "$root"
trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$root"' EXIT

# One start: prints milliseconds to ready, then stops the server cleanly.
start_once() {
  local dir=$1
  local t0 t1
  t0=$(date +%s%N)
  "$bin" serve --data-dir "$dir" --listen "127.0.0.1:$port" >/dev/null 2>"$root/log" &
  local pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port/readyz"; do
    kill -0 $pid 2>/dev/null || { echo "serve exited; log:" >&2; cat "$root/log" >&2; exit 1; }
    sleep 0.005
  done
  t1=$(date +%s%N)
  kill -TERM $pid
  wait $pid
  echo $(((t1 - t0) / 1000000))
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

fresh=()
existing=()
for i in $(seq "$runs"); do
  ms=$(start_once "$root/fresh-$i"); fresh+=("$ms")
  echo "fresh data dir, run $i: ${ms} ms"
done
for i in $(seq "$runs"); do
  ms=$(start_once "$root/fresh-1"); existing+=("$ms")
  echo "existing data dir, run $i: ${ms} ms"
done
echo "median fresh:    $(printf '%s\n' "${fresh[@]}" | median) ms   (target < 5000)"
echo "median existing: $(printf '%s\n' "${existing[@]}" | median) ms   (target < 1500)"
