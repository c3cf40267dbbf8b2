"""The span list's table, which repaints only the rows a tag moved.

A tag inserts one row into the span list. Qt answers any change in the number of rows
by laying the table out again and repainting every visible cell (``doItemsLayout``):
with a cell delegate in Python that was a third of a tag's time on the window's
thread. The rows above the new one are unchanged, so when rows were only inserted,
this table repaints from the first new row down. Selecting the new row may scroll
the list first: Qt then moves the rows already drawn (a blit) and paints the rows it
uncovers, so the rule holds. Anything else (a reset, rows removed or moved, a layout
that moves the rows) repaints it all, as Qt does."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QRect, Qt
from PySide6.QtWidgets import QTableView, QWidget

_UPDATES_OFF = Qt.WidgetAttribute.WA_UpdatesDisabled


class SpanTable(QTableView):
    def __init__(self, model: QAbstractItemModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setModel(model)
        self._inserted: int | None = None  # the first row inserted since the last layout
        self._whole = False  # something else changed too: repaint everything
        model.rowsInserted.connect(self._note_inserted)
        for changed in (
            model.modelReset,
            model.layoutChanged,
            model.rowsRemoved,
            model.rowsMoved,
            model.columnsInserted,
            model.columnsRemoved,
        ):
            changed.connect(self._note_whole)

    def _note_inserted(self, _parent, first: int, _last: int) -> None:
        self._inserted = first if self._inserted is None else min(first, self._inserted)

    def _note_whole(self, *_args: object) -> None:
        self._whole = True

    def doItemsLayout(self) -> None:
        inserted, whole = self._inserted, self._whole
        self._inserted, self._whole = None, False
        viewport = self.viewport()
        if inserted is None or whole or not viewport.updatesEnabled():
            super().doItemsLayout()
            return
        # Where the rows are, in pixels (a scroll since the insertion moved the rows
        # already drawn with Qt's blit; the layout may move them, at the list's end).
        offset = self.verticalHeader().offset()
        # Qt's layout ends by repainting the whole viewport: hold that back (setting the
        # attribute itself, as setUpdatesEnabled(True) would repaint it all anyway).
        viewport.setAttribute(_UPDATES_OFF, True)
        try:
            super().doItemsLayout()
        finally:
            viewport.setAttribute(_UPDATES_OFF, False)
        if self.verticalHeader().offset() != offset:  # the layout moved every row
            viewport.update()
            return
        top = max(0, self.rowViewportPosition(inserted))
        if top < viewport.height():
            viewport.update(QRect(0, top, viewport.width(), viewport.height() - top))
