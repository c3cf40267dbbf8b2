#!/usr/bin/env bash
# Render the app icon's PNG sizes (and the Windows .ico) from resources/icons/annotator.svg.
# Needs rsvg-convert (Debian: librsvg2-bin) and, for the .ico, ImageMagick's convert.
# The PNGs are committed, so this runs only when the SVG changes.
set -euo pipefail
icons="$(cd "$(dirname "$0")/../resources/icons" && pwd)"
sizes=(16 32 48 64 128 256 512)
for size in "${sizes[@]}"; do
  rsvg-convert --width "$size" --height "$size" "$icons/annotator.svg" -o "$icons/annotator-$size.png"
done
# Windows wants one .ico holding several sizes; 256 is the largest the format stores.
convert "$icons"/annotator-{16,32,48,64,128,256}.png "$icons/annotator.ico"
ls -l "$icons"
