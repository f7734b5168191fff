#!/usr/bin/env bash
# Where the server's instructions go, by area, from a dump of `BENCH_CALLGRIND=DIR bench/load.sh`:
#   bench/callgrind_areas.sh DIR/callgrind.out.N [REQUESTS]
# Sums the self cost (Ir) of every function into an area by its source file, name or
# library: JSON (nlohmann), allocation (malloc/free/new/delete), PostgreSQL client (libpq,
# libpqxx), logging (spdlog, fmt), HTTP (Boost.Beast/Asio), OpenSSL, libc string and
# memory functions, other libstdc++, persona's own code (src/), the rest. The frames that
# were running when the counts were zeroed (thread entry points, main) are left out:
# callgrind books the whole cost below them on them.
# Prints each area's share and, with REQUESTS, its instructions per request.
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: $0 CALLGRIND_DUMP [REQUESTS]" >&2; exit 2; }
callgrind_annotate --auto=no --inclusive=no --threshold=100 "$1" 2>/dev/null | awk -v requests="${2:-0}" '
/PROGRAM TOTALS/ { next }
/^ *[0-9,]+ \([ 0-9.]+%\)  / {
  v = $1; gsub(",", "", v)
  line = $0
  if (line ~ /clone\.S:clone|pthread_create\.c:start_thread|posix_thread|thread_pool::thread_function|libc-start|below main|Server::Impl::RunIo|cli::Run\(|cli::Serve\(|Server::Run\(\)|main\.cpp:main|ld-linux-x86-64\.so\.2\]$/) next
  if (line ~ /nlohmann/) area = "JSON (nlohmann)"
  else if (line ~ /malloc\.c|arena\.c|operator new|operator delete|cfree|tcache/) area = "allocation (malloc, new, delete)"
  else if (line ~ /libpq\.so|libpqxx|\/pqxx\//) area = "PostgreSQL client (libpq, libpqxx)"
  else if (line ~ /spdlog|\/fmt\/|libfmt/) area = "logging (spdlog, fmt)"
  else if (line ~ /boost\/beast|boost\/asio|boost\/intrusive|boost\/system/) area = "HTTP (Boost.Beast, Asio)"
  else if (line ~ /libcrypto|libssl/) area = "OpenSSL"
  else if (line ~ /mem(cpy|move|cmp|set|chr)|str(len|cmp|chr|ncmp)|wcs|__strcspn/) area = "libc string and memory functions"
  else if (line ~ /pthread|futex|lll_lock|libc\.so\.6\]$/) area = "libc (threads, locks, rest)"
  else if (line ~ /\/src\//) area = "persona (src/)"
  else if (line ~ /c\+\+\/12|libstdc\+\+/) area = "libstdc++ (strings, maps, streams)"
  else area = "other"
  sum[area] += v
  total += v
}
END {
  if (total == 0) { print "no costs in the dump" > "/dev/stderr"; exit 1 }
  for (a in sum) {
    if (requests > 0) printf "%5.1f %%  %9.0f per request  %s\n", 100 * sum[a] / total, sum[a] / requests, a
    else printf "%5.1f %%  %s\n", 100 * sum[a] / total, a
  }
  if (requests > 0) printf "100.0 %%  %9.0f per request  (all)\n", total / requests
}' | sort -rn
