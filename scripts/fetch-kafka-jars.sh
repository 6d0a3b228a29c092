#!/bin/sh
# Resolves the bundled Apache Kafka broker and tools (packaging/kafka/pom.xml) from Maven Central
# into a versioned cache, once; later runs find the manifest and do nothing (offline).
#   scripts/fetch-kafka-jars.sh [DIR]     DIR defaults to $KAFDESK_KAFKA_JARS or
#                                          ${XDG_CACHE_HOME:-~/.cache}/kafdesk/kafka-<version>
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
pom="$here/packaging/kafka/pom.xml"
version=$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$pom")
dir=${1:-${KAFDESK_KAFKA_JARS:-${XDG_CACHE_HOME:-$HOME/.cache}/kafdesk/kafka-$version}}
manifest="$dir/kafdesk-jars.txt"

if [ -s "$manifest" ]; then
    missing=0
    while read -r jar; do [ -s "$dir/$jar" ] || missing=1; done < "$manifest"
    if [ "$missing" = 0 ]; then
        echo "Kafka $version jars already in $dir"
        exit 0
    fi
    echo "Kafka $version jars in $dir are incomplete; fetching again"
fi

command -v mvn >/dev/null || { echo "Maven is missing: sudo apt-get install maven" >&2; exit 1; }
tmp="$dir.partial.$$"
rm -rf "$tmp"
mkdir -p "$tmp"
trap 'rm -rf "$tmp"' EXIT
echo "Resolving Apache Kafka $version with Maven into $dir"
mvn -B -q -Dstyle.color=never -f "$pom" dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$tmp"
# The manifest is written last: a directory without it is a partial fetch.
(cd "$tmp" && ls -1 ./*.jar | sed 's:^\./::' > kafdesk-jars.txt)
rm -rf "$dir"
mkdir -p "$(dirname "$dir")"
mv "$tmp" "$dir"
trap - EXIT
echo "Fetched $(wc -l < "$manifest") jars ($(du -sh "$dir" | cut -f1)) into $dir"
