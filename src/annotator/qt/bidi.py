"""Shortcuts shown inside right-to-left text keep their left-to-right order.

"Ctrl++" in an Arabic menu or message is laid out right to left and reads "++Ctrl".
Wrapped in LEFT-TO-RIGHT ISOLATE ... POP DIRECTIONAL ISOLATE (UAX #9) it is one
left-to-right unit inside the Arabic, and it is unchanged in a left-to-right line.
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QPainter
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleOption, QStyleOptionMenuItem, QWidget

LRI, PDI = "\u2066", "\u2069"


def isolated(text: str) -> str:
    """``text`` as one left-to-right unit, whatever the direction around it."""
    return f"{LRI}{text}{PDI}" if text else text


def shortcut_text(key: str) -> str:
    """A key as the platform names it, ready to be put in a translated message."""
    return isolated(QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText))


class ShortcutIsolatingStyle(QProxyStyle):
    """Draws menu entries with their shortcut isolated (Qt passes "text<TAB>shortcut")."""

    def drawControl(
        self,
        element: QStyle.ControlElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element == QStyle.ControlElement.CE_MenuItem and isinstance(
            option, QStyleOptionMenuItem
        ):
            text, tab, shortcut = option.text.partition("\t")
            if tab and shortcut and not shortcut.startswith(LRI):
                option = QStyleOptionMenuItem(option)
                option.text = f"{text}\t{isolated(shortcut)}"
        super().drawControl(element, option, painter, widget)
