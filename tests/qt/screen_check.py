"""Run by test_screen.py on a real X server: show the window, measure, take a screenshot.

    python -m tests.qt.screen_check PROJECT SETTINGS SCREENSHOT   (from the repository)

Prints one JSON line with what was measured.
"""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QPoint, QSettings
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from annotator.core.edits import AddSpan
from annotator.core.model import Document, Origin
from annotator.io.seed import ensure_seeded
from annotator.qt.app import article_font
from annotator.qt.i18n import Translations
from annotator.qt.main_window import MainWindow
from annotator.storage import open_project
from tests.qt.conftest import band_colors

LATIN = "A Latin paragraph stays left to right."


def tag(project, doc, text, wanted, label, occurrence=0, origin=Origin.MANUAL):
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(wanted, start + 1)
    project.apply(AddSpan(doc, start, start + len(wanted), label, origin=origin))
    return start, start + len(wanted)


def main(project_path: str, settings_path: str, screenshot: str) -> None:
    app = QApplication(sys.argv[:1])
    Translations(app).apply("en")  # as the app starts: English plural forms
    project = open_project(project_path)
    ensure_seeded(project)
    doc = project.document_ids()[0]
    text = project.get_document(doc).text
    tag(project, doc, text, "كوريا الشمالية", "actor", occurrence=1)
    tag(project, doc, text, "روسيا", "actor")
    weapon = tag(project, doc, text, "قذائف المدفعية عيار 152 ملم", "weapon")
    number = tag(project, doc, text, "152", "number")
    tag(project, doc, text, "1500 جندي", "number")
    tag(project, doc, text, "أرسلت", "event")
    tag(project, doc, text, "الناتو", "actor", origin=Origin.SUGGESTED)
    latin = project.add_document(Document(title="Latin", text=LATIN + "\nوفقرة عربية."))
    settings = QSettings(settings_path, QSettings.Format.IniFormat)
    settings.setValue("suggestions/on_open", False)  # the spans tagged above, nothing more
    window = MainWindow(project, settings, article_font(), annotator_name="screen")
    window.resize(1500, 960)
    window.show()
    QTest.qWaitForWindowExposed(window)
    window.open_document(doc)
    view = window.view
    view.verticalScrollBar().setValue(0)
    QTest.qWait(300)

    def block_edges(block_number: int) -> dict:
        block = view.document().findBlockByNumber(block_number)
        cursor = QTextCursor(block)
        rect = view.cursorRect(cursor)
        return {"text": block.text()[:30], "x": rect.x(), "width": view.viewport().width()}

    arabic = [block_edges(n) for n in (1, 3)]
    window.document_table.selectRow(0)
    image = window.screen().grabWindow(window.winId())
    image.save(screenshot)
    screen = image.toImage()
    corner = view.viewport().mapTo(window, QPoint(0, 0))
    weapon_line_end = text.index("عيار 152")  # the weapon's part on the line of 152
    drawn = {
        "weapon_band": sorted(
            band_colors(view, weapon_line_end, number[1], 0, image=screen, origin=corner)
        ),
        "number_bands": sorted(
            band_colors(view, number[0], number[1], 0, image=screen, origin=corner)
            | band_colors(view, number[0], number[1], 1, image=screen, origin=corner)
        ),
        "weapon": list(weapon),
    }
    window.open_document(latin)
    QTest.qWait(100)
    latin_edges = [block_edges(0), block_edges(1)]
    print(
        json.dumps(
            {
                "platform": app.platformName(),
                "arabic": arabic,
                "latin": latin_edges[0],
                "arabic_after_latin": latin_edges[1],
                "screenshot_size": [image.width(), image.height()],
                "drawn": drawn,
            },
            ensure_ascii=False,
        )
    )
    window.close()
    project.close()


if __name__ == "__main__":
    main(*sys.argv[1:4])
