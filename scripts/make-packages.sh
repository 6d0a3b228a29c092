#!/bin/sh
# Builds Kafdesk's two Debian packages from a release build tree, with CPack:
#   kafdesk        kafdesk and kafdesk-ctl, desktop entry, AppStream metainfo, icons, man pages
#   kafdesk-kafka  the pinned Apache Kafka broker jars under /usr/share/kafdesk/kafka (arch all)
#   scripts/make-packages.sh [BUILD_DIR]    BUILD_DIR defaults to build/release; the .deb files
#                                           land in BUILD_DIR/packages
# Needs dpkg-dev and file (dpkg-shlibdeps writes the Depends line) and the broker jars: it runs
# scripts/fetch-kafka-jars.sh (Maven, once) into $KAFDESK_KAFKA_JARS or the user cache, which is
# where the kafdesk-kafka package takes them from (or configure with -DKAFDESK_PACKAGE_JARS_DIR=).
# CMAKE_BUILD_PARALLEL_LEVEL bounds the build's jobs.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
build=${1:-build/release}

scripts/fetch-kafka-jars.sh

launcher=""
if command -v ccache >/dev/null; then launcher="-DCMAKE_CXX_COMPILER_LAUNCHER=ccache"; fi
# KAFDESK_KAFKA_JARS_DIR empty: the packaged programs must not carry a path of this machine.
# shellcheck disable=SC2086 # launcher is one word or none
cmake --preset release -B "$build" -DKAFDESK_KAFKA_JARS_DIR= $launcher >/dev/null
cmake --build "$build"

rm -f "$build"/packages/*.deb
cpack --config "$build/CPackConfig.cmake" -B "$build/packages"
rm -rf "$build/packages/_CPack_Packages"
ls -l "$build"/packages/*.deb
