#!/bin/sh
# The whole benchmark suite, one run of each benchmark, and its table (tests/bench/README.md):
#
#   scripts/bench.sh [BUILD_DIR]
#
# BUILD_DIR defaults to build/bench, configured with the "bench" preset (Release, KAFDESK_BENCHMARKS=ON)
# when it does not exist yet. Builds what the benchmarks run, records the machine and its load,
# runs `ctest -L benchmark` (serially: the benchmarks share one cluster and the CPU), then prints
# the table and writes it as Markdown to BUILD_DIR/bench-table.md. The exit code is ctest's.
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build/bench}
[ -d "$build" ] && build=$(cd "$build" && pwd)
jobs=${KAFDESK_BENCH_JOBS:-2}

if [ ! -f "$build/CMakeCache.txt" ]; then
    [ "$build" = "$here/build/bench" ] || { echo "bench.sh: $build is not configured" >&2; exit 2; }
    (cd "$here" && cmake --preset bench) || exit 2
fi
if ! grep -q '^KAFDESK_BENCHMARKS:BOOL=ON' "$build/CMakeCache.txt"; then
    echo "bench.sh: $build is not configured with -DKAFDESK_BENCHMARKS=ON" >&2
    exit 2
fi
grep -q '^CMAKE_BUILD_TYPE:STRING=Release' "$build/CMakeCache.txt" ||
    echo "bench.sh: warning: $build is not a Release build; the numbers are not comparable" >&2

cmake --build "$build" -j"$jobs" --target kafdesk kafdesk-ctl bench_qtpeer bench_consume bench_topicfilter bench_leader ||
    exit 2
# The old results go, so that the table never mixes runs.
rm -f "$build"/bench_*.json "$build/bench-table.md"
/usr/bin/python3 "$here/tests/bench/bench_report.py" --start "$build" >/dev/null
(cd "$build" && ctest -L benchmark -j1 --output-on-failure)
status=$?
/usr/bin/python3 "$here/tests/bench/bench_report.py" "$build"
exit $status
