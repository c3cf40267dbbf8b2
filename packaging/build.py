"""Build the one-folder desktop application with PyInstaller.

    python3 packaging/build.py            # -> dist/annotator/ (dist/Annotator.app on macOS)

Creates its own virtual environment under build/, installs the project from the source
tree (a regular, non-editable install, so the app is built from what a wheel ships) and
PyInstaller into it, then runs packaging/annotator.spec. Prints the build time and the
size of the result. Only the standard library is used, so it runs on Linux, Windows and
macOS alike.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD_VENV = ROOT / "build" / "pyinstaller-venv"
WORK = ROOT / "build" / "pyinstaller"
DIST = ROOT / "dist"
SPEC = ROOT / "packaging" / "annotator.spec"
PYINSTALLER = "pyinstaller>=6.10,<7"


def venv_python() -> Path:
    scripts = "Scripts" if os.name == "nt" else "bin"
    return BUILD_VENV / scripts / ("python.exe" if os.name == "nt" else "python")


def run(*args: str | Path) -> None:
    subprocess.run([str(arg) for arg in args], check=True, cwd=ROOT)


def folder_size(folder: Path) -> int:
    """Bytes on disk; PyInstaller links some libraries, and a link is not counted twice."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def main() -> int:
    started = time.monotonic()
    python = venv_python()
    if not python.exists():
        print(f"Creating {BUILD_VENV} ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(BUILD_VENV)
    run(python, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    # --force-reinstall of the project only: the source may have changed under the same version.
    # On macOS PyInstaller needs Pillow to turn the PNG icon into .icns.
    icon_tools = ["pillow"] if sys.platform == "darwin" else []
    run(python, "-m", "pip", "install", "--quiet", PYINSTALLER, *icon_tools, ".")
    run(python, "-m", "pip", "install", "--quiet", "--no-deps", "--force-reinstall", ".")
    installed = time.monotonic()

    shutil.rmtree(DIST / "annotator", ignore_errors=True)
    run(
        python, "-m", "PyInstaller", SPEC,
        "--noconfirm", "--clean", "--log-level", "WARN",
        "--distpath", DIST, "--workpath", WORK,
    )  # fmt: skip
    finished = time.monotonic()

    app = DIST / ("Annotator.app" if sys.platform == "darwin" else "annotator")
    print(f"built {app}")
    print(f"  environment: {installed - started:6.1f} s")
    print(f"  pyinstaller: {finished - installed:6.1f} s")
    print(f"  size:        {folder_size(app) / 2**20:6.1f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
