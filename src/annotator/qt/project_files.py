"""The File menu's work: new and open project, recent projects, import and export.

Opening a project is asked of the app (``Editing.request_project``), which owns the windows.
Its strings keep the MainWindow translation context, where they have always been.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QMenu

from annotator.core.errors import AnnotatorError
from annotator.io.registry import import_formats, suffixes_read
from annotator.io.report import ExportReport
from annotator.qt.counts import Counts
from annotator.qt.editing import Editing
from annotator.qt.export_dialog import ExportDialog
from annotator.qt.transfer import Cancelled, import_with_progress

RECENT_LIMIT = 8
RECENT_KEY = "recent_projects"


def import_name_filter() -> str:
    """Every file an importer reads, then each format's files, then all files."""

    def patterns(suffixes: Iterable[str]) -> str:
        return " ".join(f"*{suffix}" for suffix in suffixes if suffix)

    every = QCoreApplication.translate("MainWindow", "Files annotator reads (%1)")
    filters = [every.replace("%1", patterns(sorted(suffixes_read())))]
    for declared in import_formats():
        if any(declared.suffixes):
            description = QCoreApplication.translate("Formats", declared.description)
            filters.append(f"{declared.name}: {description} ({patterns(declared.suffixes)})")
    filters.append(QCoreApplication.translate("MainWindow", "All files (*)"))
    return ";;".join(filters)


class ProjectFiles:
    """Asks for files and folders with dialogs over the window; reports in its status bar."""

    def __init__(self, editing: Editing):
        self._editing = editing
        self._parent = editing.window
        self._project = editing.project
        self._settings = editing.settings
        self._request_project = editing.request_project

    def new_project(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self._parent,
            QCoreApplication.translate("MainWindow", "New project"),
            "",
            QCoreApplication.translate("MainWindow", "Annotator projects (*.annotator)"),
        )
        if path:
            if not path.endswith(".annotator"):
                path += ".annotator"
            self._request_project(path, True)

    def open_project(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self._parent,
            QCoreApplication.translate("MainWindow", "Open project"),
            "",
            QCoreApplication.translate(
                "MainWindow", "Annotator projects (*.annotator);;All files (*)"
            ),
        )
        if path:
            self._request_project(path, False)

    def import_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self._parent,
            QCoreApplication.translate("MainWindow", "Import files"),
            "",
            import_name_filter(),
        )
        if paths:
            self.import_paths([Path(p) for p in paths])

    def import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self._parent, QCoreApplication.translate("MainWindow", "Import folder")
        )
        if folder:
            self.import_paths([Path(folder)])

    def import_paths(self, paths: list[Path]) -> None:
        try:
            result = import_with_progress(self._parent, self._project, paths)
        except Cancelled as cancelled:
            self._editing.say(str(cancelled), 5000)
            return
        except AnnotatorError as error:
            self._editing.report_error(error)
            return
        report = result.report
        counts = Counts()
        message = counts.imported(report.documents_added, report.spans_added)
        if report.duplicate_count:
            message += " " + counts.already_in_project(report.duplicate_count)
        if result.repeated_count:
            message += " " + counts.repeated_spans(result.repeated_count, str(result.repeated[0]))
        self._editing.say(message, 8000)

    def export(self) -> None:
        dialog = ExportDialog(self._project, self._settings, self._parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.exported.connect(self._on_exported)
        dialog.open()

    def _on_exported(self, report: ExportReport) -> None:
        self._editing.say(
            Counts().exported(report.documents),
            8000,
        )

    def fill_recent_menu(self, menu: QMenu) -> None:
        menu.clear()
        for path in self.recent_projects():
            action = menu.addAction(path)
            action.triggered.connect(lambda _c=False, p=path: self._request_project(p, False))
        if menu.isEmpty():
            menu.addAction(QCoreApplication.translate("MainWindow", "(none)")).setEnabled(False)

    def recent_projects(self) -> list[str]:
        value = self._settings.value(RECENT_KEY, [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in value] if isinstance(value, list) else []

    def remember_recent(self, path: Path | None) -> None:
        if path is None:
            return
        entry = str(path.resolve())
        recent = [entry, *(p for p in self.recent_projects() if p != entry)][:RECENT_LIMIT]
        self._settings.setValue(RECENT_KEY, recent)
