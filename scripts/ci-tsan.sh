#!/bin/sh
# CI's ThreadSanitizer run (clang-14, CMake preset "tsan"): builds kafdesk-ctl and the tests that
# exercise Kafdesk's own threads (nothing else), and runs them against the bundled cluster that
# the tests' own fixture starts and removes. The tests are the tsan test preset's name filter in
# CMakePresets.json (one place). Any ThreadSanitizer report fails its test (halt_on_error, exit
# code 66) and so this script; what is suppressed, and why, is in tests/sanitizers/tsan.supp.
# The tests run under two helpers this script builds from tests/sanitizers/ (each says why):
# nopidfd (Qt's QProcess must not fork with CLONE_PIDFD|CLONE_VM under clang-14's TSan) and
# tsanhandoffs (librdkafka's C11 threads and locks, and the hand-over of Qt's queued calls, made
# visible to TSan); `ctest --preset tsan` alone crashes without them on a kernel with pidfds.
#   scripts/ci-tsan.sh
# Environment: KAFDESK_TSAN_BUILD_DIR (default build/tsan), KAFDESK_TSAN_JOBS (default 2),
# KAFDESK_TSAN_TEST_MINUTES (default 30: no test runs past that), KAFDESK_TSAN_EXTRA_OPTIONS
# (appended to TSAN_OPTIONS, e.g. halt_on_error=0 to see every report of a run).
# Left out: tests that kill, pause or stop brokers (their threads are the same ones, and their
# timing means something only in the ordinary CI build).
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
build=${KAFDESK_TSAN_BUILD_DIR:-build/tsan}
jobs=${KAFDESK_TSAN_JOBS:-2}
test_minutes=${KAFDESK_TSAN_TEST_MINUTES:-30}

# clang-14 and its sanitizer runtimes, installed as scripts/setup.sh installs.
scripts/install-packages.sh clang-14 libclang-rt-14-dev
scripts/fetch-kafka-jars.sh

step() { echo "== ci-tsan: $* ($(date -u +%H:%M:%S))"; }
started=$(date +%s)

# clang-14's TSan runtime cannot map its shadow memory with more than 28 bits of mmap
# randomisation (newer kernels default to 32): run the tests without ASLR there.
norandom=""
if [ "$(cat /proc/sys/vm/mmap_rnd_bits 2>/dev/null || echo 28)" -gt 28 ]; then
    norandom="setarch $(uname -m) -R"
    step "vm.mmap_rnd_bits > 28: the tests run under $norandom"
fi

step "configure $build"
launcher=""
command -v ccache >/dev/null 2>&1 && launcher="-DCMAKE_CXX_COMPILER_LAUNCHER=ccache"
# shellcheck disable=SC2086 # $launcher is one word or none
cmake --preset tsan -B "$build" $launcher >/dev/null

# The tests: the preset's filter, "^(tst_a|tst_b|...)$"; each test's executable has its name.
tests=$(/usr/bin/python3 -c '
import json
presets = json.load(open("CMakePresets.json"))["testPresets"]
print(next(p for p in presets if p["name"] == "tsan")["filter"]["include"]["name"])
')
targets=$(echo "$tests" | sed -e 's/^\^(//' -e 's/)\$$//' -e 's/|/ /g')

step "build kafdesk-ctl and $(echo "$targets" | wc -w) test executables: $targets"
build_started=$(date +%s)
# shellcheck disable=SC2086 # one word a target
cmake --build "$build" -j"$jobs" --target kafdesk-ctl $targets
# Two helpers of tests/sanitizers/ that the tests run with (each file says why): nopidfd, under
# which ctest runs (Qt's QProcess then forks in a way TSan handles), and tsanhandoffs, preloaded into
# every process ctest starts (librdkafka's C11 threads and locks then go through TSan's pthread
# interceptors, and QMetaObject::invokeMethod's hand-over gets TSan's acquire/release edges).
mkdir -p "$build/tsan-tools"
tools=$(cd "$build/tsan-tools" && pwd)
cc -O2 -Wall -Wextra -Werror -o "$tools/nopidfd" tests/sanitizers/nopidfd.c
cc -O2 -Wall -Wextra -Werror -shared -fPIC -o "$tools/libtsanhandoffs.so" tests/sanitizers/tsanhandoffs.c
build_seconds=$(($(date +%s) - build_started))

# For every process the tests start (kafdesk-ctl included), as the tsan test preset sets them,
# plus log_path: each process that reports writes reports.<pid> there, so a report in a child
# (a kafdesk-ctl a test expects to fail, say) is seen too.
# (Absolute: ctest runs each test in its own directory.)
rm -rf "$build/tsan-reports"
mkdir -p "$build/tsan-reports"
reports_dir=$(cd "$build/tsan-reports" && pwd)
export TSAN_OPTIONS="suppressions=$here/tests/sanitizers/tsan.supp:halt_on_error=1:second_deadlock_stack=1:ignore_noninstrumented_modules=1:log_path=$reports_dir/reports ${KAFDESK_TSAN_EXTRA_OPTIONS:-}"
export QT_QPA_PLATFORM=offscreen

# Whatever a cancelled run left of its clusters is removed before and after.
# Every TSan-built process of this script runs this way (kafdesk-ctl here, ctest and so the tests).
under_tsan() {
    # shellcheck disable=SC2086 # $norandom is a command line or none
    env LD_PRELOAD="$tools/libtsanhandoffs.so" $norandom "$tools/nopidfd" "$@"
}
ctl="$build/core/ctl/kafdesk-ctl"
clusters="$build/test-clusters"
down_test_clusters() {
    [ -x "$ctl" ] || return 0
    for name in $(under_tsan env KAFDESK_CLUSTERS_DIR="$clusters" "$ctl" cluster list 2>/dev/null); do
        under_tsan env KAFDESK_CLUSTERS_DIR="$clusters" "$ctl" cluster down --name "$name" --quiet || true
    done
}
down_test_clusters
trap down_test_clusters EXIT

step "threading tests under TSan (none runs past $test_minutes min)"
tests_started=$(date +%s)
status=0
under_tsan ctest --test-dir "$build" -R "$tests" -j"$jobs" --output-on-failure \
    --stop-time "$(date -d "+$test_minutes min" +%H:%M:%S)" || status=$?
tests_seconds=$(($(date +%s) - tests_started))
reports=0
for f in "$reports_dir"/reports.*; do
    [ -e "$f" ] || continue
    reports=$((reports + 1))
    echo "---- $f"
    cat "$f"
done

echo "ci-tsan: build ${build_seconds} s, tests ${tests_seconds} s, total $(($(date +%s) - started)) s," \
    "processes with ThreadSanitizer reports: $reports"
[ "$status" -eq 0 ] && [ "$reports" -eq 0 ] || { echo "ci-tsan: FAILED" >&2; exit 1; }
echo "ci-tsan: all passed"
