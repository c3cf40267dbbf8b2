"""The span list's table, which repaints only the rows a tag adds.

A tag inserts one row into the span list. Qt answers any change in the number of rows
by laying the table out again and repainting every visible cell (``doItemsLayout``):
with a cell delegate in Python that was a third of a tag's time on the window's
thread. The rows above the new one are unchanged and the rows below it only move
down, so as rows are about to be inserted this table moves the rows below (a blit,
``QWidget.scroll``, which moves any part still to be repainted with them) and
repaints only the new rows. Selecting the new row may scroll the list: Qt then moves
the rows already drawn (a blit) and paints the rows it uncovers, so the rule holds.
Anything else (rows removed or moved, a layout that moves the rows, rows of other
heights) repaints it all, as Qt does; so does a reset, by Qt's own doing."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtWidgets import QTableView, QWidget

_UPDATES_OFF = Qt.WidgetAttribute.WA_UpdatesDisabled


class SpanTable(QTableView):
    def __init__(self, model: QAbstractItemModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setModel(model)
        # Rows inserted since the last layout, each (first row, rows, pixels moved down).
        self._inserted: list[tuple[int, int, int]] = []
        self._whole = False  # something else changed too: repaint everything
        model.rowsAboutToBeInserted.connect(self._move_rows_below)
        # A reset is not among them: a table view repaints all at once for it (its
        # root stays), and the layout it may ask for later owes nothing more.
        for changed in (
            model.layoutChanged,
            model.rowsRemoved,
            model.rowsMoved,
            model.columnsInserted,
            model.columnsRemoved,
        ):
            changed.connect(self._note_whole)

    def _move_rows_below(
        self, parent: QModelIndex | QPersistentModelIndex, first: int, last: int
    ) -> None:
        """Move the rows from ``first`` down by the height of the rows coming, in the
        pixels already drawn and in those still to be drawn: what is left to paint is the
        new rows. Done before Qt learns of them, while what is drawn is where they were."""
        viewport = self.viewport()
        if parent.isValid() or self._whole or not viewport.updatesEnabled():
            self._whole = True
            return
        rows = last - first + 1
        height = rows * self.verticalHeader().defaultSectionSize()
        count = self.model().rowCount()
        if first < count:
            top = self.rowViewportPosition(first)
        elif count:
            top = self.rowViewportPosition(count - 1) + self.rowHeight(count - 1)
        else:
            top = 0
        top = max(0, top)
        if viewport.isVisible() and top < viewport.height():
            # The rect's top rows, uncovered, are repainted: the new rows' place.
            viewport.scroll(0, height, QRect(0, top, viewport.width(), viewport.height() - top))
        self._inserted.append((first, rows, height))

    def _note_whole(self, *_args: object) -> None:
        self._whole = True

    def doItemsLayout(self) -> None:
        inserted, whole = self._inserted, self._whole
        self._inserted, self._whole = [], False
        viewport = self.viewport()
        if not inserted or whole or not viewport.updatesEnabled():
            super().doItemsLayout()
            return
        # Where the rows are, in pixels (a scroll since the insertion moved the rows
        # already drawn with Qt's blit; the layout may move them, at the list's end).
        header = self.verticalHeader()
        offset = header.offset()
        # Qt's layout ends by repainting the whole viewport: hold that back (setting the
        # attribute itself, as setUpdatesEnabled(True) would repaint it all anyway).
        viewport.setAttribute(_UPDATES_OFF, True)
        try:
            super().doItemsLayout()
        finally:
            viewport.setAttribute(_UPDATES_OFF, False)
        moved_as_drawn = header.offset() == offset and all(
            header.sectionPosition(first + rows) - header.sectionPosition(first) == height
            if first + rows < header.count()
            else True
            for first, rows, height in inserted
        )
        if not moved_as_drawn:  # the layout moved every row, or rows are not all as high
            viewport.update()
