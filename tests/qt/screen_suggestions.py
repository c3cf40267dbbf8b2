"""Run by test_screen.py on a real X server: suggestions and a find result, screenshot.

    python -m tests.qt.screen_suggestions PROJECT SETTINGS SCREENSHOT   (from the repository)

Opens the seed with "Suggest on open" (its numbers are proposed), tags روسيا and
proposes its other occurrences (Ctrl+L), finds روسيا and jumps to the match in
لروسيا. Prints one JSON line with what was measured.
"""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from annotator.core.model import Origin
from annotator.io.seed import ensure_seeded
from annotator.qt.app import article_font
from annotator.qt.i18n import Translations
from annotator.qt.main_window import MainWindow
from annotator.storage import open_project


def main(project_path: str, settings_path: str, screenshot: str) -> None:
    app = QApplication(sys.argv[:1])
    Translations(app).apply("en")  # as the app starts: English plural forms
    project = open_project(project_path)
    ensure_seeded(project)
    settings = QSettings(settings_path, QSettings.Format.IniFormat)
    settings.setValue("suggestions/on_open", True)
    window = MainWindow(project, settings, article_font(), annotator_name="screen")
    window.resize(1500, 960)
    window.show()
    QTest.qWaitForWindowExposed(window)
    window.activateWindow()  # the menu keys (Ctrl+L, Ctrl+F) work in the active window
    QTest.qWaitForWindowActive(window)
    doc = window.current_document()
    text = project.get_document(doc).text
    view = window.view
    start = text.index("روسيا")
    view.select_offsets(start, start + len("روسيا"))
    QTest.keyClick(view, Qt.Key.Key_1)
    QTest.keyClick(view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    panel = window.find_panel
    panel.query.setText("روسيا")
    QTest.keyClick(panel.query, Qt.Key.Key_Return)
    hits = [panel.results.hit(row) for row in range(panel.results.rowCount())]
    chosen = next(row for row, hit in enumerate(hits) if text[hit.start - 1] == "ل")
    panel.list.setCurrentIndex(panel.results.index(chosen, 0))
    QTest.keyClick(panel.query, Qt.Key.Key_Return)
    view.verticalScrollBar().setValue(0)
    QTest.qWait(300)

    image = window.screen().grabWindow(window.winId())
    image.save(screenshot)
    # A dashed outline: along the top edge of a suggestion, dark label-coloured pixels
    # alternate with gaps.
    shown = image.toImage()
    corner = view.viewport().mapTo(window, QPoint(0, 0))
    suggestion = next(
        h
        for h in view.highlights()
        if h.span.origin is Origin.SUGGESTED and text[h.span.start : h.span.end] == "روسيا"
    )
    block = view.document().findBlock(suggestion.start)
    layout = block.layout()
    line = layout.lineForTextPosition(suggestion.start - block.position())
    top = int(layout.position().y() + line.y() - view.verticalScrollBar().value())
    xs = sorted(
        int(line.cursorToX(p - block.position())[0]) for p in (suggestion.start, suggestion.end)
    )
    ratio = shown.devicePixelRatio()
    run = []
    for x in range(xs[0] + 3, xs[1] - 3):
        pixel = QColor(shown.pixel(int((x + corner.x()) * ratio), int((top + corner.y()) * ratio)))
        run.append(pixel.lightness() < 160)
    switches = sum(1 for a, b in zip(run, run[1:], strict=False) if a != b)
    print(
        json.dumps(
            {
                "platform": app.platformName(),
                "suggested": sum(1 for s in project.spans(doc) if s.origin is Origin.SUGGESTED),
                "hits": len(hits),
                "selected": list(view.selected_offsets() or ()),
                "chosen": [hits[chosen].start, hits[chosen].end],
                "outline_switches": switches,
                "find_visible": panel.isVisible(),
            },
            ensure_ascii=False,
        )
    )
    window.close()
    project.close()


if __name__ == "__main__":
    main(*sys.argv[1:4])
