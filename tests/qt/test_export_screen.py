"""On a real X server (Xvfb): the Export dialog fits the screen, mirrors in Arabic; screenshot.

Skipped where Xvfb is not installed. The dialog runs in a child process on the xcb
platform (see test_screen.py, whose private X server this borrows).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.qt.test_screen import XVFB, x_display  # noqa: F401 - the fixture is used by name

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(XVFB is None, reason="Xvfb is not installed")


def show_dialog(display: str, folder: Path, language: str, screenshot: Path) -> dict:
    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.qt.export_screen_check",
            str(folder / f"{language}.annotator"),
            str(folder / f"{language}.ini"),
            str(screenshot),
            language,
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def inside(inner: list[int], outer: list[int]) -> bool:
    x, y, width, height = inner
    left, top, screen_width, screen_height = outer
    return (
        left <= x
        and top <= y
        and x + width <= left + screen_width
        and y + height <= top + screen_height
    )


def test_export_dialog_on_a_real_screen(x_display, tmp_path):  # noqa: F811
    # Into tmp_path: docs/export-dialog.png is made by hand (see export_screen_check.py).
    screenshot = tmp_path / "export-dialog.png"
    english = show_dialog(x_display, tmp_path, "en", screenshot)
    assert english["platform"] == "xcb"
    assert inside(english["dialog"], english["screen"]), english
    assert english["ready"]
    assert "add up to 0.9" in english["problem"] and not english["ok_enabled"]
    # Left to right: the field's name before the field.
    assert english["destination_label_x"] < english["destination_edit_x"]
    assert screenshot.stat().st_size > 10_000

    arabic = show_dialog(x_display, tmp_path, "ar", tmp_path / "export-dialog-ar.png")
    assert inside(arabic["dialog"], arabic["screen"]), arabic
    assert "0.9" in arabic["problem"] and not arabic["ok_enabled"]
    # Mirrored: the field's name on the right of the field.
    assert arabic["destination_label_x"] > arabic["destination_edit_x"]
