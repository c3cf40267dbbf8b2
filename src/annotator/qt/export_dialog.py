"""File > Export: format, destination, filters and split; runs with a cancellable progress dialog.

The dialog stays open when an export fails or is cancelled, so the user can change a
choice and try again; it closes when the export is written and then shows what was
written and what the format could not hold. Choices are remembered in the settings.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QSettings,
    QStandardPaths,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import AnnotatorError
from annotator.core.model import Status
from annotator.io.registry import export_format, export_formats
from annotator.io.report import ExportReport
from annotator.qt.counts import Counts
from annotator.qt.message_boxes import message_box
from annotator.qt.models import status_text
from annotator.qt.transfer import Cancelled, export_with_progress
from annotator.storage.project import Project

DEFAULT_RATIOS = (0.8, 0.1, 0.1)
DEFAULT_SEED = 13
LABEL_COLUMNS = 4
DATE_FORMAT = "yyyy-MM-dd"  # the CLI's --since/--until form, whatever the locale
KEY = "export/"


def format_description(name: str) -> str:
    """The format's description from the registry, in the interface language."""
    return QCoreApplication.translate("Formats", export_format(name).description)


@dataclass(frozen=True)
class ExportChoices:
    """What the dialog asks ``export_project`` for (None: no such filter)."""

    fmt: str
    destination: Path
    statuses: tuple[Status, ...] | None = None
    labels: tuple[str, ...] | None = None
    annotators: tuple[str, ...] | None = None
    since: str | None = None
    until: str | None = None
    split: str | None = None
    seed: int = DEFAULT_SEED

    def options(self) -> dict[str, Any]:
        return {
            "statuses": self.statuses,
            "labels": self.labels,
            "annotators": self.annotators,
            "since": self.since,
            "until": self.until,
            "split": self.split,
            "seed": self.seed,
        }


def choose_destination(parent: QWidget, folder: bool, current: str, name_filter: str) -> str:
    """Ask for an output folder or file; an empty string when the user gives up."""
    if folder:
        return QFileDialog.getExistingDirectory(
            parent, QCoreApplication.translate("ExportDialog", "Export to folder"), current
        )
    path, _ = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("ExportDialog", "Export to file"), current, name_filter
    )
    return path


def reshaped_destination(text: str, folder: bool, extension: str) -> str:
    """The same destination for a file of another format, or for a folder."""
    if not text.strip():
        return text
    path = Path(text)
    known = {declared.extension for declared in export_formats()} - {""}
    if path.suffix and path.suffix not in known:
        return text  # a name the user chose on purpose
    bare = path.with_suffix("") if path.suffix else path
    return str(bare) if folder else str(bare) + extension


class ExportDialog(QDialog):
    exported = Signal(object)  # the ExportReport, once the files are written

    def __init__(self, project: Project, settings: QSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.project = project
        self.settings = settings
        self.setWindowTitle(self.tr("Export"))
        self._build()
        self._restore()
        self._on_format_or_split_changed()
        self._validate()

    # -- construction -------------------------------------------------------------------------

    def _build(self) -> None:
        self.format_combo = QComboBox()
        for declared in export_formats():
            name = declared.name
            self.format_combo.addItem(name, name)
            self.format_combo.setItemData(
                self.format_combo.count() - 1, format_description(name), Qt.ItemDataRole.ToolTipRole
            )
        self.format_description = QLabel()
        self.format_description.setWordWrap(True)
        self.destination_label = QLabel()
        self.destination_edit = QLineEdit()
        self.browse_button = QPushButton(self.tr("Choose..."))
        destination_row = QHBoxLayout()
        destination_row.addWidget(self.destination_edit, 1)
        destination_row.addWidget(self.browse_button)
        output = QGroupBox(self.tr("Format and destination"))
        output_form = QFormLayout(output)
        output_form.addRow(self.tr("Format"), self.format_combo)
        output_form.addRow("", self.format_description)
        output_form.addRow(self.destination_label, destination_row)

        self.status_boxes: dict[Status, QCheckBox] = {}
        statuses = QHBoxLayout()
        for status in Status:
            box = QCheckBox(status_text(status))
            self.status_boxes[status] = box
            statuses.addWidget(box)
        statuses.addStretch(1)
        self.label_boxes: dict[str, QCheckBox] = {}
        labels = QGridLayout()
        for index, label in enumerate(self.project.labels()):
            box = QCheckBox(f"{label.display_name} ({label.name})")
            self.label_boxes[label.name] = box
            labels.addWidget(box, index // LABEL_COLUMNS, index % LABEL_COLUMNS)
        labels.setColumnStretch(LABEL_COLUMNS, 1)
        self.annotator_combo = QComboBox()
        self.annotator_combo.addItem(self.tr("Everyone"), None)
        for name in self.project.annotator_names():
            self.annotator_combo.addItem(name, name)
        self.since_check = QCheckBox(self.tr("from"))
        self.until_check = QCheckBox(self.tr("to"))
        self.since_edit, self.until_edit = QDateEdit(), QDateEdit()
        for edit in (self.since_edit, self.until_edit):
            edit.setDisplayFormat(DATE_FORMAT)
            edit.setCalendarPopup(True)
        dates = QHBoxLayout()
        for widget in (self.since_check, self.since_edit, self.until_check, self.until_edit):
            dates.addWidget(widget)
        dates.addStretch(1)
        filters = QGroupBox(self.tr("Filters"))
        filters_form = QFormLayout(filters)
        filters_form.addRow(self.tr("Documents with status"), statuses)
        filters_form.addRow(self.tr("Spans with label"), labels)
        filters_form.addRow(self.tr("Spans by"), self.annotator_combo)
        filters_form.addRow(self.tr("Documents with a span changed"), dates)

        self.split_check = QCheckBox(self.tr("Split the documents into train, dev and test"))
        self.ratio_spins: list[QDoubleSpinBox] = []
        self.seed_spin = QSpinBox()
        self.seed_spin.setRange(0, 2**31 - 1)
        split = QGroupBox(self.tr("Split"))
        split_grid = QGridLayout(split)
        split_grid.addWidget(self.split_check, 0, 0, 1, 8)
        names = (self.tr("Train"), self.tr("Dev"), self.tr("Test"))
        for column, name in enumerate(names):
            spin = QDoubleSpinBox()
            spin.setRange(0.0, 1.0)
            spin.setDecimals(2)
            spin.setSingleStep(0.05)
            self.ratio_spins.append(spin)
            split_grid.addWidget(QLabel(name), 1, column * 2)
            split_grid.addWidget(spin, 1, column * 2 + 1)
        split_grid.addWidget(QLabel(self.tr("Seed")), 1, 6)
        split_grid.addWidget(self.seed_spin, 1, 7)
        split_grid.setColumnStretch(8, 1)

        self.problem_label = QLabel()
        self.problem_label.setTextFormat(Qt.TextFormat.PlainText)  # it may quote a path
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("color: #b00020")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Export"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close"))

        layout = QVBoxLayout(self)
        for group in (output, filters, split):
            layout.addWidget(group)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)

        self.format_combo.currentIndexChanged.connect(self._on_format_or_split_changed)
        self.split_check.toggled.connect(self._on_format_or_split_changed)
        self.browse_button.clicked.connect(self._browse)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for box in (*self.status_boxes.values(), *self.label_boxes.values()):
            box.toggled.connect(self._validate)
        self.destination_edit.textChanged.connect(self._validate)
        for check, edit in (
            (self.since_check, self.since_edit),
            (self.until_check, self.until_edit),
        ):
            check.toggled.connect(edit.setEnabled)
            check.toggled.connect(self._validate)
            edit.dateChanged.connect(self._validate)
        for spin in self.ratio_spins:
            spin.valueChanged.connect(self._validate)
        self.split_check.toggled.connect(self._validate)

    # -- what the user chose ------------------------------------------------------------------

    def fmt(self) -> str:
        return self.format_combo.currentData()

    def writes_folder(self) -> bool:
        return export_format(self.fmt()).writes_folder(self.split_check.isChecked())

    def problem(self) -> str | None:
        """Why the choices cannot be exported as they are; None when they can."""
        if not self.destination_edit.text().strip():
            return self.tr("Choose where to write the export.")
        if not any(box.isChecked() for box in self.status_boxes.values()):
            return self.tr("Tick at least one status.")
        if self.label_boxes and not self._ticked_labels():
            return self.tr("Tick at least one label.")
        if (
            self.since_check.isChecked()
            and self.until_check.isChecked()
            and self.since_edit.date() > self.until_edit.date()
        ):
            return self.tr("The first date is after the last one.")
        if self.split_check.isChecked():
            total = sum(spin.value() for spin in self.ratio_spins)
            if round(total, 6) != 1:
                return self.tr(
                    "The train, dev and test shares add up to %1; they must add up to 1."
                ).replace("%1", f"{total:g}")
        return None

    def choices(self) -> ExportChoices:
        statuses = tuple(s for s, box in self.status_boxes.items() if box.isChecked())
        labels = self._ticked_labels()
        annotator = self.annotator_combo.currentData()
        split = None
        if self.split_check.isChecked():
            split = ",".join(f"{spin.value():g}" for spin in self.ratio_spins)
        return ExportChoices(
            fmt=self.fmt(),
            destination=Path(self.destination_edit.text().strip()).expanduser(),
            statuses=None if len(statuses) == len(Status) else statuses,
            labels=None if len(labels) == len(self.label_boxes) else labels,
            annotators=None if annotator is None else (annotator,),
            since=self._date(self.since_check, self.since_edit),
            until=self._date(self.until_check, self.until_edit),
            split=split,
            seed=self.seed_spin.value(),
        )

    def _ticked_labels(self) -> tuple[str, ...]:
        return tuple(name for name, box in self.label_boxes.items() if box.isChecked())

    @staticmethod
    def _date(check: QCheckBox, edit: QDateEdit) -> str | None:
        return edit.date().toString(DATE_FORMAT) if check.isChecked() else None

    # -- reactions ----------------------------------------------------------------------------

    def _on_format_or_split_changed(self) -> None:
        name = self.fmt()
        self.format_description.setText(format_description(name))
        folder = self.writes_folder()
        self.destination_label.setText(
            self.tr("Output folder") if folder else self.tr("Output file")
        )
        self.destination_edit.setText(
            reshaped_destination(
                self.destination_edit.text(), folder, export_format(name).extension
            )
        )
        for spin in self.ratio_spins:
            spin.setEnabled(self.split_check.isChecked())
        self.seed_spin.setEnabled(self.split_check.isChecked())

    def _validate(self) -> None:
        problem = self.problem()
        self.problem_label.setText(problem or "")
        self.ok_button.setEnabled(problem is None)

    def _browse(self) -> None:
        folder = self.writes_folder()
        extension = export_format(self.fmt()).extension
        name_filter = f"{self.fmt()} (*{extension})" if extension else ""
        current = self.destination_edit.text().strip()
        chosen = choose_destination(self, folder, current, name_filter)
        if not chosen:
            return
        path = Path(chosen)
        if folder and path.is_dir() and any(path.iterdir()):
            # An export needs a new or empty folder: make one inside the folder picked.
            path = path / self._default_name(folder)
        elif not folder and extension and not path.suffix:
            path = path.with_suffix(extension)
        self.destination_edit.setText(str(path))

    def _default_name(self, folder: bool) -> str:
        stem = self.project.path.stem if self.project.path else "annotator"
        name = f"{stem}-{self.fmt()}"
        return name if folder else name + export_format(self.fmt()).extension

    # -- settings -----------------------------------------------------------------------------

    def _restore(self) -> None:
        value = self.settings.value
        index = self.format_combo.findData(value(KEY + "format", "native"))
        self.format_combo.setCurrentIndex(max(index, 0))
        self.split_check.setChecked(bool(value(KEY + "split", False, type=bool)))
        destination = str(value(KEY + "destination", "") or "")
        if not destination:
            # The user's documents, not the project's folder (often the hidden data folder).
            folder = QStandardPaths.writableLocation(
                QStandardPaths.StandardLocation.DocumentsLocation
            )
            destination = str(
                Path(folder or Path.home()) / self._default_name(self.writes_folder())
            )
        self.destination_edit.setText(destination)
        wanted = set(_strings(value(KEY + "statuses", [s.value for s in Status])))
        for status, box in self.status_boxes.items():
            box.setChecked(status.value in wanted)
        # Labels left out are remembered, so a label added later is exported by default.
        left_out = set(_strings(value(KEY + "labels_left_out", [])))
        for name, box in self.label_boxes.items():
            box.setChecked(name not in left_out)
        self.annotator_combo.setCurrentIndex(
            max(self.annotator_combo.findData(value(KEY + "annotator", "")), 0)
        )
        today = QDate.currentDate()
        for check, edit, default in (
            (self.since_check, self.since_edit, today.addMonths(-1)),
            (self.until_check, self.until_edit, today),
        ):
            which = "since" if check is self.since_check else "until"
            saved = QDate.fromString(str(value(KEY + which, "")), DATE_FORMAT)
            edit.setDate(saved if saved.isValid() else default)
            check.setChecked(bool(value(KEY + which + "_on", False, type=bool)))
            edit.setEnabled(check.isChecked())
        ratios = _strings(value(KEY + "ratios", [str(r) for r in DEFAULT_RATIOS]))
        for spin, ratio in zip(self.ratio_spins, _floats(ratios, DEFAULT_RATIOS), strict=True):
            spin.setValue(ratio)
        seed = value(KEY + "seed", DEFAULT_SEED, type=int)
        self.seed_spin.setValue(seed if isinstance(seed, int) else DEFAULT_SEED)

    def _remember(self) -> None:
        store = self.settings.setValue
        store(KEY + "format", self.fmt())
        store(KEY + "destination", self.destination_edit.text().strip())
        store(
            KEY + "statuses", [s.value for s, box in self.status_boxes.items() if box.isChecked()]
        )
        ticked = set(self._ticked_labels())
        store(
            KEY + "labels_left_out", [n for n in self.project.labels().names() if n not in ticked]
        )
        store(KEY + "annotator", self.annotator_combo.currentData() or "")
        for which, check, edit in (
            ("since", self.since_check, self.since_edit),
            ("until", self.until_check, self.until_edit),
        ):
            store(KEY + which, edit.date().toString(DATE_FORMAT))
            store(KEY + which + "_on", check.isChecked())
        store(KEY + "split", self.split_check.isChecked())
        store(KEY + "ratios", [f"{spin.value():g}" for spin in self.ratio_spins])
        store(KEY + "seed", self.seed_spin.value())
        self.settings.sync()

    # -- running ------------------------------------------------------------------------------

    def accept(self) -> None:
        problem = self.problem()
        if problem is not None:
            self._validate()
            return
        choices = self.choices()
        self._remember()
        self.problem_label.clear()
        try:
            report = export_with_progress(
                self, self.project, choices.destination, choices.fmt, **choices.options()
            )
        except Cancelled as cancelled:
            self.problem_label.setText(str(cancelled))
            return
        except AnnotatorError as error:
            self._warn(str(error))
            return
        except OSError as error:
            self._warn(
                self.tr("Cannot write %1: %2")
                .replace("%1", str(error.filename or choices.destination))
                .replace("%2", error.strerror or str(error))
            )
            return
        super().accept()
        show_summary(self.parentWidget() or self, report, choices.destination)
        self.exported.emit(report)

    def _warn(self, text: str) -> None:
        box = message_box(QMessageBox.Icon.Warning, self.tr("Export"), text, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()


def summary_lines(report: ExportReport, destination: Path) -> tuple[str, list[str]]:
    """The headline of a finished export and the counts of what the format could not hold."""
    headline = Counts().exported_to(report.documents, report.spans_written, str(destination))
    if report.parts:
        parts = ", ".join(f"{part} {count}" for part, count in report.parts.items())
        headline += "\n" + QCoreApplication.translate(
            "ExportDialog", "Documents by part: %1"
        ).replace("%1", parts)
    if report.documents == 0:
        headline += "\n" + QCoreApplication.translate(
            "ExportDialog", "No document matched the filters."
        )
    counts = [line for line in report.messages() if not line.startswith(" ")]
    return headline, counts


def show_summary(parent: QWidget, report: ExportReport, destination: Path) -> QMessageBox:
    headline, counts = summary_lines(report, destination)
    box = message_box(
        QMessageBox.Icon.Information,
        QCoreApplication.translate("ExportDialog", "Export finished"),
        headline,
        parent,
    )
    if counts:
        box.setInformativeText(
            QCoreApplication.translate(
                "ExportDialog", "What the format could not hold (details below):"
            )
            + "\n"
            + "\n".join(counts)
        )
        box.setDetailedText("\n".join(report.messages(per_document=1000, documents=10_000)))
    else:
        box.setInformativeText(
            QCoreApplication.translate("ExportDialog", "Every span was written as it is.")
        )
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def _strings(value: object) -> list[str]:
    # QSettings gives a one-item list back as a plain string, and an empty one as None.
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [value]
    return [str(item) for item in value] if isinstance(value, list | tuple) else []


def _floats(texts: list[str], default: tuple[float, ...]) -> tuple[float, ...]:
    try:
        values = tuple(float(text) for text in texts)
    except ValueError:
        return default
    return values if len(values) == len(default) else default
