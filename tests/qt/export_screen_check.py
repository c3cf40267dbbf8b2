"""Run by test_export_screen.py on a real X server: open File > Export, screenshot, measure.

    python -m tests.qt.export_screen_check PROJECT SETTINGS SCREENSHOT LANG   (from the repository)

docs/export-dialog.png is made with it (Xvfb :99 -screen 0 1600x1000x24 running):

    DISPLAY=:99 QT_QPA_PLATFORM=xcb .venv/bin/python -m tests.qt.export_screen_check \\
        /tmp/x.annotator /tmp/x.ini docs/export-dialog.png en

Prints one JSON line with what was measured.
"""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QPoint, QSettings
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from annotator.core.model import Status
from annotator.io.seed import ensure_seeded
from annotator.qt.app import article_font
from annotator.qt.export_dialog import ExportDialog
from annotator.qt.i18n import Translations
from annotator.qt.main_window import MainWindow
from annotator.storage import open_project


def main(project_path: str, settings_path: str, screenshot: str, language: str) -> None:
    app = QApplication(sys.argv[:1])
    Translations(app).apply(language)
    project = open_project(project_path)
    ensure_seeded(project)
    settings = QSettings(settings_path, QSettings.Format.IniFormat)
    window = MainWindow(project, settings, article_font(), annotator_name="screen")
    window.resize(1200, 800)
    window.show()
    QTest.qWaitForWindowExposed(window)
    window.action("file.export").trigger()
    dialog = window.findChild(ExportDialog)
    QTest.qWaitForWindowExposed(dialog)
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("hf"))
    dialog.status_boxes[Status.TODO].setChecked(False)
    dialog.split_check.setChecked(True)
    dialog.destination_edit.setText("/home/amal/datasets/news-hf")
    QTest.qWait(300)
    image = dialog.screen().grabWindow(dialog.winId())
    image.save(screenshot)
    ready = dialog.ok_button.isEnabled()
    dialog.ratio_spins[0].setValue(0.7)  # shares that do not add up: the message shows
    QTest.qWait(50)

    def left_of(widget) -> int:
        return widget.mapTo(dialog, QPoint(0, 0)).x()

    screen = dialog.screen().availableGeometry()
    print(
        json.dumps(
            {
                "platform": app.platformName(),
                "dialog": [dialog.x(), dialog.y(), dialog.width(), dialog.height()],
                "screen": [screen.x(), screen.y(), screen.width(), screen.height()],
                "destination_label_x": left_of(dialog.destination_label),
                "destination_edit_x": left_of(dialog.destination_edit),
                "problem": dialog.problem_label.text(),
                "ready": ready,
                "ok_enabled": dialog.ok_button.isEnabled(),
                "screenshot_size": [image.width(), image.height()],
            },
            ensure_ascii=False,
        )
    )
    dialog.close()
    window.close()
    project.close()


if __name__ == "__main__":
    main(*sys.argv[1:5])
