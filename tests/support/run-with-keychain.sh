#!/bin/sh
# Runs a command (a test) with a private D-Bus session bus and an unlocked gnome-keyring that
# serves org.freedesktop.secrets, as TESTING.md describes: no DISPLAY or WAYLAND_DISPLAY (so
# nothing can open a password prompt and hang), the user's own bus and keyring untouched, and a
# temporary XDG_DATA_HOME/XDG_RUNTIME_DIR that is removed afterwards. Exits with the command's status.
#   sh tests/support/run-with-keychain.sh ./tst_profilestore [test arguments]
set -u
if [ $# -eq 0 ]; then
    echo "usage: $0 COMMAND [ARGS...]" >&2
    exit 2
fi
for tool in dbus-run-session gnome-keyring-daemon; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "$0: $tool is missing (sudo apt-get install dbus gnome-keyring libsecret-1-0)" >&2
        exit 1
    fi
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/kafdesk-keychain.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM
mkdir -p "$tmp/data" "$tmp/run"
chmod 700 "$tmp" "$tmp/run"

XDG_DATA_HOME=$tmp/data XDG_RUNTIME_DIR=$tmp/run \
env -u DISPLAY -u WAYLAND_DISPLAY -u DBUS_SESSION_BUS_ADDRESS dbus-run-session -- sh -c '
  printf %s ci-password | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  gnome-keyring-daemon --start --components=secrets >/dev/null 2>&1
  exec "$@"' sh "$@"
exit $?
