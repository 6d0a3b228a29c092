#!/bin/sh
# Kafdesk's one set-up script, safe to re-run. On Debian 12 it installs what is missing (apt
# packages, the Apache Kafka jars from Maven Central), builds, and then:
#   scripts/setup.sh run    opens Kafdesk on the bundled 3-broker local cluster
#   scripts/setup.sh test   runs the whole test suite (this is what CI runs)
set -eu

mode=${1:-}
case "$mode" in
run | test) ;;
*)
    echo "Usage: scripts/setup.sh run|test" >&2
    exit 2
    ;;
esac

here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"

packages="cmake ninja-build g++ pkg-config qt6-base-dev qt6-tools-dev qt6-svg-dev libqcustomplot-dev
  librdkafka-dev qtkeychain-qt6-dev libsecret-1-0 dbus gnome-keyring kcat fonts-dejavu-core xvfb xauth
  openjdk-17-jre-headless maven python3-confluent-kafka openssl"
# The sanitizer and fuzzer builds, and the desktop entry's and AppStream file's validators, of
# the test run only.
if [ "$mode" = test ]; then packages="$packages clang-14 libclang-rt-14-dev desktop-file-utils appstream"; fi
# shellcheck disable=SC2086 # one word a package
scripts/install-packages.sh $packages

scripts/fetch-kafka-jars.sh

if [ "$mode" = run ]; then
    preset=release
else
    preset=ci
fi
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"

if [ "$mode" = run ]; then
    app="build/$preset/gui/kafdesk"
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
        echo "No display here: running Kafdesk on a virtual X server (xvfb-run)." >&2
        exec xvfb-run -a "$app" --local
    fi
    exec "$app" --local
fi

# Whatever a crashed test run left of its clusters is removed before and after.
ctl="build/$preset/core/ctl/kafdesk-ctl"
clusters="$here/build/$preset/test-clusters"
down_test_clusters() {
    for name in $(KAFDESK_CLUSTERS_DIR="$clusters" "$ctl" cluster list 2>/dev/null); do
        KAFDESK_CLUSTERS_DIR="$clusters" "$ctl" cluster down --name "$name" --quiet || true
    done
}
down_test_clusters
trap down_test_clusters EXIT
started=$(date +%s)
ctest --preset "$preset"
echo "Test suite took $(($(date +%s) - started)) s"

# The same code under the sanitizers (each script builds its own tree and bounds its own time):
# ASan+UBSan over the unit and integration tests plus a bounded fuzz run, TSan over the threading
# tests; then the Debian packages, built, linted, installed, run and removed.
for stage in ci-asan ci-tsan ci-package; do
    if [ -x "scripts/$stage.sh" ]; then
        stage_started=$(date +%s)
        "scripts/$stage.sh"
        echo "$stage took $(($(date +%s) - stage_started)) s"
    fi
done
