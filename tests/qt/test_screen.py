"""On a real X server (Xvfb): Arabic is right-aligned, highlights are on screen; screenshot
(into docs/ with ANNOTATOR_UPDATE_SCREENSHOTS=1, see tests/qt/screenshots.py).

Skipped where Xvfb is not installed (CI installs it: see .ci/run). The window runs in
a child process on the xcb platform; this test process stays on offscreen.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.qt.screenshots import screenshot_path

XVFB = shutil.which("Xvfb")
ROOT = Path(__file__).resolve().parents[2]
ACTOR, WEAPON, NUMBER = "#0072b2", "#d55e00", "#009e73"

pytestmark = pytest.mark.skipif(XVFB is None, reason="Xvfb is not installed")


@pytest.fixture
def x_display():
    """A private X server on the first free display number."""
    for number in range(90, 190):
        socket = Path(f"/tmp/.X11-unix/X{number}")
        if socket.exists() or Path(f"/tmp/.X{number}-lock").exists():
            continue
        server = subprocess.Popen(
            [XVFB, f":{number}", "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while not socket.exists() and server.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        if server.poll() is not None or not socket.exists():
            server.kill()
            server.wait()
            continue
        try:
            yield f":{number}"
        finally:
            server.terminate()
            server.wait(timeout=10)
        return
    pytest.skip("no free X display number")


def run_on_screen(module, x_display, tmp_path, screenshot):
    """Run a check module in a child process on the real X server; return its report."""
    screenshot.parent.mkdir(exist_ok=True)
    env = dict(os.environ, DISPLAY=x_display, QT_QPA_PLATFORM="xcb")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            module,
            str(tmp_path / "screen.annotator"),
            str(tmp_path / "settings.ini"),
            str(screenshot),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["platform"] == "xcb"
    return report


def test_window_on_a_real_screen(x_display, tmp_path):
    screenshot = screenshot_path("screenshot.png", tmp_path)
    report = run_on_screen("tests.qt.screen_check", x_display, tmp_path, screenshot)
    for paragraph in report["arabic"]:
        # The caret before the first character of an Arabic paragraph sits at the right
        # edge of the view (the text is right-aligned and right-to-left).
        assert paragraph["width"] - 12 <= paragraph["x"] <= paragraph["width"], paragraph
    assert report["latin"]["x"] <= 12, report["latin"]  # a Latin paragraph stays on the left
    after = report["arabic_after_latin"]
    assert after["width"] - 12 <= after["x"] <= after["width"], after
    drawn = report["drawn"]
    assert WEAPON in drawn["weapon_band"]
    assert {WEAPON, NUMBER} <= set(drawn["number_bands"])  # 152 inside the weapon: both
    assert screenshot.stat().st_size > 10_000


def test_suggestions_and_a_find_result_on_a_real_screen(x_display, tmp_path):
    screenshot = screenshot_path("screenshot-suggestions.png", tmp_path)
    report = run_on_screen("tests.qt.screen_suggestions", x_display, tmp_path, screenshot)
    assert report["suggested"] > 10 and report["hits"] == 11
    assert report["selected"] == report["chosen"]  # the find result is selected in the view
    assert report["find_visible"]
    assert report["outline_switches"] >= 4  # a dashed outline, not a solid line or none
    assert screenshot.stat().st_size > 10_000
