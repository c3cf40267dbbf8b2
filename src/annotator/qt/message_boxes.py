"""Message boxes that show their text as it is: plain text, never markup.

Qt's default (AutoText) renders anything that looks like HTML: an error naming a
file called ``<a href="http://evil/">Click to repair</a>.annotator`` showed a
clickable link. Every message box of the window is made here, in plain text.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def message_box(
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    parent: QWidget | None = None,
    buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.NoButton,
) -> QMessageBox:
    """A message box whose text and informative text are shown as plain text."""
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # the informative text follows it
    return box


def show_warning(parent: QWidget | None, title: str, text: str) -> None:
    """Like QMessageBox.warning (modal, OK), in plain text."""
    message_box(QMessageBox.Icon.Warning, title, text, parent, QMessageBox.StandardButton.Ok).exec()


def show_critical(parent: QWidget | None, title: str, text: str) -> None:
    """Like QMessageBox.critical (modal, OK), in plain text."""
    box = message_box(QMessageBox.Icon.Critical, title, text, parent, QMessageBox.StandardButton.Ok)
    box.exec()
