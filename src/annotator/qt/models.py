"""Item models over a project: they hold ids and fetch what they show lazily."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QPixmap

from annotator.core.changes import Changes
from annotator.core.labels import Label
from annotator.core.model import DocumentSummary, Span, Status, parse_value
from annotator.core.translatable import QT_TRANSLATE_NOOP
from annotator.storage.project import Project

ID_ROLE = Qt.ItemDataRole.UserRole + 1
_PAGE = 200

_STATUS_TEXT = {
    Status.TODO: QT_TRANSLATE_NOOP("Status", "to do"),
    Status.IN_PROGRESS: QT_TRANSLATE_NOOP("Status", "in progress"),
    Status.DONE: QT_TRANSLATE_NOOP("Status", "done"),
}

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_EDIT = int(Qt.ItemDataRole.EditRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_SPAN_ROLES = frozenset({_DISPLAY, _DECORATION, _EDIT, _TOOLTIP, int(ID_ROLE)})
_DOCUMENT_ROLES = frozenset(
    {_DISPLAY, _TOOLTIP, int(Qt.ItemDataRole.TextAlignmentRole), int(ID_ROLE)}
)
# What QAbstractTableModel.flags gives a cell; the value column is also editable.
_CELL_FLAGS = (
    Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren
)
_VALUE_FLAGS = _CELL_FLAGS | Qt.ItemFlag.ItemIsEditable

# What Qt may pass to a model's methods: an index or a persistent one.
ModelIndex = QModelIndex | QPersistentModelIndex


def status_text(status: Status) -> str:
    return QCoreApplication.translate("Status", _STATUS_TEXT[status])


class DocumentListModel(QAbstractTableModel):
    """Documents of a project (title, status, span count), filtered by status and title.

    Holds only ids; summaries are fetched a page at a time when a row is shown.
    """

    TITLE, STATUS, SPANS = range(3)

    def __init__(self, project: Project, parent: QObject | None = None):
        super().__init__(parent)
        self._project = project
        self._status: Status | None = None
        self._title = ""
        self._ids: list[int] = project.document_ids()
        self._rows = {doc_id: row for row, doc_id in enumerate(self._ids)}
        self._cache: dict[int, DocumentSummary] = {}

    # -- filter ---------------------------------------------------------------------------

    def set_filter(self, status: Status | None, title_contains: str = "") -> None:
        self._status, self._title = status, title_contains
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._ids = self._project.document_ids(self._status, self._title)
        self._rows = {doc_id: row for row, doc_id in enumerate(self._ids)}
        self._cache.clear()
        self.endResetModel()

    def filters_by_status(self) -> bool:
        return self._status is not None

    # -- ids and rows ---------------------------------------------------------------------

    def document_id(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, document_id: int) -> int | None:
        return self._rows.get(document_id)

    def apply_changes(self, changes: Changes) -> None:
        """Follow the project: rows show a title, a status and a count of accepted spans."""
        if changes.added or changes.removed or (changes.titles and self._title):
            self.reload()  # rows come or go (a renamed title may match the filter or not)
            return
        if self._status is not None and any(
            self._project.get_status(document_id) is self._status
            for document_id in changes.statuses - self._rows.keys()
        ):
            self.reload()  # a document now has the status this list shows
            return
        for document_id in sorted(changes.statuses | changes.spans | changes.titles):
            self._refresh_row(document_id, document_id in changes.titles)

    def _refresh_row(self, document_id: int, retitled: bool) -> None:
        self._cache.pop(document_id, None)
        row = self._rows.get(document_id)
        if row is None:
            return
        if self._status is not None and self.summary(row).status is not self._status:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._ids[row]
            self._rows = {doc_id: r for r, doc_id in enumerate(self._ids)}
            self._cache.pop(document_id, None)
            self.endRemoveRows()
            return
        # A tag changes the count (and perhaps the status): the title's cell, a long
        # text laid out right to left, is repainted only when the title changed. One
        # cell at a time: a table view repaints a range of cells with the grid line
        # under it, which is in the next row's cells, and so repaints those too.
        for column in (self.TITLE, self.STATUS, self.SPANS)[0 if retitled else 1 :]:
            index = self.index(row, column)
            self.dataChanged.emit(index, index)

    def summary(self, row: int) -> DocumentSummary:
        doc_id = self._ids[row]
        summary = self._cache.get(doc_id)
        if summary is None:
            first = row - row % _PAGE
            page = [i for i in self._ids[first : first + _PAGE] if i not in self._cache]
            if doc_id not in page:
                page.append(doc_id)
            found = self._project.summaries(page)
            gone = set(page) - found.keys()
            if gone:
                # Deleted by another program (`annotator delete`) since the list was read:
                # blank rows until the list is read again, once the view has drawn.
                found.update((i, DocumentSummary(i, "", Status.TODO, 0, 0)) for i in gone)
                QTimer.singleShot(0, self, self.reload)
            self._cache.update(found)
            summary = self._cache[doc_id]
        return summary

    # -- QAbstractItemModel -----------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def data(self, index: ModelIndex, role: int = _DISPLAY):
        if role not in _DOCUMENT_ROLES or not index.isValid():
            return None  # (a painted cell asks for seven roles)
        if not 0 <= index.row() < len(self._ids):
            return None
        if role == ID_ROLE:
            return self._ids[index.row()]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.SPANS:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        summary = self.summary(index.row())
        column = index.column()
        if column == self.TITLE:
            return summary.title
        if column == self.STATUS:
            return status_text(summary.status)
        if column == self.SPANS:
            return summary.span_count if role == Qt.ItemDataRole.DisplayRole else None
        return None

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < 3:
            return None
        return (self.tr("Title"), self.tr("Status"), self.tr("Spans"))[section]


class SpanListModel(QAbstractTableModel):
    """The spans of the current document: text, label, value.

    The value column is editable; an edit is not applied here but announced
    (``valueEdited``) for the window to apply as an undoable edit.
    """

    TEXT, LABEL, VALUE = range(3)
    valueEdited = Signal(int, object)  # span id, parsed value (None clears)

    def __init__(self, project: Project, parent: QObject | None = None):
        super().__init__(parent)
        self._project = project
        self._text = ""
        self._spans: list[Span] = []

    def set_document(self, text: str, spans: list[Span]) -> None:
        new = list(spans)
        added = len(new) - len(self._spans)
        if text is self._text and added > 0:
            # The same document with rows added in one place (a tag, proposals in a run):
            # insert them, rather than resetting and measuring the whole table again.
            old, head = self._spans, 0
            while head < len(old) and new[head] == old[head]:
                head += 1
            if new[head + added :] == old[head:]:
                self.beginInsertRows(QModelIndex(), head, head + added - 1)
                self._spans = new
                self.endInsertRows()
                return
        self.beginResetModel()
        self._text = text
        self._spans = new
        self.endResetModel()

    def span_at(self, row: int) -> Span:
        return self._spans[row]

    def row_of(self, span_id: int) -> int | None:
        return next((row for row, span in enumerate(self._spans) if span.id == span_id), None)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._spans)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def data(self, index: ModelIndex, role: int = _DISPLAY):
        # Qt asks each painted cell for seven roles; the ones not shown cost one lookup.
        if role not in _SPAN_ROLES or not index.isValid():
            return None
        row = index.row()
        if not 0 <= row < len(self._spans):
            return None
        span = self._spans[row]
        column = index.column()
        if role == ID_ROLE:
            return span.id
        if role == _DECORATION:
            return _swatch(self._label_color(span.label)) if column == self.LABEL else None
        if role == _EDIT:
            return ("" if span.value is None else str(span.value)) if column == self.VALUE else None
        if column == self.TEXT:
            return span.text_in(self._text).replace("\r\n", " ").replace("\n", " ")
        if column == self.LABEL:
            labels = self._project.labels()
            name = labels.get(span.label).display_name if span.label in labels else span.label
            if span.origin == "suggested":
                name = self.tr("%1 (suggested)").replace("%1", name)
            return name
        if column == self.VALUE:
            return "" if span.value is None else str(span.value)
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return super().flags(index)
        return _VALUE_FLAGS if index.column() == self.VALUE else _CELL_FLAGS

    def setData(self, index: ModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != self.VALUE:
            return False
        if role != Qt.ItemDataRole.EditRole or not 0 <= index.row() < len(self._spans):
            return False
        span = self._spans[index.row()]
        parsed = parse_value("" if value is None else str(value))
        if span.id is None or parsed == span.value:
            return False
        # The row changes when the project announces the edit (set_document).
        self.valueEdited.emit(span.id, parsed)
        return True

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < 3:
            return None
        return (self.tr("Text"), self.tr("Label"), self.tr("Value"))[section]

    def _label_color(self, name: str) -> str:
        labels = self._project.labels()
        return labels.get(name).color if name in labels else "#999999"


class LabelListModel(QAbstractListModel):
    """The label palette: colour swatch, display name and key, in schema order."""

    def __init__(self, project: Project, parent: QObject | None = None):
        super().__init__(parent)
        self._project = project
        self._labels: list[Label] = list(project.labels())

    def apply_changes(self, changes: Changes) -> None:
        if changes.labels:
            self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._labels = list(self._project.labels())
        self.endResetModel()

    def label(self, row: int) -> Label:
        return self._labels[row]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._labels)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._labels):
            return None
        label = self._labels[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            key = f"  [{label.key}]" if label.key else ""
            return f"{label.display_name} ({label.name}){key}"
        if role == Qt.ItemDataRole.DecorationRole:
            return _swatch(label.color)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Press %1 to tag the selection").replace("%1", label.key or "-")
        if role == ID_ROLE:
            return label.name
        return None


_swatches: dict[str, QPixmap] = {}


def _swatch(color: str) -> QPixmap:
    pixmap = _swatches.get(color)
    if pixmap is None:
        pixmap = QPixmap(14, 14)
        pixmap.fill(QColor(color))
        _swatches[color] = pixmap
    return pixmap
