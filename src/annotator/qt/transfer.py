"""Import and export from the window, with a progress dialog that can cancel."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QElapsedTimer, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from annotator.core.errors import AnnotatorError
from annotator.io.exporting import export_project
from annotator.io.importing import ImportResult, import_paths
from annotator.io.report import ExportReport
from annotator.qt.counts import Counts
from annotator.storage.project import Project

SHOW_AFTER_MS = 400  # quick imports finish without a dialog flashing up


class Cancelled(AnnotatorError):
    """The user pressed Cancel; the operation left nothing behind."""


def _progress_dialog(parent: QWidget, title: str) -> tuple[QProgressDialog, Callable[[int], None]]:
    dialog = QProgressDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(title)
    dialog.setRange(0, 0)  # the number of records is not known in advance
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.reset()  # no automatic showing: it is shown below once the work proves long
    clock = QElapsedTimer()
    clock.start()

    def progress(count: int) -> None:
        if not dialog.isVisible() and clock.elapsed() >= SHOW_AFTER_MS:
            dialog.show()
        dialog.setLabelText(Counts().records(count))
        QCoreApplication.processEvents()
        if dialog.wasCanceled():
            raise Cancelled(QCoreApplication.translate("Transfer", "Cancelled; nothing changed."))

    return dialog, progress


def import_with_progress(parent: QWidget, project: Project, paths: list[Path]) -> ImportResult:
    """Import ``paths`` (one transaction); raises AnnotatorError, Cancelled included."""
    dialog, progress = _progress_dialog(parent, QCoreApplication.translate("Transfer", "Importing"))
    try:
        return import_paths(project, paths, progress=progress)
    finally:
        dialog.close()
        dialog.deleteLater()


def export_with_progress(
    parent: QWidget, project: Project, path: Path, fmt: str, **options: Any
) -> ExportReport:
    """Export with ``export_project``'s filters and split; raises AnnotatorError, Cancelled too."""
    dialog, progress = _progress_dialog(parent, QCoreApplication.translate("Transfer", "Exporting"))
    try:
        return export_project(project, path, fmt, progress=progress, **options)
    finally:
        dialog.close()
        dialog.deleteLater()
