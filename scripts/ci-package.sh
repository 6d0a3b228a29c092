#!/bin/sh
# CI step for the Debian packages: builds kafdesk and kafdesk-kafka from a release tree of its own,
# runs lintian on both (fails on E: tags; packaging/lintian-notes.md explains the rest), installs
# them with apt, starts a 3-broker cluster with the installed /usr/bin/kafdesk-ctl from a fresh HOME
# (empty user cache, KAFDESK_KAFKA_JARS unset: the packaged jars must be what runs), checks the
# brokers with kcat, downs the cluster, purges the packages and checks that nothing of theirs is left.
#   scripts/ci-package.sh [BUILD_DIR]     BUILD_DIR defaults to build/pkg
# Runs as root (the CI machine) or with sudo. It removes only what it installed: the two packages and
# any dependency apt pulled in for them, also when it fails (trap).
set -eu
started=$(date +%s)
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
build=${1:-build/pkg}
sudo=""
[ "$(id -u)" -eq 0 ] || sudo=sudo

step() { printf '\n== %s (%ss)\n' "$*" "$(($(date +%s) - started))"; }
fail() {
    echo "ci-package: FAILED: $*" >&2
    exit 1
}

step "Tools"
scripts/install-packages.sh dpkg-dev file lintian kcat ccache

step "Build the packages in $build"
export CMAKE_BUILD_PARALLEL_LEVEL="${CMAKE_BUILD_PARALLEL_LEVEL:-2}"
scripts/make-packages.sh "$build"
packages=$(cd "$build/packages" && pwd)
app_deb=$(ls "$packages"/kafdesk_*_*.deb)
kafka_deb=$(ls "$packages"/kafdesk-kafka_*_all.deb)
[ "$(echo "$app_deb" | wc -l)" -eq 1 ] && [ "$(echo "$kafka_deb" | wc -l)" -eq 1 ] ||
    fail "expected one kafdesk and one kafdesk-kafka package in $packages"

step "Sizes"
for deb in "$app_deb" "$kafka_deb"; do
    ls -l "$deb"
    echo "  $(dpkg-deb -f "$deb" Package) Installed-Size: $(dpkg-deb -f "$deb" Installed-Size) KiB"
    echo "  Depends: $(dpkg-deb -f "$deb" Depends)"
done

step "lintian"
lintian_out="$packages/lintian.txt"
# --fail-on error: W: and I: tags are reported (and explained in packaging/lintian-notes.md).
lintian_rc=0
lintian --fail-on error --display-info --show-overrides "$app_deb" "$kafka_deb" >"$lintian_out" 2>&1 || lintian_rc=$?
sed '/running with root privileges/d' "$lintian_out"
[ -s "$lintian_out" ] || echo "(no tags)"
if [ "$lintian_rc" -ne 0 ] || grep -q '^E: ' "$lintian_out"; then fail "lintian reports errors (exit $lintian_rc)"; fi

# --- Install, run, remove. Everything below undoes itself on exit.
tmp=$(mktemp -d /tmp/kafdesk-pkgtest.XXXXXX)
before="$tmp/packages-before.txt"
dpkg-query -W -f='${Package}\n' | sort >"$before"
installed=0
ctl=/usr/bin/kafdesk-ctl
# The installed kafdesk-ctl as a user who never built Kafdesk: nothing of the caller's environment
# points it at jars, Java or clusters. Arguments: [NAME=VALUE...] kafdesk-ctl's arguments.
run_ctl() {
    env -u KAFDESK_KAFKA_JARS -u KAFDESK_JAVA -u KAFDESK_CLUSTERS_DIR -u XDG_CACHE_HOME -u XDG_DATA_HOME \
        -u XDG_CONFIG_HOME HOME="$tmp/home" "$@"
}
cleanup() {
    rc=$?
    if [ "$installed" = 1 ]; then
        for name in pkgtest nojars; do
            [ ! -x "$ctl" ] || run_ctl "$ctl" cluster down --name "$name" --quiet >/dev/null 2>&1 || true
        done
        # The packages and whatever apt installed for them, nothing that was there before.
        [ -s "$tmp/added.txt" ] || dpkg-query -W -f='${Package}\n' | sort | comm -13 "$before" - >"$tmp/added.txt"
        added=$(cat "$tmp/added.txt")
        echo "Purging:" $added
        # shellcheck disable=SC2086 # one word a package
        [ -z "$added" ] || DEBIAN_FRONTEND=noninteractive $sudo apt-get purge -y -q $added >/dev/null
    fi
    rm -rf "$tmp"
    echo "ci-package took $(($(date +%s) - started)) s"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# What the packages would create that is not there yet: all of it must be gone after the purge.
for deb in "$app_deb" "$kafka_deb"; do dpkg-deb -c "$deb"; done | awk '{print $6}' | sed 's:^\.::; s:/$::' |
    grep -v '^$' | sort -u | while read -r path; do
    [ -e "$path" ] || echo "$path"
done >"$tmp/new-paths.txt"

step "apt-get install"
for p in kafdesk kafdesk-kafka; do
    ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
        fail "$p is installed already: remove it first (this step removes what it installs)"
done
installed=1
(cd "$packages" && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends \
    "./$(basename "$app_deb")" "./$(basename "$kafka_deb")")
# Taken at once, so that what is purged is what this install brought (the packages, and any
# dependency that was missing), not something installed later by someone else.
dpkg-query -W -f='${Package}\n' | sort | comm -13 "$before" - >"$tmp/added.txt"
echo "Installed:" $(cat "$tmp/added.txt")
dpkg -L kafdesk kafdesk-kafka | sort -u >"$tmp/dpkg-L.txt"
echo "$(grep -c . "$tmp/dpkg-L.txt") paths; jars: $(ls /usr/share/kafdesk/kafka/*.jar | wc -l)"

step "Installed kafdesk-ctl without the jars says which package has them"
mkdir -p "$tmp/home"
if run_ctl KAFDESK_KAFKA_JARS="$tmp/no-jars" "$ctl" cluster start --name nojars >"$tmp/nojars.txt" 2>&1; then
    fail "cluster start succeeded without jars"
fi
cat "$tmp/nojars.txt"
grep -q 'sudo apt install kafdesk-kafka' "$tmp/nojars.txt" || fail "the hint does not name kafdesk-kafka"

step "kafdesk-ctl cluster start --name pkgtest (HOME=$tmp/home)"
rm -rf "$tmp/home" && mkdir -p "$tmp/home"
run_ctl "$ctl" --version
run_ctl "$ctl" cluster start --name pkgtest | tee "$tmp/start.txt"
bootstrap=$(sed -n 's/^bootstrap=//p' "$tmp/start.txt" | head -1)
[ -n "$bootstrap" ] || fail "no bootstrap= line from cluster start"
[ ! -e "$tmp/home/.cache/kafdesk" ] || fail "the user cache $tmp/home/.cache/kafdesk was created"
nodes=$(ps -eo args | grep -F "$tmp/home/" | grep -F -- "-cp /usr/share/kafdesk/kafka/*" | grep -c kafka.Kafka || true)
[ "$nodes" -eq 3 ] || fail "$nodes broker processes run from /usr/share/kafdesk/kafka, not 3"

step "kcat -L -b $bootstrap"
kcat -L -b "$bootstrap" -m 30 | tee "$tmp/kcat.txt" | head -6
grep -Eq '^ *3 brokers:' "$tmp/kcat.txt" || fail "kcat does not list 3 brokers"

step "kafdesk-ctl cluster down --name pkgtest"
run_ctl "$ctl" cluster down --name pkgtest
[ "$(run_ctl "$ctl" cluster list | grep -c pkgtest || true)" -eq 0 ] || fail "pkgtest is still listed"

step "apt-get purge"
installed=0
added=$(cat "$tmp/added.txt")
echo "Purging:" $added
# shellcheck disable=SC2086 # one word a package
DEBIAN_FRONTEND=noninteractive $sudo apt-get purge -y -q $added >/dev/null
left=""
while read -r path; do
    if [ -e "$path" ] || [ -L "$path" ]; then left="$left $path"; fi
done <"$tmp/new-paths.txt"
while read -r path; do
    case "$path" in
    /usr/share/kafdesk* | /usr/bin/kafdesk* | /usr/share/doc/kafdesk*) [ ! -e "$path" ] || left="$left $path" ;;
    esac
done <"$tmp/dpkg-L.txt"
[ -z "$left" ] || fail "left behind:$left"
echo "Nothing left of the packages ($(grep -c . "$tmp/new-paths.txt") paths they had created are gone)."
echo "The user's data directory stays: $(cd "$tmp/home" && find . -maxdepth 4 -type d | sed 1d | tr '\n' ' ')"

step "Packages: OK"
