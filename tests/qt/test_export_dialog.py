"""File > Export: the dialog writes every format with filters and a split, as the CLI does."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from PySide6.QtCore import QDate, QSettings, QStandardPaths, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QLabel,
    QMessageBox,
)

from annotator.cli.main import cli
from annotator.core.edits import AddSpan
from annotator.core.model import Document, Span, Status
from annotator.core.values import replace
from annotator.io.exporting import selected_records
from annotator.io.registry import exporter, exporter_names
from annotator.io.splits import Split
from annotator.qt.export_dialog import ExportDialog
from annotator.storage import open_project
from tests.qt.conftest import cancel_progress_when_shown

FORMATS = ["native", "doccano", "prodigy", "labelstudio", "iob2", "brat", "hf", "spacy"]
STATUSES = (Status.TODO, Status.IN_PROGRESS, Status.DONE)


def article(number: int) -> tuple[Document, list[Span]]:
    text = f"أرسلت روسيا {number} صاروخا إلى وكوريا الشمالية"
    spans = [
        Span(6, 11, "actor", annotator="amal"),
        Span(0, 5, "event", annotator="omar"),
        Span(12, 12 + len(str(number)), "number", annotator="amal", value=number),
    ]
    if number % 4 == 0:
        spans = [replace(span, annotator="omar") for span in spans]
    if number % 5 == 0:
        spans = []
    return Document(f"خبر {number}", text, status=STATUSES[number % 3]), spans


@pytest.fixture
def project(tmp_path):
    """60 articles: three statuses, two annotators, some with no span or none by amal."""
    with open_project(tmp_path / "test.annotator") as project:
        project.import_documents(article(n) for n in range(60))
    # Opened again: the CLI reads the file beside the window, and a project file only
    # shows it is one (its header) once its first connection has closed.
    project = open_project(tmp_path / "test.annotator")
    yield project
    project.close()


@pytest.fixture
def dialog(window):
    window.action("file.export").trigger()
    dialog = window.findChild(ExportDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def utc_day(days: int) -> QDate:
    day = datetime.now(UTC).date() + timedelta(days=days)
    return QDate(day.year, day.month, day.day)


def click(widget) -> None:
    """Click a button in its middle, a check box on its box (its row may be wider than it)."""
    point = widget.rect().center()
    if isinstance(widget, QCheckBox):
        point.setX(widget.width() - 6 if widget.isRightToLeft() else 6)
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, pos=point)


def type_into(widget, text: str) -> None:
    widget.setFocus()
    QTest.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(widget, text)


def choose_format(dialog, fmt: str) -> None:
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(fmt))


def toggle_label(dialog, name: str) -> None:
    click(dialog.label_boxes[name])


def fill_in(dialog, fmt: str, destination) -> None:
    """Choose a format, then the filters and split the CLI command in ``cli_export`` has."""
    choose_format(dialog, fmt)
    click(dialog.status_boxes[Status.TODO])
    toggle_label(dialog, "event")
    dialog.annotator_combo.setCurrentIndex(dialog.annotator_combo.findData("amal"))
    click(dialog.since_check)
    click(dialog.until_check)
    dialog.since_edit.setDate(utc_day(-1))
    dialog.until_edit.setDate(utc_day(+1))
    click(dialog.split_check)
    for spin, share in zip(dialog.ratio_spins, ("0.8", "0.1", "0.1"), strict=True):
        type_into(spin, share)
    type_into(dialog.seed_spin, "13")
    type_into(dialog.destination_edit, str(destination))


def cli_export(project, fmt: str, destination) -> None:
    since = utc_day(-1).toString("yyyy-MM-dd")
    until = utc_day(+1).toString("yyyy-MM-dd")
    result = CliRunner().invoke(
        cli,
        [
            "--project", str(project.path), "export", "--format", fmt,
            "--status", "in_progress", "--status", "done",
            "--label", "actor", "--label", "weapon", "--label", "number",
            "--annotator", "amal", "--since", since, "--until", until,
            "--split", "0.8,0.1,0.1", "--seed", "13", "-o", str(destination),
        ],
        catch_exceptions=False,
    )  # fmt: skip
    assert result.exit_code == 0, result.output


def expected_parts(project) -> dict[str, list[str]]:
    """Texts of each part, from the io API with the same filters and split."""
    split = Split.parse("0.8,0.1,0.1", 13)
    records = selected_records(
        project,
        statuses=[Status.IN_PROGRESS, Status.DONE],
        labels=["actor", "weapon", "number"],
        annotators=["amal"],
        since=utc_day(-1).toString("yyyy-MM-dd"),
        until=utc_day(+1).toString("yyyy-MM-dd"),
    )
    parts: dict[str, list[str]] = {"train": [], "dev": [], "test": []}
    for document, _spans in records:
        parts[split.part_of(document)].append(document.text)
    return {part: sorted(texts) for part, texts in parts.items()}


def jsonl(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def as_written(fmt: str, text: str) -> str:
    """A document's text as a format gives it back: IOB2 keeps the tokens, not the spaces."""
    return re.sub(r"\s", "", text) if fmt == "iob2" else text


def texts_in_part(fmt: str, folder, part: str, project) -> list[str]:
    """Parse one part of an export and give its documents' texts (see ``as_written``)."""
    if fmt in ("native", "doccano", "prodigy"):
        return sorted(row["text"] for row in jsonl(folder / f"{part}.jsonl"))
    if fmt == "labelstudio":
        tasks = json.loads((folder / f"{part}.json").read_text(encoding="utf-8"))
        return sorted(task["data"]["text"] for task in tasks)
    if fmt == "brat":
        for ann in (folder / part).glob("*.ann"):
            for line in ann.read_text(encoding="utf-8").splitlines():
                assert re.fullmatch(r"T\d+\t\w+ \d+ \d+\t.+|#\d+\tAnnotatorNotes T\d+\t.+", line)
        return sorted(p.read_text(encoding="utf-8") for p in (folder / part).glob("*.txt"))
    if fmt == "hf":
        names = json.loads((folder / "labels.json").read_text(encoding="utf-8"))["names"]
        rows = jsonl(folder / "data" / f"{part}.jsonl")
        assert all(len(r["tokens"]) == len(r["ner_tags"]) for r in rows)
        assert all(0 <= tag < len(names) for r in rows for tag in r["ner_tags"])
        ids = {row["document_id"] for row in rows}
        return sorted(project.get_document(i).text for i in ids)
    if fmt == "iob2":
        body = (folder / f"{part}.conll").read_text(encoding="utf-8")
        rebuilt = []
        for chunk in body.split("-DOCSTART- -X- O O"):
            rows = [line.split("\t") for line in chunk.splitlines() if line]
            assert all(tag == "O" or tag[:2] in ("B-", "I-") for _token, tag in rows)
            if rows:
                rebuilt.append("".join(token for token, _tag in rows))
        return sorted(rebuilt)
    if fmt == "spacy":
        import spacy
        from spacy.tokens import DocBin

        vocab = spacy.blank("xx").vocab
        docs = DocBin().from_disk(folder / f"{part}.spacy").get_docs(vocab)
        return sorted(doc.text for doc in docs)
    raise AssertionError(fmt)


def files_under(folder) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def summary_box(window) -> QMessageBox:
    boxes = [box for box in window.findChildren(QMessageBox) if box.isVisible()]
    assert len(boxes) == 1
    return boxes[0]


@pytest.mark.parametrize("fmt", FORMATS)
def test_each_format_with_filters_and_split_matches_the_cli(fmt, window, dialog, tmp_path):
    if fmt == "spacy":
        pytest.importorskip("spacy")
    ui_out, cli_out = tmp_path / "ui" / fmt, tmp_path / "cli" / fmt
    fill_in(dialog, fmt, ui_out)
    assert dialog.destination_label.text() == "Output folder"  # a split writes a folder
    assert dialog.problem() is None
    click(dialog.ok_button)

    assert not dialog.isVisible()
    box = summary_box(window)
    expected = expected_parts(window.project)
    total = sum(len(texts) for texts in expected.values())
    assert f"Exported {total} documents" in box.text()
    parts = ", ".join(f"{part} {len(texts)}" for part, texts in expected.items())
    assert parts in box.text()
    assert window.statusBar().currentMessage() == f"Exported {total} documents."
    box.close()

    assert all(expected.values()), "each part should hold documents for the test to mean much"
    for part in ("train", "dev", "test"):
        wanted = sorted(as_written(fmt, text) for text in expected[part])
        assert texts_in_part(fmt, ui_out, part, window.project) == wanted, part
    cli_export(window.project, fmt, cli_out)
    assert files_under(ui_out) == files_under(cli_out)


def test_every_registered_format_is_offered_with_its_description(dialog):
    offered = [dialog.format_combo.itemData(i) for i in range(dialog.format_combo.count())]
    assert offered == exporter_names()
    for fmt in offered:
        choose_format(dialog, fmt)
        assert dialog.format_description.text() == exporter(fmt).description


def test_the_chooser_asks_for_a_file_or_a_folder_as_the_format_writes(
    dialog, tmp_path, monkeypatch
):
    asked = []
    busy = tmp_path / "datasets"
    busy.mkdir()
    (busy / "older.jsonl").write_text("{}\n", encoding="utf-8")

    def chooser(parent, folder, current, name_filter):
        asked.append(folder)
        return str(busy) if folder else str(tmp_path / "picked")

    monkeypatch.setattr("annotator.qt.export_dialog.choose_destination", chooser)
    choose_format(dialog, "doccano")
    click(dialog.browse_button)
    assert dialog.destination_label.text() == "Output file"
    assert dialog.destination_edit.text() == str(tmp_path / "picked.jsonl")

    choose_format(dialog, "brat")
    assert dialog.destination_label.text() == "Output folder"
    assert dialog.destination_edit.text() == str(tmp_path / "picked")
    click(dialog.browse_button)
    # The folder picked holds files: the export gets a new folder inside it.
    assert dialog.destination_edit.text() == str(busy / "test-brat")

    choose_format(dialog, "iob2")
    click(dialog.split_check)
    assert dialog.destination_label.text() == "Output folder"
    click(dialog.split_check)
    assert dialog.destination_edit.text() == str(busy / "test-brat.conll")
    assert asked == [False, True]


def test_shares_that_do_not_add_up_to_one_are_refused(dialog, tmp_path):
    type_into(dialog.destination_edit, str(tmp_path / "out"))
    click(dialog.split_check)
    type_into(dialog.ratio_spins[0], "0.7")
    assert not dialog.ok_button.isEnabled()
    assert "add up to 0.9" in dialog.problem_label.text()
    type_into(dialog.ratio_spins[2], "0.2")
    assert dialog.ok_button.isEnabled()
    assert dialog.problem_label.text() == ""


def test_nothing_to_export_without_a_status_or_a_label(dialog, tmp_path):
    type_into(dialog.destination_edit, str(tmp_path / "out.jsonl"))
    for status in Status:
        click(dialog.status_boxes[status])
    assert not dialog.ok_button.isEnabled()
    click(dialog.status_boxes[Status.DONE])
    assert dialog.ok_button.isEnabled()
    for name in ("actor", "weapon", "number", "event"):
        toggle_label(dialog, name)
    assert not dialog.ok_button.isEnabled()


def test_an_error_is_shown_in_a_dialog_and_the_export_dialog_stays(dialog, tmp_path):
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "keep.txt").write_text("mine", encoding="utf-8")
    choose_format(dialog, "brat")
    type_into(dialog.destination_edit, str(busy))
    click(dialog.ok_button)
    [warning] = [box for box in dialog.findChildren(QMessageBox) if box.isVisible()]
    assert "not empty" in warning.text()
    assert dialog.isVisible()
    assert [p.name for p in busy.iterdir()] == ["keep.txt"]


def test_cancelling_leaves_nothing_at_the_destination(dialog, tmp_path, monkeypatch):
    monkeypatch.setattr("annotator.qt.transfer.SHOW_AFTER_MS", 0)
    out = tmp_path / "exports" / "hf"
    fill_in(dialog, "hf", out)

    QTimer.singleShot(0, cancel_progress_when_shown)
    click(dialog.ok_button)
    assert dialog.isVisible()
    assert dialog.problem_label.text() == "Cancelled; nothing changed."
    assert not out.exists()
    assert list((tmp_path / "exports").iterdir()) == []


def test_the_last_choices_come_back_next_time(window, dialog, tmp_path):
    out = tmp_path / "remembered"
    fill_in(dialog, "prodigy", out)
    chosen = dialog.choices()
    click(dialog.ok_button)
    summary_box(window).close()
    window.action("file.export").trigger()
    [again] = [d for d in window.findChildren(ExportDialog) if d.isVisible()]
    assert again.choices() == chosen
    assert again.choices().split == "0.8,0.1,0.1"
    assert again.choices().labels == ("actor", "weapon", "number")
    # Kept in the settings the window was given, not in the user's own.
    stored = QSettings(window.settings.fileName(), QSettings.Format.IniFormat)
    assert stored.value("export/format") == "prodigy"


@pytest.mark.parametrize("bound, days", [("since", +2), ("until", -2)])
def test_a_date_window_without_changes_exports_no_document(window, dialog, tmp_path, bound, days):
    out = tmp_path / "out.jsonl"
    choose_format(dialog, "native")
    type_into(dialog.destination_edit, str(out))
    click(getattr(dialog, f"{bound}_check"))
    getattr(dialog, f"{bound}_edit").setDate(utc_day(days))
    click(dialog.ok_button)
    assert "No document matched the filters." in summary_box(window).text()
    assert out.read_text(encoding="utf-8") == ""


def test_the_dialog_speaks_arabic(qapp, project, settings):
    from annotator.qt.i18n import Translations

    translations = Translations(qapp)
    translations.apply("ar")
    try:
        dialog = ExportDialog(project, settings)
        choose_format(dialog, "brat")
        shown = [
            dialog.windowTitle(),
            dialog.destination_label.text(),
            dialog.format_description.text(),
            dialog.split_check.text(),
            dialog.browse_button.text(),
            dialog.ok_button.text(),
            *(group.title() for group in dialog.findChildren(QGroupBox)),
            *(label.text() for label in dialog.findChildren(QLabel) if label.text()),
        ]
        dialog.close()
    finally:
        translations.apply("en")
    assert dialog.destination_label.text() == "مجلد الإخراج"
    untranslated = [text for text in shown if re.search(r"\b[a-z]{3,}\b", text.lower())]
    # Only names that stay Latin in Arabic text: formats, file names, field names.
    assert all(
        re.search(r"brat|\.txt|\.ann|annotator|actor|weapon|number|event", t) for t in untranslated
    ), untranslated


def test_the_summary_says_what_the_format_could_not_hold(window, dialog, tmp_path):
    second = window.project.document_ids()[1]  # the first has no span
    # An event over "أرسلت روسيا" overlaps the event and the actor inside it.
    window.project.apply(AddSpan(second, 0, 11, "event", annotator="amal"))
    out = tmp_path / "flat.conll"
    choose_format(dialog, "iob2")
    type_into(dialog.destination_edit, str(out))
    click(dialog.ok_button)
    box = summary_box(window)
    assert "Exported 60 documents" in box.text()
    assert "iob2: 2 span(s) left out: overlaps" in box.informativeText()
    assert "iob2: 48 span value(s) not written" in box.informativeText()  # numbers' values
    assert f"document {second}: 2 span(s)" in box.detailedText()
    assert "'أرسلت'" in box.detailedText() and "'روسيا'" in box.detailedText()
    assert out.read_text(encoding="utf-8").count("-DOCSTART-") == 60


def test_the_first_export_goes_to_the_documents_folder_and_the_next_where_the_last_went(
    window, dialog, tmp_path, monkeypatch
):
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    proposed = Path(dialog.destination_edit.text())
    assert proposed.parent == Path(documents)  # not beside the project (the data folder)
    assert proposed.name == "test-native.jsonl"
    out = tmp_path / "exports" / "mine.jsonl"
    out.parent.mkdir()
    choose_format(dialog, "native")
    type_into(dialog.destination_edit, str(out))
    click(dialog.ok_button)
    summary_box(window).close()
    window.action("file.export").trigger()
    [again] = [d for d in window.findChildren(ExportDialog) if d.isVisible()]
    assert again.destination_edit.text() == str(out)
