"""Every command of the window is declared once (qt.actions) and its keys reach it."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog

from annotator.qt.actions import MENU_BAR, Action, Menu, declared_actions, menus
from annotator.qt.app import start
from annotator.qt.i18n import Translations

# The keys the README promises; a change here is a change users notice.
PROMISED_KEYS = {
    "file.import_files": ["Ctrl+I"],
    "file.export": ["Ctrl+E"],
    "edit.redo": ["Ctrl+Shift+Z", "Ctrl+Y"],
    "view.zoom_in": ["Ctrl++", "Ctrl+="],
    "view.zoom_out": ["Ctrl+-"],
    "view.zoom_reset": ["Ctrl+0"],
    "document.done_next": ["Ctrl+Return", "Ctrl+Enter"],
    "document.previous": ["Ctrl+PgUp"],
    "document.next": ["Ctrl+PgDown"],
    "suggestion.next": ["Tab"],
    "suggestion.previous": ["Shift+Tab", "Shift+Backtab", "Backtab"],
    "suggestion.accept": ["Return", "Enter"],
    "suggestion.reject": ["Backspace"],
    "suggestion.accept_all": ["Ctrl+Shift+A"],
    "suggestion.reject_all": ["Ctrl+Shift+R"],
    "suggestion.label_all": ["Ctrl+L"],
    "suggestion.label_all_project": ["Ctrl+Shift+L"],
    "suggestion.accept_proposed": ["Ctrl+Shift+Return"],
    "document.rename": ["F2"],
    "edit.find_next": ["F3"],
    "edit.find_previous": ["Shift+F3"],
    "view.next_pane": ["F6"],
    "view.previous_pane": ["Shift+F6"],
}
PROMISED_STANDARD_KEYS = {
    "file.new": QKeySequence.StandardKey.New,
    "file.open": QKeySequence.StandardKey.Open,
    "file.quit": QKeySequence.StandardKey.Quit,
    "edit.undo": QKeySequence.StandardKey.Undo,
    "edit.delete_span": QKeySequence.StandardKey.Delete,
    "document.delete": QKeySequence.StandardKey.Delete,
    "edit.find": QKeySequence.StandardKey.Find,
}


@pytest.fixture
def english_afterwards(qapp):
    yield
    for widget in QApplication.topLevelWidgets():
        widget.close()
    Translations(qapp).apply("en")


def keys_of(action: QAction) -> list[str]:
    return [key.toString() for key in action.shortcuts() if not key.isEmpty()]


def menu_entries(menu, path=()):
    """(menu path, action) for every entry of ``menu`` and its submenus, separators left out."""
    for action in menu.actions():
        if action.isSeparator():
            continue
        yield path, action
        if action.menu() is not None:
            yield from menu_entries(action.menu(), (*path, action.menu().objectName()))


def test_each_id_is_declared_once_and_each_key_belongs_to_one_action(qapp):
    ids = [entry.id for entry in MENU_BAR]
    assert len(ids) == len(set(ids))
    menu_ids = {menu.id for menu in menus()}
    # A key may serve two actions only in different widgets (Delete: documents in the
    # document list, a span in the article or the span list); Qt ignores an ambiguous one.
    keys: dict[str, list[tuple[str, set[str]]]] = {}
    for spec in declared_actions():
        assert spec.menu in menu_ids, f"{spec.id}: no menu {spec.menu!r}"
        assert spec.handler or spec.made_by or spec.toggled, f"{spec.id} does nothing"
        scope = ({"view"} if spec.in_article else set()) | set(spec.in_lists) or {"window"}
        for key in spec.keys:
            for bound in QKeySequence.keyBindings(key) if not isinstance(key, str) else [key]:
                text = QKeySequence(bound).toString()
                for other, where in keys.get(text, []):
                    clash = "window" in where | scope or where & scope
                    assert not clash, f"{text} is both {other} and {spec.id}"
                keys.setdefault(text, []).append((spec.id, scope))
    for menu in menus():
        assert menu.parent is None or menu.parent in menu_ids


def test_every_action_and_menu_entry_of_the_window_comes_from_a_declaration(window):
    declared = {spec.id: spec for spec in declared_actions()}
    placed: dict[str, int] = {}
    for path, action in menu_entries(window.menuBar()):
        if path == ("file.recent",):
            continue  # recent project files: data, filled when the menu opens
        if action.menu() is not None:
            assert action.menu().objectName() in {menu.id for menu in menus()}
            continue
        assert action.objectName() in declared, f"menu entry {action.text()!r} is undeclared"
        assert path[-1] == declared[action.objectName()].menu
        placed[action.objectName()] = placed.get(action.objectName(), 0) + 1
    assert placed == dict.fromkeys(declared, 1)  # every declaration in its menu, once
    lists = (window.document_table, window.span_table)
    with_keys = {
        action.objectName()
        for widget in (window, window.view, *lists)
        for action in widget.actions()
        if isinstance(action, QAction) and keys_of(action)
    }
    assert with_keys == {
        spec.id for spec in declared.values() if spec.keys and keys_of(window.action(spec.id))
    }
    for spec in declared.values():
        action = window.action(spec.id)
        assert action.shortcuts() == [QKeySequence(key) for key in spec.keys]
        assert (action in window.view.actions()) == spec.in_article
        for name in ("document_table", "span_table"):
            assert (action in getattr(window, name).actions()) == (name in spec.in_lists)
        in_widgets = spec.in_article or bool(spec.in_lists)
        assert (action in window.actions()) == (not in_widgets)
        assert (action.shortcutContext() == Qt.ShortcutContext.WidgetShortcut) == in_widgets


def test_the_keys_users_know_are_kept(window):
    for action_id, keys in PROMISED_KEYS.items():
        assert keys_of(window.action(action_id)) == keys, action_id
    for action_id, standard in PROMISED_STANDARD_KEYS.items():
        # The platform's first binding of the standard key (Ctrl+N, Ctrl+O... here).
        expected = [QKeySequence(standard).toString()]
        assert keys_of(window.action(action_id)) == [k for k in expected if k], action_id


class Recorder:
    """Stands in for one of the window's parts: notes each call, does nothing."""

    def __init__(self, name: str, calls: list[str]):
        self._name, self._calls = name, calls

    def __getattr__(self, method: str):
        return lambda *args: self._calls.append(f"{self._name}.{method}{args}")


def press(widget, key: str) -> None:
    sequence = QKeySequence(key)
    combination = sequence[0]
    QTest.keyClick(widget, combination.key(), combination.keyboardModifiers())


@pytest.mark.parametrize(
    ("key", "called"),
    [
        ("Ctrl+I", "files.import_files()"),
        ("Ctrl+E", "files.export()"),
        ("Ctrl+N", "files.new_project()"),
        ("Ctrl+O", "files.open_project()"),
        ("Del", "tagging.delete_selected_span()"),
        ("Ctrl+F", "finder.start()"),
        ("Ctrl+Return", "navigation.mark_done_and_next()"),
        ("Ctrl+PgUp", "navigation.step(-1,)"),
        ("Ctrl+PgDown", "navigation.step(1,)"),
        ("Tab", "suggestions.step(1,)"),
        ("Shift+Tab", "suggestions.step(-1,)"),
        ("Return", "suggestions.accept_selected()"),
        ("Backspace", "suggestions.reject_selected()"),
        ("Ctrl+Shift+A", "suggestions.accept_all()"),
        ("Ctrl+Shift+R", "suggestions.reject_all()"),
        ("Ctrl+L", "suggestions.label_all_occurrences(False,)"),
        ("Ctrl+Shift+L", "suggestions.label_all_occurrences(True,)"),
        ("Ctrl+Shift+Return", "suggestions.accept_proposed()"),
        ("F3", "finder.step(1,)"),
        ("Shift+F3", "finder.step(-1,)"),
        ("F6", "panes.cycle(1,)"),
        ("Shift+F6", "panes.cycle(-1,)"),
    ],
)
def test_a_key_pressed_in_the_article_reaches_its_declared_handler(window, key, called):
    calls: list[str] = []
    for part in ("files", "tagging", "finder", "navigation", "suggestions", "panes"):
        setattr(window, part, Recorder(part, calls))
    window.view.setFocus()
    press(window.view, key)
    assert calls == [called]


def test_zoom_keys_and_undo_redo_keys_act(window):
    view = window.view
    press(view, "Ctrl++")
    press(view, "Ctrl+=")
    assert view.zoom() == 2
    press(view, "Ctrl+-")
    assert view.zoom() == 1
    press(view, "Ctrl+0")
    assert view.zoom() == 0
    undo, redo = window.action("edit.undo"), window.action("edit.redo")
    assert not undo.isEnabled() and not redo.isEnabled()
    view.select_offsets(0, 4)
    press(view, "1")
    assert undo.isEnabled() and re.search("actor", undo.text())  # names what it undoes
    doc = window.current_document()
    press(view, "Ctrl+Z")
    assert window.project.spans(doc) == [] and redo.isEnabled()
    press(view, "Ctrl+Y")
    assert len(window.project.spans(doc)) == 1
    press(view, "Ctrl+Z")
    press(view, "Ctrl+Shift+Z")
    assert len(window.project.spans(doc)) == 1


@pytest.mark.usefixtures("english_afterwards")
def test_document_actions_wait_for_a_document(qtbot, settings, tmp_path, monkeypatch):
    session = start(None, "en", settings)
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(tmp_path / "empty"), ""))
    )
    session.window.action("file.new").trigger()
    window = session.window  # the new, empty project's window
    needs_document = [spec.id for spec in declared_actions() if spec.enabled_when is not None]
    assert needs_document and all(not window.action(i).isEnabled() for i in needs_document)
    assert window.action("file.import_files").isEnabled()
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "one.txt").write_text("خبر أول\nنص الخبر الأول.", encoding="utf-8")
    window.files.import_paths([folder])
    assert window.current_document() is not None  # the first document imported opens
    assert all(window.action(i).isEnabled() for i in needs_document)
    window.close()
    window.project.close()


@pytest.mark.usefixtures("english_afterwards")
def test_the_arabic_interface_names_every_action_and_menu(qtbot, settings):
    arabic = re.compile("[\u0600-\u06ff]")
    session = start(None, "ar", settings)
    window = session.window
    for spec in MENU_BAR:
        if isinstance(spec, Menu):
            text = window.commands.menu(spec.id).title()
        else:
            assert isinstance(spec, Action)
            text = window.action(spec.id).text()
        if spec.id == "view.language.en":
            assert text == "English"  # each language is named in itself
            continue
        assert arabic.search(text), f"{spec.id}: {text!r}"
    assert window.action("view.language.ar").isChecked()
    window.action("view.language.en").trigger()
    qtbot.waitUntil(lambda: window.action("file.export").text() == "Export...")
    window.close()
    window.project.close()
