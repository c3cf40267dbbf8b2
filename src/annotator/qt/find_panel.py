"""Find (Ctrl+F): a query, a scope, and the matches with their context.

Matching is normalised and clitic-tolerant (``annotator.arabic.search``):
searching روسيا finds لروسيا and وروسيا and each hit covers روسيا alone. The
panel only asks; ``FindController`` searches (with the project's index) and
shows a chosen hit.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from annotator.arabic.direction import is_right_to_left
from annotator.arabic.search import SearchHit
from annotator.storage.project import Project

CONTEXT = 30  # characters either side of a hit in its snippet
RESULT_LIMIT = 5_000
_TEXT_CACHE = 32

ModelIndex = QModelIndex | QPersistentModelIndex  # what Qt passes to a model


class SearchResultModel(QAbstractListModel):
    """Hits as rows: document title, then the hit in its context; texts read lazily."""

    HIT_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, project: Project, parent: QObject | None = None):
        super().__init__(parent)
        self._project = project
        self._hits: list[SearchHit] = []
        self._texts: OrderedDict[int, str] = OrderedDict()
        self._titles: dict[int, str] = {}

    def set_hits(self, hits: list[SearchHit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self._texts.clear()
        self._titles.clear()
        self.endResetModel()

    def hit(self, row: int) -> SearchHit:
        return self._hits[row]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role == self.HIT_ROLE:
            return tuple(hit)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            # A row of Arabic reads from the right edge, whatever the interface language.
            side = (
                Qt.AlignmentFlag.AlignRight
                if is_right_to_left(self._title(hit.document_id))
                else Qt.AlignmentFlag.AlignLeft
            )
            return int(side | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        return f"{self._title(hit.document_id)}: {self.snippet(hit)}"

    def snippet(self, hit: SearchHit) -> str:
        text = self._text(hit.document_id)
        before = text[max(0, hit.start - CONTEXT) : hit.start]
        after = text[hit.end : hit.end + CONTEXT]
        snippet = f"…{before}[{text[hit.start : hit.end]}]{after}…"
        return " ".join(snippet.split())

    def _title(self, document_id: int) -> str:
        title = self._titles.get(document_id)
        if title is None:
            summary = self._project.summaries([document_id]).get(document_id)
            title = self._titles[document_id] = summary.title if summary else "?"
        return title

    def _text(self, document_id: int) -> str:
        text = self._texts.get(document_id)
        if text is None:
            text = self._texts[document_id] = self._project.get_document(document_id).text
            if len(self._texts) > _TEXT_CACHE:
                self._texts.popitem(last=False)
        return text


class FindPanel(QDockWidget):
    """The find bar: asks for searches (``searchRequested``) and shows hits."""

    searchRequested = Signal(str, bool)  # query, whole project
    hitChosen = Signal(object)  # SearchHit

    def __init__(self, project: Project, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("find_panel")
        self.results = SearchResultModel(project, self)
        self.query = QLineEdit()
        self.query.setClearButtonEnabled(True)
        self.scope = QComboBox()
        self.scope.addItems(["", ""])
        self.summary = QLabel()
        self.list = QListView()
        self.list.setModel(self.results)
        self.list.setUniformItemSizes(True)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        row = QHBoxLayout()
        row.addWidget(self.query, 1)
        row.addWidget(self.scope)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        self.setWidget(body)
        self._searched: tuple[str, bool] | None = None
        self.query.returnPressed.connect(self._on_return)
        self.scope.currentIndexChanged.connect(lambda _i: self.search())
        self.list.activated.connect(self._on_activated)
        # Down from the query reaches the results, Up from the first result comes back.
        self.query.installEventFilter(self)
        self.list.installEventFilter(self)
        self.retranslate()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.query and key == Qt.Key.Key_Down and self.results.rowCount():
                if not self.list.currentIndex().isValid():
                    self.list.setCurrentIndex(self.results.index(0, 0))
                self.list.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
            at_top = self.list.currentIndex().row() <= 0
            if watched is self.list and key == Qt.Key.Key_Up and at_top:
                self.query.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return super().eventFilter(watched, event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Find"))
        # No bracket between the Arabic example and the end: placed by the paragraph's
        # direction, it showed on the wrong side of the Arabic word.
        self.query.setPlaceholderText(self.tr("Find: روسيا also finds لروسيا (normalised)"))
        self.scope.setItemText(0, self.tr("This document"))
        self.scope.setItemText(1, self.tr("Whole project"))

    def whole_project(self) -> bool:
        return self.scope.currentIndex() == 1

    def start(self) -> None:
        """Show the panel with the query field focused and selected."""
        self.show()
        self.raise_()
        self.query.setFocus()
        self.query.selectAll()

    def search(self) -> None:
        if self.query.text().strip():
            self._searched = (self.query.text(), self.whole_project())
            self.searchRequested.emit(self.query.text(), self.whole_project())

    def show_hits(self, hits: list[SearchHit], truncated: bool) -> None:
        self.results.set_hits(hits)
        if truncated:
            text = self.tr("First %n match(es)", "", len(hits))
        else:
            text = self.tr("%n match(es)", "", len(hits))
        self.summary.setText(text)
        if hits:
            self.list.setCurrentIndex(self.results.index(0, 0))

    def _on_return(self) -> None:
        """Enter searches; Enter again (same query, hits shown) jumps to the chosen hit."""
        if self.results.rowCount() and self._searched == (
            self.query.text(),
            self.whole_project(),
        ):
            index = self.list.currentIndex()
            if index.isValid():
                self._on_activated(index)
                return
        self.search()

    def step(self, delta: int) -> None:
        """F3 / Shift+F3: choose the next (previous) result, round the list, and show it."""
        count = self.results.rowCount()
        if not count or self._searched != (self.query.text(), self.whole_project()):
            self.search()  # the results come back with the first chosen
            count = self.results.rowCount()
            if not count:
                return
            row = 0 if delta > 0 else count - 1
        else:
            current = self.list.currentIndex()
            row = (current.row() + delta) % count if current.isValid() else 0
        index = self.results.index(row, 0)
        self.list.setCurrentIndex(index)
        self._on_activated(index)

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.hitChosen.emit(self.results.hit(index.row()))
