#!/usr/bin/env bash
# The pip route, checked as a user would meet it: build the wheel, install it (not editable)
# into a fresh virtual environment outside the source tree, then run packaging/smoke_test.sh
# against that environment's `annotator` command (headless subcommands and the window).
#
#   packaging/check_wheel.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
python="${PYTHON:-python3}"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

echo "-- wheel"
"$python" -m pip wheel --no-deps --quiet -w "$scratch/wheel" "$root"
ls "$scratch"/wheel
echo "-- fresh virtual environment in $scratch/venv"
"$python" -m venv "$scratch/venv"
"$scratch/venv/bin/python" -m pip install --quiet "$scratch"/wheel/annotator-*.whl

echo "-- the installed package reads its files through importlib.resources"
(cd "$scratch" && "$scratch/venv/bin/python" -c '
import annotator
from annotator.assets import icon_path, seed_files
print(annotator.__file__)
print([seed.name for seed in seed_files()], icon_path(48).is_file())
')
"$root/packaging/smoke_test.sh" "$scratch/venv/bin/annotator"
