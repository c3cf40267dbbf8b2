"""Every command of the window, declared once: id, text, keys, what it does, when it
is enabled and where its menu entry goes.

The window builds its QActions and menus from ``MENU_BAR`` (``WindowActions``);
nothing else makes an action or a menu entry. The texts are translated in the
MainWindow context, where they have always been; an action's ``handler`` gets the
window (``MainWindow``) and reaches the part that does the work.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from annotator.core.translatable import QT_TRANSLATE_NOOP
from annotator.qt.bidi import ShortcutIsolatingStyle

if TYPE_CHECKING:
    from annotator.qt.editing import Editing
    from annotator.qt.main_window import MainWindow

Key = QKeySequence.StandardKey | str
CONTEXT = "MainWindow"  # the translation context of every text declared here
ACCEPT_PROPOSED_KEY = "Ctrl+Shift+Return"  # named in the message after a proposal
LANGUAGES = (("en", "English"), ("ar", "العربية"))  # each named in itself, never translated


@dataclass(frozen=True)
class Menu:
    """A menu of the menu bar, or a submenu placed in ``parent``'s ``group``."""

    id: str
    text: str
    parent: str | None = None
    group: int = 0


@dataclass(frozen=True)
class Action:
    """One command. ``menu`` and ``group`` place its entry: groups are parted by a line."""

    id: str
    text: str
    handler: Callable[[MainWindow], object] | None = None
    keys: tuple[Key, ...] = ()
    menu: str = ""
    group: int = 0
    enabled_when: Callable[[Editing], bool] | None = None
    in_article: bool = False  # keys that act only while the article has the focus
    # ...or while one of these lists of the window (its attribute names) has it; they
    # also offer the action on a right click
    in_lists: tuple[str, ...] = ()
    translated: bool = True
    # A checkable action: its state when built, and what a change of state does.
    checked: Callable[[MainWindow], bool] | None = None
    toggled: Callable[[MainWindow, bool], object] | None = None
    exclusive: str = ""  # checkable actions of one group: one of them is checked
    # Qt makes some actions itself (undo and redo follow the undo stack's state and name
    # the command they undo); the declaration still gives their id, text, keys and place.
    made_by: Callable[[MainWindow], QAction] | None = None


def _has_document(editing: Editing) -> bool:
    return editing.document_id is not None


def _asks_for_language(code: str) -> Callable[[MainWindow], None]:
    return lambda window: window.languageRequested.emit(code)


StandardKey = QKeySequence.StandardKey

# fmt: off
MENU_BAR: tuple[Menu | Action, ...] = (
    Menu("file", QT_TRANSLATE_NOOP("MainWindow", "&File")),
    Action("file.new", QT_TRANSLATE_NOOP("MainWindow", "New project..."),
           keys=(StandardKey.New,), menu="file", handler=lambda w: w.files.new_project()),
    Action("file.open", QT_TRANSLATE_NOOP("MainWindow", "Open project..."),
           keys=(StandardKey.Open,), menu="file", handler=lambda w: w.files.open_project()),
    Menu("file.recent", QT_TRANSLATE_NOOP("MainWindow", "Recent projects"), parent="file"),
    Action("file.import_files", QT_TRANSLATE_NOOP("MainWindow", "Import files..."),
           keys=("Ctrl+I",), menu="file", group=1, handler=lambda w: w.files.import_files()),
    Action("file.import_folder", QT_TRANSLATE_NOOP("MainWindow", "Import folder..."),
           menu="file", group=1, handler=lambda w: w.files.import_folder()),
    Action("file.export", QT_TRANSLATE_NOOP("MainWindow", "Export..."),
           keys=("Ctrl+E",), menu="file", group=1, handler=lambda w: w.files.export()),
    Action("file.quit", QT_TRANSLATE_NOOP("MainWindow", "Quit"),
           keys=(StandardKey.Quit,), menu="file", group=2, handler=lambda w: w.close()),

    Menu("edit", QT_TRANSLATE_NOOP("MainWindow", "&Edit")),
    Action("edit.undo", QT_TRANSLATE_NOOP("MainWindow", "Undo"),
           keys=(StandardKey.Undo,), menu="edit",
           made_by=lambda w: w.editing.undo_stack.createUndoAction(w)),
    Action("edit.redo", QT_TRANSLATE_NOOP("MainWindow", "Redo"),
           keys=("Ctrl+Shift+Z", "Ctrl+Y"), menu="edit",
           made_by=lambda w: w.editing.undo_stack.createRedoAction(w)),
    Action("edit.delete_span", QT_TRANSLATE_NOOP("MainWindow", "Delete span"),
           keys=(StandardKey.Delete,), menu="edit", enabled_when=_has_document,
           in_article=True, in_lists=("span_table",),
           handler=lambda w: w.tagging.delete_selected_span()),
    Action("edit.link", QT_TRANSLATE_NOOP("MainWindow", "Link event to arguments"),
           keys=("R",), menu="edit", enabled_when=_has_document, in_article=True,
           handler=lambda w: w.linking.start()),
    Action("edit.find", QT_TRANSLATE_NOOP("MainWindow", "Find..."),
           keys=(StandardKey.Find,), menu="edit", group=1, handler=lambda w: w.finder.start()),
    Action("edit.find_next", QT_TRANSLATE_NOOP("MainWindow", "Find next"),
           keys=("F3",), menu="edit", group=1, handler=lambda w: w.finder.step(+1)),
    Action("edit.find_previous", QT_TRANSLATE_NOOP("MainWindow", "Find previous"),
           keys=("Shift+F3",), menu="edit", group=1, handler=lambda w: w.finder.step(-1)),

    Menu("view", QT_TRANSLATE_NOOP("MainWindow", "&View")),
    Action("view.zoom_in", QT_TRANSLATE_NOOP("MainWindow", "Zoom in"),
           keys=("Ctrl++", "Ctrl+="), menu="view",
           handler=lambda w: w.view.set_zoom(w.view.zoom() + 1)),
    Action("view.zoom_out", QT_TRANSLATE_NOOP("MainWindow", "Zoom out"),
           keys=("Ctrl+-",), menu="view", handler=lambda w: w.view.set_zoom(w.view.zoom() - 1)),
    Action("view.zoom_reset", QT_TRANSLATE_NOOP("MainWindow", "Reset zoom"),
           keys=("Ctrl+0",), menu="view", handler=lambda w: w.view.set_zoom(0)),
    Action("view.document_list", QT_TRANSLATE_NOOP("MainWindow", "Document list"),
           menu="view", group=1, checked=lambda w: w.panels.is_shown(0),
           toggled=lambda w, on: w.panels.set_shown(0, on)),
    Action("view.span_panel", QT_TRANSLATE_NOOP("MainWindow", "Labels and spans"),
           menu="view", group=1, checked=lambda w: w.panels.is_shown(2),
           toggled=lambda w, on: w.panels.set_shown(2, on)),
    Action("view.next_pane", QT_TRANSLATE_NOOP("MainWindow", "Next pane"),
           keys=("F6",), menu="view", group=1, handler=lambda w: w.panes.cycle(+1)),
    Action("view.previous_pane", QT_TRANSLATE_NOOP("MainWindow", "Previous pane"),
           keys=("Shift+F6",), menu="view", group=1, handler=lambda w: w.panes.cycle(-1)),
    Menu("view.language", QT_TRANSLATE_NOOP("MainWindow", "Interface language"), parent="view",
         group=2),
    *(
        Action(f"view.language.{code}", name, menu="view.language", translated=False,
               exclusive="language", handler=_asks_for_language(code))
        for code, name in LANGUAGES
    ),

    Menu("document", QT_TRANSLATE_NOOP("MainWindow", "&Document")),
    Action("document.done_next", QT_TRANSLATE_NOOP("MainWindow", "Mark done and open next"),
           keys=("Ctrl+Return", "Ctrl+Enter"), menu="document", enabled_when=_has_document,
           handler=lambda w: w.navigation.mark_done_and_next()),
    Action("document.delete", QT_TRANSLATE_NOOP("MainWindow", "Delete documents..."),
           keys=(StandardKey.Delete,), in_lists=("document_table",), menu="document", group=3,
           enabled_when=_has_document, handler=lambda w: w.document_actions.delete_selected()),
    Action("document.rename", QT_TRANSLATE_NOOP("MainWindow", "Rename document..."),
           keys=("F2",), in_lists=("document_table",), menu="document", group=3,
           enabled_when=_has_document, handler=lambda w: w.document_actions.rename_current()),
    Action("document.previous", QT_TRANSLATE_NOOP("MainWindow", "Previous document"),
           keys=("Ctrl+PgUp",), menu="document", handler=lambda w: w.navigation.step(-1)),
    Action("document.next", QT_TRANSLATE_NOOP("MainWindow", "Next document"),
           keys=("Ctrl+PgDown",), menu="document", handler=lambda w: w.navigation.step(+1)),
    Action("suggestion.next", QT_TRANSLATE_NOOP("MainWindow", "Next suggestion"),
           keys=("Tab",), in_article=True, menu="document", group=1,
           enabled_when=_has_document, handler=lambda w: w.suggestions.step(+1)),
    Action("suggestion.previous", QT_TRANSLATE_NOOP("MainWindow", "Previous suggestion"),
           keys=("Shift+Tab", "Shift+Backtab", "Backtab"), in_article=True, menu="document",
           group=1, enabled_when=_has_document, handler=lambda w: w.suggestions.step(-1)),
    Action("suggestion.accept", QT_TRANSLATE_NOOP("MainWindow", "Accept suggestion"),
           keys=("Return", "Enter"), in_article=True, menu="document", group=1,
           enabled_when=_has_document, handler=lambda w: w.suggestions.accept_selected()),
    Action("suggestion.reject", QT_TRANSLATE_NOOP("MainWindow", "Reject suggestion"),
           keys=("Backspace",), in_article=True, menu="document", group=1,
           enabled_when=_has_document, handler=lambda w: w.suggestions.reject_selected()),
    Action("suggestion.accept_all", QT_TRANSLATE_NOOP("MainWindow", "Accept all suggestions"),
           keys=("Ctrl+Shift+A",), menu="document", group=1, enabled_when=_has_document,
           handler=lambda w: w.suggestions.accept_all()),
    Action("suggestion.reject_all", QT_TRANSLATE_NOOP("MainWindow", "Reject all suggestions"),
           keys=("Ctrl+Shift+R",), menu="document", group=1, enabled_when=_has_document,
           handler=lambda w: w.suggestions.reject_all()),
    Action("suggestion.label_all",
           QT_TRANSLATE_NOOP("MainWindow", "Propose all occurrences in this document"),
           keys=("Ctrl+L",), menu="document", group=2, enabled_when=_has_document,
           handler=lambda w: w.suggestions.label_all_occurrences(False)),
    Action("suggestion.label_all_project",
           QT_TRANSLATE_NOOP("MainWindow", "Propose all occurrences in the project"),
           keys=("Ctrl+Shift+L",), menu="document", group=2, enabled_when=_has_document,
           handler=lambda w: w.suggestions.label_all_occurrences(True)),
    Action("suggestion.accept_proposed",
           QT_TRANSLATE_NOOP("MainWindow", "Accept the occurrences just proposed"),
           keys=(ACCEPT_PROPOSED_KEY,), menu="document", group=2, enabled_when=_has_document,
           handler=lambda w: w.suggestions.accept_proposed()),
    Action("suggestion.on_open", QT_TRANSLATE_NOOP("MainWindow", "Suggest on open"),
           menu="document", group=2, checked=lambda w: w.suggester.enabled,
           toggled=lambda w, on: w.suggestions.set_suggest_on_open(on)),
)
# fmt: on


def menus() -> Iterator[Menu]:
    return (entry for entry in MENU_BAR if isinstance(entry, Menu))


def declared_actions() -> Iterator[Action]:
    return (entry for entry in MENU_BAR if isinstance(entry, Action))


class WindowActions:
    """The window's QActions and menus, built from ``MENU_BAR``; kept translated and enabled."""

    def __init__(self, window: MainWindow):
        self._window = window
        self._actions: dict[str, QAction] = {}
        self._menus: dict[str, QMenu] = {}
        self._groups: dict[str, QActionGroup] = {}
        for spec in declared_actions():
            self._actions[spec.id] = self._build(spec)
        self._build_menus()

    def __getitem__(self, action_id: str) -> QAction:
        return self._actions[action_id]

    def menu(self, menu_id: str) -> QMenu:
        return self._menus[menu_id]

    def _build(self, spec: Action) -> QAction:
        window = self._window
        action = spec.made_by(window) if spec.made_by else QAction(window)
        action.setObjectName(spec.id)
        if spec.keys:
            action.setShortcuts([QKeySequence(key) for key in spec.keys])
        if spec.checked is not None or spec.exclusive:
            action.setCheckable(True)
        if spec.checked is not None:
            action.setChecked(spec.checked(window))
        if spec.exclusive:
            group = self._groups.get(spec.exclusive)
            if group is None:
                group = self._groups[spec.exclusive] = QActionGroup(window)
            group.addAction(action)
        if spec.toggled is not None:
            action.toggled.connect(lambda on, toggled=spec.toggled: toggled(window, on))
        elif spec.handler is not None:
            action.triggered.connect(lambda _checked=False, run=spec.handler: run(window))
        if spec.in_article or spec.in_lists:
            # Only while one of these widgets has the focus: Delete in the document list
            # deletes documents, in the article or the span list the selected span.
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            if spec.in_article:
                window.view.addAction(action)
            for name in spec.in_lists:
                getattr(window, name).addAction(action)
        else:
            window.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self._window.menuBar()
        # Shortcuts keep their order in a right-to-left menu ("Ctrl++", not "++Ctrl").
        self._menu_style = ShortcutIsolatingStyle()
        self._menu_style.setParent(self._window)
        for spec in menus():
            parent = bar if spec.parent is None else self._menus[spec.parent]
            self._menus[spec.id] = menu = QMenu(parent)
            menu.setObjectName(spec.id)
            menu.setStyle(self._menu_style)
        entries: dict[str, list[tuple[int, QAction]]] = {spec.id: [] for spec in menus()}
        for entry in MENU_BAR:
            if isinstance(entry, Menu):
                if entry.parent is None:
                    bar.addMenu(self._menus[entry.id])
                else:
                    entries[entry.parent].append((entry.group, self._menus[entry.id].menuAction()))
            elif entry.menu:
                entries[entry.menu].append((entry.group, self._actions[entry.id]))
        for menu_id, placed in entries.items():
            menu = self._menus[menu_id]
            placed.sort(key=lambda item: item[0])  # stable: declaration order within a group
            for index, (group, action) in enumerate(placed):
                if index and group != placed[index - 1][0]:
                    menu.addSeparator()
                menu.addAction(action)

    def retranslate(self) -> None:
        translate = QCoreApplication.translate
        for spec in menus():
            self._menus[spec.id].setTitle(translate(CONTEXT, spec.text))
        for action in declared_actions():
            if action.translated:
                self._actions[action.id].setText(translate(CONTEXT, action.text))
            else:
                self._actions[action.id].setText(action.text)

    def update_enabled(self, editing: Editing) -> None:
        for spec in declared_actions():
            if spec.enabled_when is not None:
                self._actions[spec.id].setEnabled(spec.enabled_when(editing))
