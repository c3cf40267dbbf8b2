"""Tagging over a suggestion accepts it; accepting twice adds nothing; number spans get values.

Real mouse and key events in the window; the project file says what was saved.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from annotator.core.model import Origin
from annotator.qt.app import article_font
from annotator.qt.main_window import MainWindow
from tests.qt.conftest import drag_select, proposals_done

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def suggesting_window(qtbot, project, settings):
    settings.setValue("suggestions/on_open", True)
    window = MainWindow(project, settings, article_font(), annotator_name="tester")
    qtbot.addWidget(window)
    window.resize(1300, 900)
    window.show()
    qtbot.waitExposed(window)
    proposals_done(qtbot, window)
    return window


def at(project, doc, start, end):
    return [s for s in project.spans(doc) if (s.start, s.end) == (start, end)]


def no_two_alike(project, doc) -> bool:
    keys = [(s.start, s.end, s.label) for s in project.spans(doc)]
    return len(keys) == len(set(keys))


def test_tagging_a_suggestion_accepts_it_with_its_value(suggesting_window, project):
    window = suggesting_window
    doc = window.current_document()
    text = window.view.text()
    start = text.index("12 ألف")
    [suggestion] = at(project, doc, start, start + 6)
    assert (suggestion.origin, suggestion.value) == (Origin.SUGGESTED, 12000)

    drag_select(window.view, start, start + 6)
    QTest.keyClick(window.view, Qt.Key.Key_3)
    [span] = at(project, doc, start, start + 6)
    assert (span.id, span.origin, span.value, span.annotator) == (
        suggestion.id,
        Origin.MANUAL,
        12000,
        "tester",
    )
    assert window.view.selected_span() == span.id
    assert "Accepted the suggestion" in window.statusBar().currentMessage()

    QTest.keyClick(window.view, Qt.Key.Key_Z, CTRL)  # undo: a suggestion again, still one
    [back] = at(project, doc, start, start + 6)
    assert (back.id, back.origin, back.value) == (suggestion.id, Origin.SUGGESTED, 12000)
    assert no_two_alike(project, doc)


def test_accepting_twice_and_then_all_never_makes_two_alike(suggesting_window, project):
    window = suggesting_window
    view = window.view
    doc = window.current_document()
    suggested = sum(1 for s in project.spans(doc) if s.origin is Origin.SUGGESTED)
    QTest.keyClick(view, Qt.Key.Key_Tab)
    chosen = view.selected_span()
    QTest.keyClick(view, Qt.Key.Key_Return)
    assert project.get_span(chosen).origin is Origin.MANUAL
    view.select_span(chosen)  # the accepted span, selected again: Enter once more
    QTest.keyClick(view, Qt.Key.Key_Return)
    assert "not a suggestion" in window.statusBar().currentMessage()
    QTest.keyClick(view, Qt.Key.Key_A, CTRL | SHIFT)
    spans = project.spans(doc)
    assert len(spans) == suggested and {s.origin for s in spans} == {Origin.MANUAL}
    assert no_two_alike(project, doc)
    # Tagging any of them again, with its label, saves nothing and says so.
    text = view.text()
    start = text.index("1500")
    drag_select(view, start, start + 4)
    QTest.keyClick(view, Qt.Key.Key_3)
    assert len(project.spans(doc)) == suggested
    assert "already tagged" in window.statusBar().currentMessage()


def test_a_number_tagged_by_hand_gets_its_value(window, project):
    view = window.view
    doc = window.current_document()
    text = view.text()
    start = text.index("ثلاثة ملايين")
    drag_select(view, start, start + len("ثلاثة ملايين"))
    QTest.keyClick(view, Qt.Key.Key_3)
    [span] = project.spans(doc)
    assert (text[span.start : span.end], span.value) == ("ثلاثة ملايين", 3_000_000)
    QTest.keyClick(view, Qt.Key.Key_Escape)
    # Tagged as an actor first, then relabelled a number: the value comes with the label.
    start = text.index("12 ألف")
    drag_select(view, start, start + 6)
    QTest.keyClick(view, Qt.Key.Key_1)
    QTest.keyClick(view, Qt.Key.Key_3)
    [twelve] = at(project, doc, start, start + 6)
    assert (twelve.label, twelve.value) == ("number", 12000)
    # A name tagged as a number by mistake gets no value.
    start = text.index("روسيا")
    drag_select(view, start, start + 5)
    QTest.keyClick(view, Qt.Key.Key_3)
    [russia] = at(project, doc, start, start + 5)
    assert russia.value is None
