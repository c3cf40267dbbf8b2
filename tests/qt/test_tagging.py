"""The tagging loop driven by real mouse and key events, checked in the project file."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from annotator.core.model import Document, Status
from tests.qt.conftest import TRICKY_TEXT, band_colors, drag_select, keyboard_select

ACTOR, WEAPON = "#0072b2", "#d55e00"
KOREA = "كوريا الشمالية"


def seed_text(window) -> str:
    return window.project.get_document(window.current_document()).text


def press(widget, key, modifier=Qt.KeyboardModifier.NoModifier):
    QTest.keyClick(widget, key, modifier)


def test_select_and_press_1_stores_an_actor_span_and_draws_it(window, qtbot):
    text = seed_text(window)
    start = text.index("قامت " + KOREA) + len("قامت ")
    end = start + len(KOREA)
    drag_select(window.view, start, end)
    assert window.view.selected_offsets() == (start, end)

    press(window.view, Qt.Key.Key_1)

    [span] = window.project.spans(window.current_document())
    assert (span.start, span.end, span.label) == (start, end, "actor")
    assert text[span.start : span.end] == KOREA
    assert span.annotator == "tester"
    offsets = window.view.offset_map()
    [highlight] = window.view.highlights()
    assert (highlight.start, highlight.end) == (offsets.to_qt(start), offsets.to_qt(end))
    assert ACTOR in band_colors(window.view, start, end)
    assert window.spans.rowCount() == 1
    assert window.project.get_status(window.current_document()) is Status.IN_PROGRESS


def test_only_a_band_is_solid_so_the_letters_stay_readable(window):
    text = seed_text(window)
    russia = text.index("روسيا")
    drag_select(window.view, russia, russia + len("روسيا"))
    press(window.view, Qt.Key.Key_1)
    # The second mention opens a paragraph of several lines, all on screen.
    start = text.index(KOREA, text.index(KOREA) + 1)
    end = start + len(KOREA)
    drag_select(window.view, start, end)
    press(window.view, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    window.view.verticalScrollBar().setValue(0)
    assert ACTOR in band_colors(window.view, start, end)
    above = band_colors(window.view, start, end, above=12)
    assert ACTOR not in above
    assert "#b9d8ea" in above  # the actor colour as a light tint over white


def test_a_sloppy_selection_is_snapped_and_alt_tags_the_exact_characters(window):
    text = seed_text(window)
    # The first mention is written with the conjunction: "وكوريا الشمالية".
    clitic = text.index("و" + KOREA) + 1
    drag_select(window.view, clitic, clitic + len(KOREA))
    press(window.view, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    second = text.index("قامت " + KOREA) + len("قامت ")
    drag_select(window.view, second - 2, second + 7)  # " كوريا ال" with a space before
    press(window.view, Qt.Key.Key_3)

    spans = window.project.spans(window.current_document())
    assert [(text[s.start : s.end], s.label) for s in spans] == [
        (KOREA, "actor"),
        ("قامت كوريا الشمالية", "number"),
    ]


@pytest.mark.parametrize("where", ["seed", "tricky"])
def test_relabel_delete_undo_redo(window, where):
    if where == "tricky":  # emoji, CRLF, diacritics, NBSP, ZWNJ, RLM/LRM
        doc = window.project.add_document(Document(title="tricky", text=TRICKY_TEXT))
        window.open_document(doc)
        wanted = "بيونغ\u200cيانغ"
    else:
        doc = window.current_document()
        wanted = KOREA
    text = window.project.get_document(doc).text
    start = text.index(wanted) if where == "tricky" else text.index("قامت " + KOREA) + 5
    drag_select(window.view, start, start + len(wanted))
    press(window.view, Qt.Key.Key_1)
    [added] = window.project.spans(doc)
    assert window.view.selected_span() == added.id
    assert text[added.start : added.end] == wanted

    press(window.view, Qt.Key.Key_2)  # the new span is selected: a key relabels it
    assert [s.label for s in window.project.spans(doc)] == ["weapon"]
    assert WEAPON in band_colors(window.view, added.start, added.end)

    press(window.view, Qt.Key.Key_Delete)
    assert window.project.spans(doc) == []
    assert window.view.highlights() == []

    press(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    [restored] = window.project.spans(doc)
    assert (restored.id, restored.start, restored.end, restored.label) == (
        added.id,
        added.start,
        added.end,
        "weapon",
    )
    press(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [s.label for s in window.project.spans(doc)] == ["actor"]
    assert ACTOR in band_colors(window.view, added.start, added.end)

    press(window.view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert [s.label for s in window.project.spans(doc)] == ["weapon"]
    press(
        window.view,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.project.spans(doc) == []

    for _ in range(3):
        press(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.project.spans(doc) == []
    assert window.project.get_status(doc) is Status.TODO


def test_clicking_a_span_selects_it_and_escape_clears(window):
    text = seed_text(window)
    start = text.index("قامت " + KOREA) + len("قامت ")
    drag_select(window.view, start, start + len(KOREA))
    press(window.view, Qt.Key.Key_1)
    press(window.view, Qt.Key.Key_Escape)
    assert window.view.selected_span() is None

    offsets = window.view.offset_map()
    from tests.qt.conftest import caret_point

    a = caret_point(window.view, offsets.to_qt(start))
    b = caret_point(window.view, offsets.to_qt(start + len(KOREA)))
    middle = (a + b) / 2
    QTest.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=middle)
    [span] = window.project.spans(window.current_document())
    assert window.view.selected_span() == span.id
    assert window.span_table.selectionModel().isRowSelected(0)


def test_ctrl_enter_marks_done_and_opens_the_next_document_not_done(window, project):
    seed = window.current_document()
    done = project.add_document(Document(title="already done", text="تم", status=Status.DONE))
    waiting = project.add_document(Document(title="waiting", text="ينتظر"))
    QTest.qWait(1)  # the list picks up documents added elsewhere on the next event loop turn
    press(window.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    assert project.get_status(seed) is Status.DONE
    assert window.current_document() == waiting != done
    assert window.view.toPlainText() == "ينتظر"
    row = window.documents.row_of(waiting)
    assert window.document_table.currentIndex().row() == row

    press(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert project.get_status(seed) is Status.TODO


def test_every_tricky_character_is_stored_exactly_as_selected(window, project):
    doc = project.add_document(Document(title="tricky", text=TRICKY_TEXT))
    QTest.qWait(1)
    window.open_document(doc)
    alt, plain = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.NoModifier
    cases = [  # (text, select with, key, modifier, label)
        ("بيونغ\u200cيانغ", drag_select, Qt.Key.Key_1, plain, "actor"),
        ("صاروخًا", drag_select, Qt.Key.Key_2, plain, "weapon"),
        ("152\u00a0ملم\u200e", keyboard_select, Qt.Key.Key_3, alt, "number"),
        ("\u200fقذائف", keyboard_select, Qt.Key.Key_2, alt, "weapon"),
        ("end", drag_select, Qt.Key.Key_4, plain, "event"),
        ("عاجل", drag_select, Qt.Key.Key_4, plain, "event"),
    ]
    for wanted, select, key, modifier, _label in cases:
        start = TRICKY_TEXT.index(wanted)
        select(window.view, start, start + len(wanted))
        assert window.view.selected_offsets() == (start, start + len(wanted)), wanted
        press(window.view, key, modifier)
        press(window.view, Qt.Key.Key_Escape)
    stored = {(TRICKY_TEXT[s.start : s.end], s.label) for s in project.spans(doc)}
    assert stored == {(wanted, label) for wanted, _, _, _, label in cases}
    offsets = window.view.offset_map()
    shown = window.view.document().toRawText().encode("utf-16-le")
    for highlight in window.view.highlights():
        span = highlight.span
        drawn = shown[2 * highlight.start : 2 * highlight.end].decode("utf-16-le")
        assert drawn == TRICKY_TEXT[span.start : span.end]
        assert (highlight.start, highlight.end) == offsets.range_to_qt(span.start, span.end)


def test_keyboard_selection_with_shift_arrows(window):
    text = seed_text(window)
    start = text.index("قامت " + KOREA) + len("قامت ")
    drag_select(window.view, start, start)  # a click puts the cursor before the word
    for _ in range(len("كوريا")):
        press(window.view, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert window.view.selected_offsets() == (start, start + len("كوريا"))
    press(window.view, Qt.Key.Key_1)
    assert [(s.start, s.end) for s in window.project.spans(window.current_document())] == [
        (start, start + len("كوريا"))
    ]


def test_highlights_are_on_screen_from_the_first_paint(qtbot, project, settings):
    """The first paint of a document (laid out lazily by Qt) already shows its spans."""
    from PySide6.QtCore import QPoint

    from annotator.core.edits import AddSpan
    from annotator.qt.app import article_font
    from annotator.qt.main_window import MainWindow

    doc = project.document_ids()[0]
    text = project.get_document(doc).text
    start = text.index("روسيا")
    project.apply(AddSpan(doc, start, start + len("روسيا"), "weapon"))
    other = project.add_document(Document(title="other", text="نص آخر"))
    window = MainWindow(project, settings, article_font())
    qtbot.addWidget(window)
    window.resize(780, 560)
    window.show()
    qtbot.waitExposed(window)
    window.open_document(other)
    QTest.qWait(50)
    window.open_document(doc)
    window.view.viewport().repaint()  # at once, before Qt's lazy layout has run
    screen = window.screen().grabWindow(window.winId()).toImage()
    corner = window.view.viewport().mapTo(window, QPoint(0, 0))
    drawn = band_colors(window.view, start, start + len("روسيا"), image=screen, origin=corner)
    assert WEAPON in drawn
    selected = window.document_table.selectionModel().selectedRows()
    assert [index.row() for index in selected] == [window.documents.row_of(doc)]


def test_undo_of_a_change_in_another_document_shows_that_document(window, project):
    text = seed_text(window)
    seed = window.current_document()
    start = text.index("قامت " + KOREA) + len("قامت ")
    drag_select(window.view, start, start + len(KOREA))
    press(window.view, Qt.Key.Key_1)
    other = project.add_document(Document(title="other", text="نص آخر"))
    window.open_document(other)

    press(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.current_document() == seed
    assert project.spans(seed) == [] and window.view.highlights() == []


def test_tags_inside_and_around_a_span_show_what_reopening_the_document_shows(window):
    """Nested tags stack their bands, the span list lists them in text order, and
    undo takes the last one away: the window shows what it shows once reopened."""
    text = seed_text(window)
    outer = text.index(KOREA)
    inner = outer + len(KOREA) - len("الشمالية")
    for start, end, key in (
        (inner, outer + len(KOREA), Qt.Key.Key_2),  # the word, then the name around it
        (outer, outer + len(KOREA), Qt.Key.Key_1),
        (outer, outer + len("كوريا"), Qt.Key.Key_2),
    ):
        window.view.select_offsets(start, end)
        press(window.view, key, Qt.KeyboardModifier.AltModifier)

    def shown():
        highlights = [(h.span.id, h.start, h.end, h.depth) for h in window.view.highlights()]
        listed = [window.spans.span_at(row).id for row in range(window.spans.rowCount())]
        return highlights, listed

    tagged = shown()
    assert len(tagged[1]) == 3 and max(depth for *_, depth in tagged[0]) >= 1  # stacked
    window.open_document(window.current_document())
    assert shown() == tagged
    window.editing.undo_stack.undo()
    after_undo = shown()
    window.open_document(window.current_document())
    assert shown() == after_undo and len(after_undo[1]) == 2


def span_list_on_screen(window, table=None):
    """The rows of the span list (or ``table``) as the screen shows them, once the
    window has drawn."""
    from PySide6.QtCore import QPoint

    QApplication.processEvents()
    viewport = (table or window.span_table).viewport()
    corner = viewport.mapTo(window, QPoint(0, 0))
    grab = window.screen().grabWindow(window.winId(), corner.x(), corner.y())
    return grab.copy(0, 0, viewport.width(), viewport.height()).toImage()


def test_the_span_list_on_screen_after_each_tag_is_what_a_full_repaint_draws(window, project):
    """A tag repaints only the span list's rows from its new row down (the list may
    scroll to show it first): every row on screen, above it and below, is what
    drawing the whole list anew draws, for tags in its middle, below and above it."""
    import random
    import re

    from annotator.core.edits import AddSpan, Batch

    words = [
        "دمشق",
        "بيروت",
        "عمان",
        "القاهرة",
        "بغداد",
        "الرياض",
        "تونس",
        "الرباط",
        "صنعاء",
        "الدوحة",
    ]
    text = " ".join(words * 8)
    doc = project.add_document(Document(title="many", text=text))
    places = [m.span() for m in re.finditer(r"\S+", text)]
    project.apply(Batch(tuple(AddSpan(doc, a, b, "actor") for a, b in places[::2])))
    window.open_document(doc)
    table = window.span_table
    viewport = table.viewport()

    untagged = places[1::2]
    random.Random(5).shuffle(untagged)
    scrolled = 0
    for start, end in untagged[:24]:
        window.view.select_offsets(start, end)
        before = table.verticalHeader().offset()
        press(window.view, Qt.Key.Key_2)
        scrolled += table.verticalHeader().offset() != before
        shown = span_list_on_screen(window)
        viewport.repaint()
        assert shown == span_list_on_screen(window)
        press(window.view, Qt.Key.Key_Escape)
    assert window.spans.rowCount() == len(places[::2]) + 24
    assert scrolled >= 5  # tags below and above the rows in view, not only among them


def test_rows_added_to_a_list_not_yet_drawn_are_what_a_full_repaint_draws(window, project):
    """A document opened and a span added to it in the same turn, before its list was
    drawn (its rows moved down over the previous document's): every row on screen is
    what drawing the whole list anew draws."""
    import re

    from annotator.core.edits import AddSpan, Batch

    documents = []
    for title, words in (("first", ["دمشق", "بيروت", "عمان"]), ("second", ["تونس", "صنعاء"])):
        text = " ".join(words * 12)
        doc = project.add_document(Document(title=title, text=text))
        places = [m.span() for m in re.finditer(r"\S+", text)]
        project.apply(Batch(tuple(AddSpan(doc, a, b, "actor") for a, b in places[1::2])))
        documents.append((doc, places[0::2]))
    (first, _), (second, untagged) = documents
    window.open_document(first)
    span_list_on_screen(window)
    window.open_document(second)
    start, end = untagged[1]
    project.apply(AddSpan(second, start, end, "weapon"))
    assert window.spans.rowCount() == 13  # listed, not drawn yet
    shown = span_list_on_screen(window)
    window.span_table.viewport().repaint()
    assert shown == span_list_on_screen(window)


def test_the_document_list_on_screen_after_a_tag_is_what_a_full_repaint_draws(window, project):
    """A tag repaints only the cells of the document's row it changed (its count and
    status): the list on screen shows the new count, as drawing it anew does."""
    table = window.document_table
    row = window.documents.row_of(window.current_document())
    before = span_list_on_screen(window, table)
    text = seed_text(window)
    start = text.index(KOREA)
    window.view.select_offsets(start, start + len(KOREA))
    press(window.view, Qt.Key.Key_1)
    assert window.documents.index(row, window.documents.SPANS).data() == 1
    shown = span_list_on_screen(window, table)
    assert shown != before
    table.viewport().repaint()
    assert shown == span_list_on_screen(window, table)
