"""A long article's text laid out in slices, so that no turn of the event loop is long.

Qt lays a document out lazily: what is on screen at once, the rest from a timer, in
steps that double in size each time (up to 200,000 characters). The last steps of a
300 KB article took 40-70 ms each, with nothing else answered meanwhile. Here the rest
is laid out a few blocks at a time instead (asking for a block's rectangle lays the
text out up to it), about ``SLICE_SECONDS`` per turn, while Qt's own layout timer is
held back (its events are dropped until the layout is done; it is Qt's to stop then).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QTextBlock, QTextDocument

SLICE_SECONDS = 0.008


class LayoutInSlices(QObject):
    """Lays out the rest of ``document`` in slices after each ``start``."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._document: QTextDocument | None = None
        self._next = QTextBlock()
        self._held = False
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._slice)

    def start(self, document: QTextDocument) -> None:
        """The document's text was just set: lay out what Qt has not, a slice per turn."""
        self.stop()
        last = document.lastBlock()
        layout = last.layout()
        if not last.isValid() or layout is None or layout.lineCount():
            return  # laid out whole already (a short text)
        self._document = document
        self._next = document.firstBlock()
        document.documentLayout().installEventFilter(self)
        document.contentsChanged.connect(self.stop)
        if not self._held:
            self._timer.start()

    def hold(self, hold: bool) -> None:
        """Lay out no slice while held (Qt still lays out what is painted)."""
        self._held = hold
        if hold:
            self._timer.stop()
        elif self._document is not None:
            self._timer.start()

    def stop(self) -> None:
        """Leave the rest to Qt (the text changed, or it is all laid out)."""
        self._timer.stop()
        document, self._document = self._document, None
        if document is not None:
            document.documentLayout().removeEventFilter(self)
            document.contentsChanged.disconnect(self.stop)
        self._next = QTextBlock()

    def busy(self) -> bool:
        return self._document is not None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The document layout's timer steps through the lazy layout: held back meanwhile.
        return event.type() == QEvent.Type.Timer

    def _slice(self) -> None:
        document = self._document
        if document is None:
            return
        layout = document.documentLayout()
        deadline = time.perf_counter() + SLICE_SECONDS
        block = self._next
        while block.isValid():
            layout.blockBoundingRect(block)  # lays the text out up to this block
            block = block.next()
            if time.perf_counter() >= deadline:
                break
        self._next = block
        if not block.isValid():
            self.stop()
