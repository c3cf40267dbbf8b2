"""Starting the window: application, font, language, project (with a way out if it is bad)."""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import cast

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from annotator.assets import resource
from annotator.core.errors import ProjectError
from annotator.io.seed import ensure_seeded
from annotator.qt.i18n import Translations, choose_language
from annotator.qt.main_window import MainWindow
from annotator.qt.message_boxes import message_box, show_critical
from annotator.storage import Project, open_project
from annotator.storage.location import resolve_project_path
from annotator.storage.undecodable import undecodable_text_error

ARTICLE_POINT_SIZE = 15
ARABIC_FONT = "noto-sans-arabic"


def article_font() -> QFont:
    """Noto Sans Arabic from its package (the system may have no Arabic font at all)."""
    import fontpkg

    families: list[str] = []
    for font_file in fontpkg.families()[ARABIC_FONT].files:
        font_id = QFontDatabase.addApplicationFont(str(font_file.path))
        families.extend(QFontDatabase.applicationFontFamilies(font_id))
    font = QFont()
    if families:
        font.setFamilies([families[0], *QFont().families()])
    font.setPointSize(ARTICLE_POINT_SIZE)
    return font


def ask_for_project(parent: QWidget | None, problem: str) -> tuple[Path, bool] | None:
    """Say what is wrong and offer to open another project or create one; None to quit."""
    box = message_box(
        QMessageBox.Icon.Warning,
        QApplication.translate("Startup", "Cannot open the project"),
        QApplication.translate("Startup", "This project cannot be opened."),
        parent,
    )
    box.setInformativeText(
        problem + "\n\n" + QApplication.translate("Startup", "Nothing was changed in that file.")
    )
    open_other = box.addButton(
        QApplication.translate("Startup", "Open another..."), QMessageBox.ButtonRole.AcceptRole
    )
    create = box.addButton(
        QApplication.translate("Startup", "Create new..."), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    filters = QApplication.translate("Startup", "Annotator projects (*.annotator);;All files (*)")
    if box.clickedButton() is open_other:
        path, _ = QFileDialog.getOpenFileName(parent, open_other.text(), "", filters)
        return (Path(path), False) if path else None
    if box.clickedButton() is create:
        path, _ = QFileDialog.getSaveFileName(parent, create.text(), "", filters)
        if not path:
            return None
        return (Path(path if path.endswith(".annotator") else path + ".annotator"), True)
    return None


def open_with_recovery(path: Path, create: bool, parent: QWidget | None = None) -> Project | None:
    while True:
        try:
            if create and path.exists():
                raise ProjectError(f"{path}: already exists; choose a new file name")
            return open_project(path, create=True)
        except ProjectError as error:
            choice = ask_for_project(parent, str(error))
            if choice is None:
                return None
            path, create = choice


class Session:
    """The window of the open project; replaces it when another project is opened."""

    def __init__(self, app: QApplication, settings: QSettings, translations: Translations):
        self.app = app
        self.settings = settings
        self.translations = translations
        self.font = article_font()
        self.window: MainWindow | None = None

    def show(self, project: Project) -> None:
        previous = self.window
        window = MainWindow(project, self.settings, self.font)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.projectRequested.connect(self.switch_project)
        window.languageRequested.connect(self.set_language)
        window.action(f"view.language.{self.translations.language}").setChecked(True)
        icon = resource("icons/annotator.svg")
        if icon.is_file():
            window.setWindowIcon(QIcon(str(icon)))
        self.window = window
        window.show()
        if previous is not None:
            previous.close()
            previous.project.close()

    def switch_project(self, path: str, create: bool) -> None:
        project = open_with_recovery(Path(path), create, self.window)
        if project is not None:
            self.show(project)

    def set_language(self, language: str) -> None:
        self.translations.apply(language)
        self.settings.setValue("language", language)


def start(
    project_path: str | None,
    lang: str | None,
    settings: QSettings | None = None,
) -> Session | None:
    """Open the project (seeding the default one) and show its window; None if declined."""
    # instance() is typed as a QCoreApplication; the app's is always a QApplication.
    app = cast(QApplication, QApplication.instance() or QApplication(sys.argv))
    if not app.organizationName():
        app.setOrganizationName("annotator")
        app.setApplicationName("annotator")
    settings = settings if settings is not None else QSettings()
    translations = Translations(app)
    translations.apply(choose_language(lang, settings.value("language")))
    path, is_default = resolve_project_path(project_path)
    if is_default:
        path.parent.mkdir(parents=True, exist_ok=True)
    project = open_with_recovery(path, False)
    if project is None:
        return None
    if is_default:
        ensure_seeded(project)
    session = Session(app, settings, translations)
    session.show(project)
    return session


def show_unexpected_errors(window_of: Callable[[], MainWindow | None]) -> None:
    """An unforeseen exception becomes a dialog (and stderr), never a silent failure;
    a stored text that is not UTF-8 is named by its row, as the commands name it.

    Every change is committed before it returns, so the project stays as it was.
    """
    previous = sys.excepthook

    def hook(kind, error, trace):
        previous(kind, error, trace)
        window = window_of()
        damage = undecodable_text_error(error, window.project.path if window else None)
        show_critical(
            window,
            QApplication.translate("Startup", "Unexpected error"),
            str(damage)
            if damage is not None
            else "".join(traceback.format_exception_only(kind, error)).strip(),
        )

    sys.excepthook = hook


def run_app(project_path: str | None, lang: str | None) -> int:
    session = start(project_path, lang)
    if session is None:
        return 1
    show_unexpected_errors(lambda: session.window)
    code = session.app.exec()
    if session.window is not None:
        session.window.project.close()
    return code
