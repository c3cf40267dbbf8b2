"""Import and export from the File menu; a cancelled import leaves nothing behind."""

from __future__ import annotations

import json

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog

from annotator.core.edits import AddSpan
from annotator.qt.export_dialog import ExportDialog
from tests.qt.conftest import cancel_progress_when_shown


def write_articles(folder, count):
    folder.mkdir()
    for n in range(count):
        (folder / f"{n:03}.txt").write_text(f"01-نوفمبر-2024\nخبر {n}\n\nنص الخبر رقم {n}\n")


def test_import_folder_adds_documents_to_the_list(window, tmp_path, monkeypatch):
    folder = tmp_path / "articles"
    write_articles(folder, 5)
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(folder))
    )
    window.action("file.import_folder").trigger()
    QApplication.processEvents()
    assert window.project.document_count() == 6
    assert window.documents.rowCount() == 6
    assert "5" in window.statusBar().currentMessage()


def test_cancelling_an_import_leaves_the_project_as_it_was(window, tmp_path, monkeypatch):
    monkeypatch.setattr("annotator.qt.transfer.SHOW_AFTER_MS", 0)
    folder = tmp_path / "many"
    write_articles(folder, 300)
    before = window.project.document_ids()

    QTimer.singleShot(0, cancel_progress_when_shown)
    window.files.import_paths([folder])
    assert window.project.document_ids() == before
    assert window.statusBar().currentMessage() == "Cancelled; nothing changed."


def test_export_writes_the_spans(window, tmp_path):
    doc = window.current_document()
    text = window.project.get_document(doc).text
    start = text.index("كوريا الشمالية")
    window.project.apply(AddSpan(doc, start, start + len("كوريا الشمالية"), "actor"))
    out = tmp_path / "out.jsonl"
    window.action("file.export").trigger()
    dialog = window.findChild(ExportDialog)
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("native"))
    dialog.destination_edit.setText(str(out))
    dialog.ok_button.click()
    [record] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert json.dumps(record, ensure_ascii=False).count("كوريا الشمالية") >= 1
    assert "actor" in json.dumps(record)
