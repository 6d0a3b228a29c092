#!/bin/sh
# Renders kafdesk.svg into the PNG sizes the window icon and the hicolor theme use.
# Needs rsvg-convert (Debian: librsvg2-bin). Run from anywhere:
#   resources/icons/render-icons.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
command -v rsvg-convert >/dev/null || { echo "rsvg-convert is missing: sudo apt-get install librsvg2-bin" >&2; exit 1; }
for size in 16 32 48 64 128 256; do
    rsvg-convert --width "$size" --height "$size" --format png \
        --output "$here/kafdesk-$size.png" "$here/kafdesk.svg"
done
echo "rendered: $(cd "$here" && ls kafdesk-*.png | tr '\n' ' ')"
