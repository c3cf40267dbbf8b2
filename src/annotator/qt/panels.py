"""The window's three columns: document list, article, labels and spans.

A small window squeezes the side panels, not the article: whenever the window is
resized the article keeps at least half the width, and the panels share the rest
in the proportion the user last gave them, down to their minimum; below it a panel
is shut until the window is wide enough again. A panel dragged shut stays shut, and
so does one shut from the View menu; the panels' chosen widths and which are shut
are kept in the window's settings.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QSplitter, QWidget

ARTICLE = 1
SIDES = (0, 2)
DEFAULT_SIZES = (300, 700, 340)
ARTICLE_SHARE = 0.5  # the least part of the width the article keeps on a resize


class SidePanels(QObject):
    """Owns the splitter: its stretch, its shares on a resize, its panels shown or shut."""

    shownChanged = Signal(int, bool)  # side (0 or 2), shown

    def __init__(self, left: QWidget, article: QWidget, right: QWidget):
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        super().__init__(self.splitter)
        for widget in (left, article, right):
            self.splitter.addWidget(widget)
        for index, stretch in enumerate((0, 1, 0)):
            self.splitter.setStretchFactor(index, stretch)
        self.splitter.setCollapsible(ARTICLE, False)
        for side in SIDES:
            self.splitter.setCollapsible(side, True)
        self.splitter.setSizes(list(DEFAULT_SIZES))
        # The widths the user chose for the panels (also kept while a panel is shut).
        self._preferred = {side: DEFAULT_SIZES[side] for side in SIDES}
        self._shown = {side: True for side in SIDES}
        self.splitter.splitterMoved.connect(self._on_moved)
        self.splitter.installEventFilter(self)

    # -- shown or shut ------------------------------------------------------------------------

    def is_shown(self, side: int) -> bool:
        return self._shown[side]

    def set_shown(self, side: int, shown: bool) -> None:
        if shown == self._shown[side]:
            return
        self._shown[side] = shown
        self._share(self._total())
        self.shownChanged.emit(side, shown)

    # -- settings -----------------------------------------------------------------------------

    def save_state(self) -> list[int]:
        """The panels' chosen widths and whether each is shown (not how wide they are now:
        a panel a small window shut for want of room is shown again in a larger one)."""
        return [self._preferred[0], self._preferred[2], int(self._shown[0]), int(self._shown[2])]

    def restore_state(self, state: object) -> None:
        try:
            left, right, left_shown, right_shown = (int(str(v)) for v in state)  # type: ignore[attr-defined]
        except (TypeError, ValueError):
            return  # nothing saved, or saved by an older version: the defaults
        self._preferred = {0: max(left, 1), 2: max(right, 1)}
        for side, shown in ((0, bool(left_shown)), (2, bool(right_shown))):
            if shown != self._shown[side]:
                self._shown[side] = shown
                self.shownChanged.emit(side, shown)
        self._share(self.splitter.width())

    # -- sharing the width --------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.splitter and event.type() == QEvent.Type.Resize:
            self._share(event.size().width())  # type: ignore[attr-defined]
        return False

    def _total(self) -> int:
        return sum(self.splitter.sizes()) or self.splitter.width()

    def _share(self, width: int) -> None:
        """Give the shown panels their chosen widths, or less: the article keeps its half."""
        handles = self.splitter.handleWidth() * 2
        available = max(width - handles, 0)
        wanted = {side: self._preferred[side] if self._shown[side] else 0 for side in SIDES}
        article_least = math.ceil(width * ARTICLE_SHARE)
        room = max(available - max(article_least, available - sum(wanted.values())), 0)
        scale = min(1.0, room / sum(wanted.values())) if sum(wanted.values()) else 0.0
        sizes = [0, 0, 0]
        for side in SIDES:
            size = int(wanted[side] * scale)
            panel = self.splitter.widget(side)
            least = panel.minimumSizeHint().width() if panel is not None else 0
            # Too narrow to be of use: shut for now; it opens again when there is room.
            sizes[side] = size if size >= least else 0
        sizes[ARTICLE] = max(available - sizes[0] - sizes[2], 0)
        self.splitter.setSizes(sizes)

    def _on_moved(self, _position: int, _index: int) -> None:
        """The user dragged a handle: remember the panels' widths, and which are shut."""
        sizes = self.splitter.sizes()
        for side in SIDES:
            shown = sizes[side] > 0
            if shown:
                self._preferred[side] = sizes[side]
            if shown != self._shown[side]:
                self._shown[side] = shown
                self.shownChanged.emit(side, shown)
