#!/usr/bin/env bash
# Add annotator to the desktop's application menu, for the current user.
#
#   packaging/linux/install.sh                  # menu entry, metainfo and icons only
#   packaging/linux/install.sh --app dist/annotator
#                                               # also the PyInstaller folder, with
#                                               # ~/.local/bin/annotator pointing into it
#   packaging/linux/install.sh --uninstall      # remove all of the above
#
# The menu entry runs `annotator`, so it must be on PATH: pipx puts it in ~/.local/bin, and
# so does --app. Files go under ${XDG_DATA_HOME:-~/.local/share} (applications/, metainfo/,
# icons/hicolor/); --app copies the folder to ~/.local/lib/annotator.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
icons="$here/../../resources/icons"
app_id="org.annotator_project.Annotator"
data="${XDG_DATA_HOME:-$HOME/.local/share}"
lib="$HOME/.local/lib/annotator"
bin="$HOME/.local/bin"
sizes=(16 32 48 64 128 256 512)

refresh_caches() {
  # Desktops notice new entries by themselves; these only speed it up where installed.
  command -v update-desktop-database >/dev/null && update-desktop-database -q "$data/applications" || true
  command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
}

if [[ "${1:-}" == "--uninstall" ]]; then
  rm -f "$data/applications/$app_id.desktop" "$data/metainfo/$app_id.metainfo.xml" \
    "$data/icons/hicolor/scalable/apps/$app_id.svg"
  for size in "${sizes[@]}"; do rm -f "$data/icons/hicolor/${size}x${size}/apps/$app_id.png"; done
  if [[ -L "$bin/annotator" && "$(readlink "$bin/annotator")" == "$lib/"* ]]; then
    rm -f "$bin/annotator" && rm -rf "$lib"
  fi
  refresh_caches
  echo "removed $app_id"
  exit 0
fi

if [[ "${1:-}" == "--app" ]]; then
  built="$(cd "${2:?--app needs the built folder, e.g. dist/annotator}" && pwd)"
  [[ -x "$built/annotator" ]] || { echo "no annotator executable in $built" >&2; exit 1; }
  rm -rf "$lib" && mkdir -p "$(dirname "$lib")" "$bin"
  cp -a "$built" "$lib"
  ln -sfn "$lib/annotator" "$bin/annotator"
  echo "installed $lib, linked from $bin/annotator"
fi

install -D -m 644 "$here/$app_id.desktop" "$data/applications/$app_id.desktop"
install -D -m 644 "$here/$app_id.metainfo.xml" "$data/metainfo/$app_id.metainfo.xml"
install -D -m 644 "$icons/annotator.svg" "$data/icons/hicolor/scalable/apps/$app_id.svg"
for size in "${sizes[@]}"; do
  install -D -m 644 "$icons/annotator-$size.png" "$data/icons/hicolor/${size}x${size}/apps/$app_id.png"
done
refresh_caches
echo "installed $app_id under $data"
command -v annotator >/dev/null || echo "note: 'annotator' is not on PATH yet (add $bin to PATH)"
