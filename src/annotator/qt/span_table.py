"""The span list's table, which repaints only the rows a tag moved.

A tag inserts one row into the span list. Qt answers any change in the number of rows
by laying the table out again and repainting every visible cell (``doItemsLayout``):
with a cell delegate in Python that was a third of a tag's time on the window's
thread. The rows above the new one are unchanged, so when rows were only inserted
and the table did not scroll meanwhile, this table repaints from the first new row
down; anything else (a reset, rows removed or moved, a scroll) repaints it all, as Qt
does.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QRect, Qt
from PySide6.QtWidgets import QTableView, QWidget

_UPDATES_OFF = Qt.WidgetAttribute.WA_UpdatesDisabled


class SpanTable(QTableView):
    def __init__(self, model: QAbstractItemModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setModel(model)
        self._inserted: tuple[int, int] | None = None  # first row inserted, scroll value then
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
        if self._inserted is None:
            self._inserted = (first, self.verticalScrollBar().value())
        else:
            self._inserted = (min(first, self._inserted[0]), self._inserted[1])

    def _note_whole(self, *_args: object) -> None:
        self._whole = True

    def doItemsLayout(self) -> None:
        inserted, whole = self._inserted, self._whole
        self._inserted, self._whole = None, False
        viewport = self.viewport()
        scroll = self.verticalScrollBar()
        if inserted is None or whole or scroll.value() != inserted[1]:
            super().doItemsLayout()
            return
        if not viewport.updatesEnabled():
            super().doItemsLayout()
            return
        # Qt's layout ends by repainting the whole viewport: hold that back (setting the
        # attribute itself, as setUpdatesEnabled(True) would repaint it all anyway).
        viewport.setAttribute(_UPDATES_OFF, True)
        try:
            super().doItemsLayout()
        finally:
            viewport.setAttribute(_UPDATES_OFF, False)
        if scroll.value() != inserted[1]:  # the layout scrolled: everything moved
            viewport.update()
            return
        top = max(0, self.rowViewportPosition(inserted[0]))
        if top < viewport.height():
            viewport.update(QRect(0, top, viewport.width(), viewport.height() - top))
