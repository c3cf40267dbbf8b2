"""Run by test_events_screen.py on a real X server: the pact and the dispatch linked,
arcs drawn; a screenshot, and the arc pixels measured on the screen's own image.

    SCREEN_LANGUAGE=ar python -m tests.qt.screen_events PROJECT SETTINGS SCREENSHOT

Prints one JSON line with what was measured.
"""

from __future__ import annotations

import json
import os
import sys

from PySide6.QtCore import QPoint, QSettings
from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from annotator.core.edits import AddSpan, DeleteSpan
from annotator.core.link_edits import AddLink, SetEventType
from annotator.io.seed import ensure_seeded
from annotator.qt.app import article_font
from annotator.qt.arcs import ARC_COLOR
from annotator.qt.i18n import Translations
from annotator.qt.main_window import MainWindow
from annotator.storage import open_project
from tests.qt.test_events_window import places


def main(project_path: str, settings_path: str, screenshot: str) -> None:
    app = QApplication(sys.argv[:1])
    Translations(app).apply(os.environ.get("SCREEN_LANGUAGE", "en"))
    project = open_project(project_path)
    ensure_seeded(project)
    doc = project.document_ids()[0]
    text = project.get_document(doc).text

    at = places(text)
    labels = {
        "signed": "event",
        "signed_russia": "actor",
        "korea": "actor",
        "pyongyang": "actor",
        "sent": "event",
        "troops": "number",
        "target_russia": "actor",
    }
    ids = {}
    for name, label in labels.items():
        inverse = project.apply(AddSpan(doc, *at[name], label))
        assert isinstance(inverse, DeleteSpan)  # an added span's inverse names its id
        ids[name] = inverse.span_id
    for event, argument, role in (
        ("signed", "signed_russia", "agent"),
        ("signed", "korea", "agent"),
        ("sent", "pyongyang", "agent"),
        ("sent", "troops", "quantity"),
        ("sent", "target_russia", "target"),
    ):
        project.apply(AddLink(ids[event], ids[argument], role))
    project.apply(SetEventType(ids["signed"], "agreement"))
    project.apply(SetEventType(ids["sent"], "deployment"))
    settings = QSettings(settings_path, QSettings.Format.IniFormat)
    settings.setValue("suggestions/on_open", False)
    window = MainWindow(project, settings, article_font(), annotator_name="screen")
    window.resize(1500, 1000)
    window.show()
    QTest.qWaitForWindowExposed(window)
    window.open_document(doc)
    view = window.view
    view.set_zoom(-4)  # smaller letters: the pact and the dispatch on one screen
    view.select_span(ids["sent"])
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offset_map().to_qt(at["signed"][0]))
    top = view.cursorRect(cursor).top() + view.verticalScrollBar().value()
    view.verticalScrollBar().setValue(max(int(top - 2 * view.arcs.room()), 0))
    QTest.qWait(300)
    image = window.screen().grabWindow(window.winId())
    image.save(screenshot)
    screen = image.toImage()
    corner = view.viewport().mapTo(window, QPoint(0, 0))
    ratio = screen.devicePixelRatio()

    def arc_pixels(first: str, second: str) -> int:
        """Arc-coloured pixels in the room above the line, between the two spans."""
        offsets = view.offset_map()
        rects = []
        for name in (first, second):
            cursor = QTextCursor(view.document())
            cursor.setPosition(offsets.to_qt((at[name][0] + at[name][1]) // 2))
            rects.append(view.cursorRect(cursor))
        left, right = sorted(rect.center().x() for rect in rects)
        top = rects[0].top()
        count = 0
        for x in range(left, right):
            for y in range(max(top - 3 * rects[0].height(), 0), top):
                pixel = screen.pixel(int((x + corner.x()) * ratio), int((y + corner.y()) * ratio))
                count += QColor(pixel).name() == ARC_COLOR.name()
        return count

    print(
        json.dumps(
            {
                "platform": app.platformName(),
                "language": os.environ.get("SCREEN_LANGUAGE", "en"),
                "pact_arc": arc_pixels("signed", "korea"),
                "dispatch_arc": arc_pixels("sent", "target_russia"),
                "links": len(project.links_of_document(doc)),
                "panel_rows": window.event_panel.arguments.rowCount(),
            }
        )
    )
    window.close()
    project.close()


if __name__ == "__main__":
    main(*sys.argv[1:4])
