#!/usr/bin/env bash
# Smoke test of an installed or frozen annotator, as a user would start it.
#
#   packaging/smoke_test.sh [--build] [COMMAND]
#
# COMMAND is the annotator executable to test (default: dist/annotator/annotator, the
# PyInstaller build); --build runs packaging/build.py first. Screenshots and logs go to
# $SMOKE_OUT (default: build/smoke). Needs Xvfb, xdotool and ImageMagick's import; on Debian
# they are installed if missing (xvfb xauth xdotool imagemagick).
#
# 1. headless: `--help`, `--version` and, when the build has it, the `docs` subcommand,
#    against a fresh project.
# 2. the window: starts the app with an empty data folder (XDG_DATA_HOME in a temporary
#    folder, so the default project is created and seeded with the sample article) on a
#    virtual X screen, waits for its window, takes a screenshot, presses Ctrl+Q and expects
#    exit code 0.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

if [[ "${1:-}" == "--build" ]]; then
  shift
  python3 "$root/packaging/build.py"
fi
app="${1:-$root/dist/annotator/annotator}"
out="${SMOKE_OUT:-$root/build/smoke}"
window_timeout="${SMOKE_WINDOW_TIMEOUT:-60}"

missing=()
for tool in Xvfb xdotool import; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if ((${#missing[@]})); then
  if command -v apt-get >/dev/null && [[ $(id -u) == 0 ]]; then
    echo "installing xvfb xauth xdotool imagemagick (missing: ${missing[*]})"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      xvfb xauth xdotool imagemagick >/dev/null
  else
    echo "smoke test needs: ${missing[*]}" >&2
    exit 2
  fi
fi

fail() { echo "FAIL: $*" >&2; exit 1; }
step() { echo "-- $*"; }

[[ -x "$app" ]] || command -v "$app" >/dev/null || fail "no executable $app (build it: $0 --build)"

scratch="$(mktemp -d)"
xvfb_pid=""
app_pid=""
cleanup() {
  [[ -n "$app_pid" ]] && kill "$app_pid" 2>/dev/null || true
  [[ -n "$xvfb_pid" ]] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$scratch"
}
trap cleanup EXIT
mkdir -p "$out"
rm -f "$out"/*.png "$out"/*.log

# A user with nothing yet: no project, no settings.
export XDG_DATA_HOME="$scratch/data" XDG_CONFIG_HOME="$scratch/config" XDG_CACHE_HOME="$scratch/cache"
unset ANNOTATOR_PROJECT QT_QPA_PLATFORM
cd "$scratch"  # nothing may be read relative to the source tree

step "headless: $app --help / --version"
help_text="$("$app" --help)" || fail "--help exited $?"
[[ "$help_text" == Usage:\ annotator* ]] || fail "--help printed: $help_text"
"$app" --version | grep -q "annotator, version" || fail "--version"

# The sample article's title (its second line) is what a seeded project lists first.
sample_title="$(sed -n 2p "$root/seeds/000_691f64315ff478ca.txt")"
bidi=()
grep -q -- '--bidi' <<<"$help_text" && bidi=(--bidi off)  # logical order, as stored
has_docs=""
grep -qE '^\s+docs\b' <<<"$help_text" && has_docs=1

lists_sample() {  # $1: data folder; the default project there lists the sample article
  XDG_DATA_HOME="$1" "$app" "${bidi[@]}" docs >"$out/docs-default.log" 2>&1 ||
    fail "docs on the default project exited $? ($(tail -3 "$out/docs-default.log"))"
  grep -qF "$sample_title" "$out/docs-default.log" ||
    fail "the default project does not list the sample article: $(cat "$out/docs-default.log")"
}

if [[ -n "$has_docs" ]]; then
  step "headless: $app --project <new project> docs"
  "$app" --project "$scratch/x.annotator" docs >"$out/docs.log" 2>&1 ||
    fail "docs exited $? ($(tail -3 "$out/docs.log"))"
  step "headless: $app docs, first run (default project seeded with the sample article)"
  lists_sample "$scratch/headless-data"
  cat "$out/docs-default.log"
else
  step "headless: no 'docs' subcommand in this build, skipped"
fi

step "window: Xvfb"
display=":$((90 + RANDOM % 100))"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >"$out/xvfb.log" 2>&1 &
xvfb_pid=$!
export DISPLAY="$display"
for _ in $(seq 50); do xdotool getmouselocation >/dev/null 2>&1 && break; sleep 0.1; done
xdotool getmouselocation >/dev/null 2>&1 || fail "Xvfb did not start ($(cat "$out/xvfb.log"))"

step "window: start $app with a fresh data folder"
started_ms=$(date +%s%3N)
"$app" >"$out/app.log" 2>&1 &
app_pid=$!
window=""
for _ in $(seq $((window_timeout * 5))); do
  window="$(xdotool search --onlyvisible --name annotator 2>/dev/null | head -1 || true)"
  [[ -n "$window" ]] && break
  kill -0 "$app_pid" 2>/dev/null || { wait "$app_pid" && code=0 || code=$?;
    app_pid=""; fail "app exited $code before showing a window: $(tail -5 "$out/app.log")"; }
  sleep 0.2
done
[[ -n "$window" ]] || fail "no window named like 'annotator' after ${window_timeout}s"
shown_ms=$(($(date +%s%3N) - started_ms))
echo "-- window $window \"$(xdotool getwindowname "$window")\" shown after ${shown_ms} ms"
sleep 2  # let it paint the article
import -window root "$out/window.png"
colours=$(convert "$out/window.png" -format %k info:)
echo "-- screenshot $out/window.png ($colours colours)"
((colours > 16)) || fail "the screenshot is nearly blank ($colours colours)"
[[ -f "$XDG_DATA_HOME/annotator/default.annotator" ]] ||
  fail "no default project created under XDG_DATA_HOME"

step "window: Ctrl+Q"
xdotool windowfocus --sync "$window"
xdotool key ctrl+q
code=""
for _ in $(seq 100); do
  if ! kill -0 "$app_pid" 2>/dev/null; then wait "$app_pid" && code=0 || code=$?; break; fi
  sleep 0.1
done
[[ -n "$code" ]] || fail "still running 10 s after Ctrl+Q"
app_pid=""
((code == 0)) || fail "exit code $code after Ctrl+Q: $(tail -5 "$out/app.log")"
if [[ -n "$has_docs" ]]; then
  step "after the window: the default project it left opens and lists the sample article"
  lists_sample "$XDG_DATA_HOME"
fi
echo "PASS: $app (screenshot: $out/window.png)"
