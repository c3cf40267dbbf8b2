"""Marking a string for translation where it is declared, without Qt.

``pyside6-lupdate`` collects the strings passed to a function of this name; the window
translates them when it shows them (``QCoreApplication.translate(context, text)``).
PySide6's own marker is typed as returning ``object``; this one returns the string.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate finds
    """``text``, unchanged: translated later, in ``context``, by whoever shows it."""
    return text
