"""Interface language: our translations (English: plurals) and Qt's own; the mirrored layout."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from annotator.assets import resource

SUPPORTED = ("en", "ar")
RIGHT_TO_LEFT = frozenset({"ar"})


def system_language() -> str:
    name = QLocale.system().name().split("_")[0]
    return name if name in SUPPORTED else "en"


def choose_language(requested: str | None, saved: object) -> str:
    """--lang first, then the language chosen in View, then the system's."""
    for candidate in (requested, saved):
        if isinstance(candidate, str) and candidate in SUPPORTED:
            return candidate
    return system_language()


class Translations:
    """Installs the translators of one language at a time on the application."""

    def __init__(self, app: QApplication):
        self._app = app
        self._installed: list[QTranslator] = []
        self.language = "en"

    def apply(self, language: str) -> None:
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed.clear()
        self.language = language
        # English has a file too: the plural forms of its "%n" messages ("1 document").
        ours = QTranslator(self._app)
        if ours.load(str(resource(f"translations/annotator_{language}.qm"))):
            self._installed.append(ours)
        if language != "en":
            qt_own = QTranslator(self._app)
            folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if qt_own.load(f"qtbase_{language}", folder):
                self._installed.append(qt_own)
        for translator in self._installed:
            self._app.installTranslator(translator)
        self._app.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft
            if language in RIGHT_TO_LEFT
            else Qt.LayoutDirection.LeftToRight
        )
