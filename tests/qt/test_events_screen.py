"""The linked events on a real X server (Xvfb), English and Arabic: arcs on screen,
screenshots docs/events-en.png and docs/events-ar.png (written there with
ANNOTATOR_UPDATE_SCREENSHOTS=1, see tests/qt/screenshots.py)."""

from __future__ import annotations

import pytest

from tests.qt.screenshots import screenshot_path
from tests.qt.test_screen import XVFB, run_on_screen, x_display  # noqa: F401

pytestmark = pytest.mark.skipif(XVFB is None, reason="Xvfb is not installed")


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_linked_events_on_a_real_screen(x_display, tmp_path, monkeypatch, language):  # noqa: F811
    monkeypatch.setenv("SCREEN_LANGUAGE", language)
    screenshot = screenshot_path(f"events-{language}.png", tmp_path)
    report = run_on_screen("tests.qt.screen_events", x_display, tmp_path, screenshot)
    assert report["language"] == language
    assert report["links"] == 5
    assert report["panel_rows"] == 3  # the dispatch: agent, quantity, target
    assert report["pact_arc"] > 10 and report["dispatch_arc"] > 10
    assert screenshot.stat().st_size > 10_000
