#!/usr/bin/env bash
# Every migration taken down and up again on a database full of realistic data
# (db/dev/realistic_data.sql), so that a down migration that only works on an empty schema
# fails here instead of on an operator's data.
#   tests/migration_roundtrip.sh PERSONA_BINARY
# ctest runs it against the run's shared cluster (tests/test_cluster.sh): PERSONA_TEST_PG_HOST
# is its socket directory (port PERSONA_TEST_PG_PORT, default 5432, user postgres, trust).
#
# Steps: a fresh database; `migrate up`; the generator; the row count of every table; then for
# each migration k from the latest down to 1: `migrate down --to k-1`, `verify`, `migrate up`,
# `verify`. Checked at each step: verify passes, and every table that the down step keeps has
# the rows it had before the step, after the down and after the up. At the end: the tables
# created by 0001 (the ones that survive every down step but the last, which removes the
# whole schema) still hold the generated rows, and down to 0 leaves no table or function.
#
# Environment:
#   MIGRATION_ROUNDTRIP_ROWS  activity rows to generate (default 200000)
#   MIGRATE_FLAGS             extra flags of every `migrate up/down` (default --no-backup: the
#                             backup taken before a migration is not what is tested here);
#                             set it empty for a persona without that flag
#   MIGRATION_ROUNDTRIP_KEEP_DB=1  keep the database when the test fails, to look at it
set -euo pipefail

[ $# -eq 1 ] || { echo "usage: $0 PERSONA_BINARY" >&2; exit 2; }
bin=$(realpath "$1")
root=$(cd "$(dirname "$0")/.." && pwd)
host=${PERSONA_TEST_PG_HOST:?PERSONA_TEST_PG_HOST must name the socket directory of a PostgreSQL cluster}
port=${PERSONA_TEST_PG_PORT:-5432}
rows=${MIGRATION_ROUNDTRIP_ROWS:-200000}
read -r -a migrate_flags <<<"${MIGRATE_FLAGS---no-backup}"
# psql of PERSONA_PG_BINDIR, else from PATH, else of the newest PostgreSQL installed.
if [ -n "${PERSONA_PG_BINDIR:-}" ]; then
  psql_bin=$PERSONA_PG_BINDIR/psql
else
  psql_bin=$(command -v psql || printf '%s\n' /usr/lib/postgresql/*/bin/psql | sort -V | tail -n 1)
fi

db=persona_roundtrip_$(date +%s)_$$
work=$(mktemp -d)
export PERSONA_DATABASE_URL="host=$host port=$port user=postgres dbname=$db"
psql_() { "$psql_bin" -X -q -v ON_ERROR_STOP=1 -h "$host" -p "$port" -U postgres "$@"; }
ms() { echo $((($(date +%s%N) - $1) / 1000000)); }
say() { echo "migration_roundtrip: $*"; }

failed=1
cycle=
cleanup() {
  if [ "$failed" -eq 1 ] && [ "${MIGRATION_ROUNDTRIP_KEEP_DB:-}" = 1 ]; then
    say "kept database $db for inspection"
  else
    psql_ -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" || say "could not drop database $db"
  fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() {
  echo "migration_roundtrip: FAIL: $*" >&2
  exit 1
}

# persona migrate ACTION [ARGS…]: its output goes to a log, shown when it fails. The
# database URL carries no password (trust auth), and persona logs none.
migrate() {
  local out=$work/migrate.log
  if ! "$bin" migrate "$@" --data-dir "$work/data" >"$out" 2>&1; then
    cat "$out" >&2
    fail "persona migrate $* failed${cycle:+ ($cycle)}"
  fi
  if [ "$1" = verify ] && ! grep -q '^verify: the schema matches' "$out"; then
    cat "$out" >&2
    fail "persona migrate verify did not report a matching schema${cycle:+ ($cycle)}"
  fi
}

# "table rows owned" for every table of the schema (partitions counted in their parent),
# sorted; owned is how many rows have a user_id ("-" without that column): a down and up
# that keeps the rows but loses their owner hides them from that user for good.
counts() {
  psql_ -d "$db" -At -F ' ' <<'SQL'
SELECT format('SELECT %L, count(*), %s FROM %I', c.relname,
              CASE WHEN a.attname IS NULL THEN quote_literal('-') ELSE 'count(user_id)' END, c.relname)
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'user_id' AND NOT a.attisdropped
WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
  AND c.relname <> 'schema_migrations'
ORDER BY c.relname \gexec
SQL
}

# compare BEFORE AFTER WHAT: every table in AFTER has the rows it had in BEFORE, and as many
# of them with an owner when both have the column.
compare() {
  local table n owned before
  while read -r table n owned; do
    before=$(awk -v t="$table" '$1 == t { print $2, $3 }' "$1")
    [ -n "$before" ] || fail "$3: table $table appeared"
    [ "$n" = "${before% *}" ] || fail "$3: $table has $n rows, had ${before% *}"
    if [ "$owned" != - ] && [ "${before#* }" != - ] && [ "$owned" != "${before#* }" ]; then
      fail "$3: $table has $owned rows with a user_id, had ${before#* } (the rest lost their owner)"
    fi
  done <"$2"
}

mkdir -p "$work/data"
psql_ -d postgres -c "CREATE DATABASE $db"

t=$(date +%s%N)
migrate up "${migrate_flags[@]}"
latest=$(psql_ -d "$db" -At -c "SELECT max(version) FROM schema_migrations")
if [ -z "$latest" ] || [ "$latest" -lt 1 ]; then fail "migrate up applied no migration"; fi
say "migrate up to $latest: $(ms "$t") ms"

t=$(date +%s%N)
psql_ -d "$db" -v users=3 -v activity_rows="$rows" -f "$root/db/dev/realistic_data.sql" >"$work/generate.log" 2>&1 ||
  { cat "$work/generate.log" >&2; fail "db/dev/realistic_data.sql failed"; }
say "generated data with $rows activity rows: $(ms "$t") ms"
counts >"$work/baseline"
empty=$(awk '$2 == 0 { print $1 }' "$work/baseline" | tr '\n' ' ')
[ -z "$empty" ] || fail "db/dev/realistic_data.sql left tables empty (extend it for new tables): $empty"
say "rows: $(awk '{ printf "%s %s  ", $1, $2 }' "$work/baseline")"

# only LIST FILE: the lines of FILE whose table is in LIST.
only() { awk 'NR == FNR { keep[$1]; next } $1 in keep' "$1" "$2"; }

for ((k = latest; k >= 1; k--)); do
  cycle="taking migration $k down and up again"
  if [ "$k" -eq 4 ]; then
    # 0004's down refuses while a proxy is assigned to no persona (its owner would be
    # lost), changing nothing; the operator's remedy is to assign or delete those first.
    if "$bin" migrate down --to 3 "${migrate_flags[@]}" --data-dir "$work/data" >"$work/refusal.log" 2>&1; then
      fail "0004 went down although proxies are assigned to no persona"
    fi
    grep -q "assigned to no persona" "$work/refusal.log" || { cat "$work/refusal.log" >&2; fail "0004's refusal"; }
    [ "$(psql_ -d "$db" -At -c "SELECT max(version) FROM schema_migrations")" = "$latest" ] ||
      fail "the refused down changed the schema version"
    psql_ -d "$db" -c "DELETE FROM proxy_assignments WHERE assigned_persona_id IS NULL"
    say "0004 refused to orphan unassigned proxies; deleted them as its message says"
    counts >"$work/baseline"  # the tables of 0001 are checked against this at the end
  fi
  counts >"$work/before"
  t=$(date +%s%N)
  migrate down --to $((k - 1)) "${migrate_flags[@]}"
  t_down=$(ms "$t")
  counts >"$work/after_down"
  compare "$work/before" "$work/after_down" "down to $((k - 1))"
  if [ "$k" -eq 1 ]; then
    [ ! -s "$work/after_down" ] || fail "down to 0 left tables: $(cut -d' ' -f1 "$work/after_down" | tr '\n' ' ')"
    left=$(psql_ -d "$db" -At -c "SELECT string_agg(proname, ' ') FROM pg_proc
                                   WHERE pronamespace = current_schema()::regnamespace")
    [ -z "$left" ] || fail "down to 0 left functions: $left"
  fi
  t=$(date +%s%N)
  migrate verify
  t_verify1=$(ms "$t")
  t=$(date +%s%N)
  migrate up "${migrate_flags[@]}"
  t_up=$(ms "$t")
  counts >"$work/after_up"
  # The tables the down step kept still hold their rows; the ones it dropped are back.
  compare "$work/before" <(only "$work/after_down" "$work/after_up") "down to $((k - 1)) and up again"
  [ "$(cut -d' ' -f1 "$work/after_up")" = "$(cut -d' ' -f1 "$work/before")" ] ||
    fail "after down to $((k - 1)) and up again the tables differ from before"
  t=$(date +%s%N)
  migrate verify
  t_verify2=$(ms "$t")
  say "$(printf 'migration %04d: down %6d ms, verify %5d ms, up %6d ms, verify %5d ms' \
    "$k" "$t_down" "$t_verify1" "$t_up" "$t_verify2")"
  if [ "$k" -eq 2 ]; then
    # Only the tables of 0001 are left at version 1: they survive every down step but the
    # last (which removes the whole schema), so they must still hold the generated rows.
    only "$work/after_down" "$work/after_up" >"$work/initial_tables"
    compare "$work/baseline" "$work/initial_tables" "the tables of 0001 after every down step but the last"
    say "tables of 0001 unchanged: $(cut -d' ' -f1 "$work/initial_tables" | tr '\n' ' ')"
  fi
done

[ -s "$work/initial_tables" ] || [ "$latest" -lt 2 ] || fail "the tables of 0001 were never checked"
failed=0
say "PASS: $latest migrations down and up again on $(awk '{ s += $2 } END { print s }' "$work/baseline") rows"
