"""Both dialogs offer what the registry declares: a format added in one module
(tests/throwaway_format.py) is in the import dialog's filter and the export dialog's list."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog

from annotator.qt.export_dialog import ExportDialog


def test_the_import_dialog_shows_every_readable_file_first(window, monkeypatch):
    asked = []

    def get_open_file_names(parent, caption, folder, name_filter):
        asked.append(name_filter)
        return [], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", get_open_file_names)
    window.action("file.import_files").trigger()
    [filters] = asked
    first = filters.split(";;")[0]
    # The suffixes the "Text and JSONL" filter used to hide unless "All files" was picked.
    for suffix in (".conllu", ".csv", ".conll", ".iob", ".iob2", ".txt", ".jsonl"):
        assert f"*{suffix}" in first.split("(")[-1].rstrip(")").split()
    assert filters.split(";;")[-1] == "All files (*)"


def test_a_format_added_in_one_module_is_in_both_dialogs(
    window, project, settings, monkeypatch, throwaway_format
):
    asked = []
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", lambda *args: asked.append(args[3]) or ([], "")
    )
    window.action("file.import_files").trigger()
    [filters] = asked
    assert "*.throwaway" in filters.split(";;")[0]
    assert "throwaway: Throwaway lines, one document each (*.throwaway)" in filters.split(";;")

    dialog = ExportDialog(project, settings)
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("throwaway"))
    assert dialog.fmt() == "throwaway"
    assert dialog.format_description.text() == "Throwaway titles, one a line"
    assert dialog.destination_edit.text().endswith(".throwaway")
    assert not dialog.writes_folder()
    dialog.close()
