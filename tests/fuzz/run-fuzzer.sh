#!/bin/sh
# Runs one libFuzzer target for a bounded time on a copy of its committed seed corpus (the
# committed files are never changed), with its dictionary when there is one, and fails on any
# crash, leak, sanitizer report, timeout or out-of-memory. Prints the executions it ran.
#   run-fuzzer.sh FUZZER CORPUS_DIR SECONDS [libFuzzer options...]
set -eu

fuzzer=$1
corpus=$2
seconds=$3
shift 3

here=$(cd "$(dirname "$0")" && pwd)
name=$(basename "$fuzzer")
work=$(mktemp -d "${TMPDIR:-/tmp}/kafdesk-$name-XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/corpus" artifacts
cp "$corpus"/* "$work/corpus/"

dict=""
[ -f "$here/${name#fuzz_}.dict" ] && dict="-dict=$here/${name#fuzz_}.dict"

# Leaks and undefined behaviour fail the run like a crash; what is suppressed, and why, is in
# tests/sanitizers/.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:suppressions=$here/../sanitizers/asan.supp}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1:suppressions=$here/../sanitizers/ubsan.supp}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$here/../sanitizers/lsan.supp:print_suppressions=0}"

# -timeout: one input taking 25 s is a hang even on a loaded machine.
set +e
# shellcheck disable=SC2086 # $dict is one word or none
"$fuzzer" "$work/corpus" $dict -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=25 \
    -print_final_stats=1 -artifact_prefix="$PWD/artifacts/$name-" "$@" >"$work/log" 2>&1
code=$?
set -e
runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log" | tail -n 1)
if [ "$code" -ne 0 ]; then
    tail -n 80 "$work/log"
    echo "$name: FAILED (exit $code) after ${runs:-?} executions; the input is in $PWD/artifacts/" >&2
    exit 1
fi
grep -E '^(INFO: seed corpus|#[0-9]+[[:space:]]+DONE|stat::)' "$work/log" || true
echo "$name: ${runs:-?} executions in $seconds s, 0 crashes"
