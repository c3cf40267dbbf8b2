"""F6 / Shift+F6: move the focus between the document list, the article and the span list.

Panes hidden or squeezed to nothing are passed over, so the key never seems to do
nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget


class PaneFocus:
    """Cycles the keyboard focus through ``panes`` in order."""

    def __init__(self, panes: Sequence[QWidget]):
        self._panes = list(panes)

    def cycle(self, step: int) -> None:
        shown = [pane for pane in self._panes if pane.isVisible() and pane.width() > 0]
        if not shown:
            return
        focus = QApplication.focusWidget()
        here = next(
            (
                i
                for i, pane in enumerate(shown)
                if focus is not None and (pane is focus or pane.isAncestorOf(focus))
            ),
            None,
        )
        target = 0 if here is None and step > 0 else -1 if here is None else here + step
        reason = Qt.FocusReason.TabFocusReason if step > 0 else Qt.FocusReason.BacktabFocusReason
        shown[target % len(shown)].setFocus(reason)
