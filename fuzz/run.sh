#!/usr/bin/env bash
# Runs a fuzz target (docs/fuzzing.md).
#   fuzz/run.sh TARGET [SECONDS] [LIBFUZZER_FLAG…]   build, then fuzz TARGET for SECONDS (default 60)
#   fuzz/run.sh --no-build TARGET SECONDS             the same without building (ctest's fuzz_TARGET)
#   fuzz/run.sh --build                               only build every target in build-fuzz/
#   fuzz/run.sh --merge TARGET                        add what build-fuzz/corpus/TARGET covers anew to fuzz/corpus/TARGET
#   fuzz/run.sh --list                                the targets
# The build is build-fuzz/ (clang++-14 with -fsanitize=fuzzer,address,undefined; ccache).
# The run reads fuzz/corpus/TARGET and writes what it finds new to build-fuzz/corpus/TARGET,
# so the committed corpus changes only by --merge. A crash, leak or timeout stops it with
# a non-zero status and the input in build-fuzz/artifacts/TARGET/; the last lines are
# libFuzzer's totals (executions, cov:, ft:). It runs under nice -n ${FUZZ_NICE:-10}.
set -euo pipefail
cd "$(dirname "$0")/.."
source_dir=$PWD
build_dir=$source_dir/build-fuzz
cxx=${FUZZ_CXX:-clang++-14}

targets() { sed -n '/set(PERSONA_FUZZ_TARGETS/,/)/p' fuzz/targets.cmake | tr -d '()' | tr ' ' '\n' | grep -v -e '^$' -e '^set' -e PERSONA_FUZZ_TARGETS; }

build() {
  if [ ! -f "$build_dir/build.ninja" ]; then
    cmake -S "$source_dir" -B "$build_dir" -G Ninja -DCMAKE_CXX_COMPILER="$cxx" -DPERSONA_FUZZ=ON >/dev/null
  fi
  ninja -C "$build_dir" -j2 "$@"
}

dictionary() {
  case $1 in
    *_body) echo json ;;
    http_request) echo http ;;
    template_render) echo template ;;
    csv_import) echo csv ;;
    proxy_line) echo proxy ;;
    text_length) echo text ;;
  esac
}

check_target() {
  targets | grep -qx "$1" || { echo "run.sh: no fuzz target '$1' (fuzz/run.sh --list)" >&2; exit 2; }
}

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$source_dir/tests/lsan.supp}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

do_build=1
case ${1:-} in
  --list) targets; exit 0 ;;
  --build) build; exit 0 ;;
  --merge)
    target=${2:?usage: fuzz/run.sh --merge TARGET}
    check_target "$target"
    build "fuzz_$target"
    mkdir -p "$build_dir/corpus/$target"
    exec nice -n "${FUZZ_NICE:-10}" "$build_dir/fuzz_$target" -merge=1 "fuzz/corpus/$target" "$build_dir/corpus/$target"
    ;;
  --no-build) do_build=0; shift ;;
esac
target=${1:?usage: fuzz/run.sh TARGET [SECONDS] (fuzz/run.sh --list)}
seconds=${2:-60}
shift $(($# < 2 ? $# : 2))
check_target "$target"
[ "$do_build" = 1 ] && build "fuzz_$target"

mkdir -p "$build_dir/corpus/$target" "$build_dir/artifacts/$target"
dict=fuzz/dict/$(dictionary "$target").dict
exec nice -n "${FUZZ_NICE:-10}" "$build_dir/fuzz_$target" \
  -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
  -dict="$dict" -artifact_prefix="$build_dir/artifacts/$target/" "$@" \
  "$build_dir/corpus/$target" "fuzz/corpus/$target"
