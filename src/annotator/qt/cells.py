"""Table cells that read well in both directions, and columns sized to what they show.

A cell of Arabic is laid out right to left whatever the interface language, so it
is right-aligned and cut at its logical end (the ellipsis on the left); a cell of
Latin text is the mirror image. The models give every cell its whole text as a
tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtWidgets import QHeaderView, QStyledItemDelegate, QStyleOptionViewItem, QTableView

from annotator.arabic.direction import is_right_to_left

HEADER_MARGIN = 24  # room for the sort indicator and the section's padding
WIDEN_ROWS = 100  # rows added at once that are measured: a bulk insert is not read through


class DirectionalDelegate(QStyledItemDelegate):
    """Lays each cell's text out in the text's own direction, elided at its end."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        text = option.text
        if not text:
            return
        option.direction = (
            Qt.LayoutDirection.RightToLeft
            if is_right_to_left(text)
            else Qt.LayoutDirection.LeftToRight
        )
        # The logical end either way; the default alignment (leading) follows the direction.
        option.textElideMode = Qt.TextElideMode.ElideRight


def header_width(table: QTableView, column: int) -> int:
    """The width the header text of ``column`` needs, uncut."""
    header = table.horizontalHeader()
    text = table.model().headerData(column, Qt.Orientation.Horizontal) or ""
    return header.fontMetrics().horizontalAdvance(str(text)) + HEADER_MARGIN


def fit_column(table: QTableView, column: int, least: int, most: int) -> None:
    """Size ``column`` to its header and the rows in view, within ``least``..``most``."""
    wanted = max(table.sizeHintForColumn(column), header_width(table, column))
    table.horizontalHeader().resizeSection(column, max(least, min(most, wanted)))


def fit_columns_on_change(table: QTableView, limits: dict[int, tuple[int, int]]) -> None:
    """Keep ``limits`` (column -> least, most) fitted as rows and header texts change.

    Only the rows in view are measured (``sizeHintForColumn``): a 10,000-row list is
    never read through. The other columns stretch to fill what is left.
    """
    table.setWordWrap(False)  # one line a row: a long text is elided, whole in its tooltip
    header = table.horizontalHeader()
    header.setResizeContentsPrecision(0)
    for column in range(table.model().columnCount()):
        mode = (
            QHeaderView.ResizeMode.Interactive
            if column in limits
            else QHeaderView.ResizeMode.Stretch
        )
        header.setSectionResizeMode(column, mode)

    def fit(*_args: object) -> None:
        for column, (least, most) in limits.items():
            fit_column(table, column, least, most)

    model = table.model()
    model.modelReset.connect(fit)
    model.headerDataChanged.connect(fit)
    model.layoutChanged.connect(fit)

    def widen(_parent: object, first: int, last: int) -> None:
        """Widen, never narrow, a column for rows added (a tag, stored suggestions):
        measuring only those keeps a tag from measuring every row in view."""
        grid = 1 if table.showGrid() else 0
        rows = range(first, min(last, first + WIDEN_ROWS) + 1)
        for column, (_least, most) in limits.items():
            wanted = grid + max(
                table.sizeHintForIndex(model.index(row, column)).width() for row in rows
            )
            if wanted > header.sectionSize(column):
                header.resizeSection(column, min(most, wanted))

    model.rowsInserted.connect(widen)
    fit()
    # Measured again once the event loop runs: a list filled before its table was
    # shown had no rows in view to measure.
    QTimer.singleShot(0, table, fit)
