#!/bin/sh
# CI's AddressSanitizer + UndefinedBehaviorSanitizer run (clang-14, CMake preset "asan"):
# builds kafdesk-ctl, the unit and integration tests and the libFuzzer targets (nothing else),
# runs the unit and integration suites against the bundled cluster that the tests' own fixture
# starts and removes, then every fuzzer for a bounded time on a copy of its seed corpus.
# Any sanitizer report fails the run; what is suppressed, and why, is in tests/sanitizers/.
#   scripts/ci-asan.sh
# Environment: KAFDESK_ASAN_BUILD_DIR (default build/asan), KAFDESK_ASAN_JOBS (default 2),
# KAFDESK_ASAN_TEST_MINUTES (default 40: no test starts after that), KAFDESK_FUZZ_SECONDS
# (default 30 per fuzzer), KAFDESK_ASAN_SUITES (default "unit integration": the test labels to run).
# Left out: GUI tests (the asan preset builds no GUI), and tests that kill, pause or stop brokers
# of clusters of their own (those needing the private_clusters fixture, and label fault): the
# fault and drill suites run in the ordinary CI build, where their timing means something.
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
build=${KAFDESK_ASAN_BUILD_DIR:-build/asan}
jobs=${KAFDESK_ASAN_JOBS:-2}
test_minutes=${KAFDESK_ASAN_TEST_MINUTES:-40}
fuzz_seconds=${KAFDESK_FUZZ_SECONDS:-30}
suites=${KAFDESK_ASAN_SUITES:-unit integration}

# clang-14 and its sanitizer and libFuzzer runtimes, installed as scripts/setup.sh installs.
scripts/install-packages.sh clang-14 libclang-rt-14-dev
scripts/fetch-kafka-jars.sh

step() { echo "== ci-asan: $* ($(date -u +%H:%M:%S))"; }
started=$(date +%s)

step "configure $build"
launcher=""
command -v ccache >/dev/null 2>&1 && launcher="-DCMAKE_CXX_COMPILER_LAUNCHER=ccache"
# shellcheck disable=SC2086 # $launcher is one word or none
cmake --preset asan -B "$build" -DKAFDESK_FUZZ_SECONDS="$fuzz_seconds" $launcher >/dev/null

# The tests to run, and the targets they need, from ctest's own view of the tests: labels unit
# or integration, not gui, fault or benchmark, and not needing the private_clusters fixture.
ninja -C "$build" -t targets all >"$build/ci-asan-targets.txt"
selection=$(ctest --test-dir "$build" --show-only=json-v1 | KAFDESK_ASAN_SUITES="$suites" /usr/bin/python3 -c '
import json, os, sys
build = os.path.realpath(sys.argv[1])
suites = set(os.environ["KAFDESK_ASAN_SUITES"].split())
names, targets = [], {"kafdesk-ctl"}
for t in json.load(sys.stdin)["tests"]:
    props = {p["name"]: p["value"] for p in t.get("properties", [])}
    labels = set(props.get("LABELS", []))
    if not labels & suites or labels & {"gui", "fault", "benchmark", "fuzz"}:
        continue
    if "private_clusters" in props.get("FIXTURES_REQUIRED", []):
        continue
    if "FIXTURES_SETUP" in props or "FIXTURES_CLEANUP" in props:
        continue  # ctest adds the fixtures the chosen tests need by itself
    names.append(t["name"])
    if not t.get("command"):  # not built yet: ctest cannot name the file, the target is the test
        targets.add(t["name"])
    for arg in t.get("command") or []:
        if os.path.realpath(arg).startswith(build + "/") and os.path.basename(arg).startswith("tst_"):
            targets.add(os.path.basename(arg))
known = set(line.split(":")[0] for line in open(sys.argv[2]))
print("^(" + "|".join(names) + ")$")
print(" ".join(sorted(targets & known)))
' "$build" "$build/ci-asan-targets.txt")
tests=$(echo "$selection" | sed -n 1p)
targets=$(echo "$selection" | sed -n 2p)
fuzzers=$(ctest --test-dir "$build" -N -L '^fuzz$' | sed -n 's/^ *Test *#[0-9]*: *//p' | tr '\n' ' ')

step "build kafdesk-ctl, $(echo "$targets" | wc -w) test executables, fuzzers: $fuzzers"
build_started=$(date +%s)
# shellcheck disable=SC2086 # one word a target
cmake --build "$build" -j"$jobs" --target $targets $fuzzers
build_seconds=$(($(date +%s) - build_started))

# Sanitizer settings for every process the tests start (kafdesk-ctl included).
sup="$here/tests/sanitizers"
export ASAN_OPTIONS="detect_leaks=1:suppressions=$sup/asan.supp"
export LSAN_OPTIONS="suppressions=$sup/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:suppressions=$sup/ubsan.supp"
export QT_QPA_PLATFORM=offscreen

# Whatever a cancelled run left of its clusters is removed before and after.
ctl="$build/core/ctl/kafdesk-ctl"
clusters="$build/test-clusters"
down_test_clusters() {
    [ -x "$ctl" ] || return 0
    for name in $(KAFDESK_CLUSTERS_DIR="$clusters" "$ctl" cluster list 2>/dev/null); do
        KAFDESK_CLUSTERS_DIR="$clusters" "$ctl" cluster down --name "$name" --quiet || true
    done
}
down_test_clusters
trap down_test_clusters EXIT

step "unit and integration tests under ASan+UBSan (none starts after $test_minutes min)"
tests_started=$(date +%s)
status=0
ctest --test-dir "$build" -R "$tests" -j"$jobs" --output-on-failure \
    --stop-time "$(date -d "+$test_minutes min" +%H:%M:%S)" || status=$?
tests_seconds=$(($(date +%s) - tests_started))

step "fuzzers, $fuzz_seconds s each"
fuzz_started=$(date +%s)
fuzz_status=0
ctest --test-dir "$build" -L '^fuzz$' --output-on-failure || fuzz_status=$?
grep -h 'executions' "$build/Testing/Temporary/LastTest.log" | grep '^fuzz_' || true
fuzz_seconds_taken=$(($(date +%s) - fuzz_started))

echo "ci-asan: build ${build_seconds} s, tests ${tests_seconds} s, fuzz ${fuzz_seconds_taken} s," \
    "total $(($(date +%s) - started)) s"
[ "$status" -eq 0 ] || { echo "ci-asan: unit/integration tests FAILED" >&2; exit 1; }
[ "$fuzz_status" -eq 0 ] || { echo "ci-asan: fuzzers FAILED" >&2; exit 1; }
echo "ci-asan: all passed"
