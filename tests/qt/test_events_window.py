"""Events linked to their arguments by keys and clicks on the sample article (issue 13):
the signing of the pact and the troop dispatch, drawn as arcs, undone, redone, their event
deleted and restored, checked in the project file."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QColor, QHelpEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QToolTip

from annotator.core.events import TYPE_ATTRIBUTE, attribute
from annotator.core.link_edits import RemoveLink
from annotator.qt.arcs import ARC_COLOR, GUTTER
from annotator.storage import open_project
from tests.qt.conftest import band_colors, drag_select, drawn_extent, point_for, scroll_to

SIGNED = "وقعت"
SENT = "أرسلت"
RUSSIA = "روسيا"
KOREA = "كوريا الشمالية"
PYONGYANG = "بيونغ يانغ"
TROOPS = "1500"
ACTOR, NUMBER = "#0072b2", "#009e73"
LABEL_KEYS = {"actor": Qt.Key.Key_1, "number": Qt.Key.Key_3, "event": Qt.Key.Key_4}


def press(widget, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(widget, key, modifier)


def places(text: str) -> dict[str, tuple[int, int]]:
    """The words of the two events, found in the seed text (never numbers typed in)."""
    caption = text.index(SIGNED + " " + RUSSIA)
    sentence = text.index(PYONGYANG + " " + SENT)
    found = {
        "signed": caption,
        "signed_russia": caption + len(SIGNED) + 1,
        "korea": text.index(KOREA, caption),
        "pyongyang": sentence,
        "sent": text.index(SENT, sentence),
        "troops": text.index(TROOPS, sentence),
        "target_russia": text.index("إلى " + RUSSIA, sentence) + len("إلى "),
    }
    words = {
        "signed": SIGNED,
        "signed_russia": RUSSIA,
        "korea": KOREA,
        "pyongyang": PYONGYANG,
        "sent": SENT,
        "troops": TROOPS,
        "target_russia": RUSSIA,
    }
    return {name: (start, start + len(words[name])) for name, start in found.items()}


def tag(window, start: int, end: int, label: str) -> int:
    """The span at start..end with this label: tagged by a drag and its key if not there."""
    project, document = window.project, window.current_document()

    def existing():
        return next(
            (
                s
                for s in project.spans(document)
                if (s.start, s.end, s.label) == (start, end, label)
            ),
            None,
        )

    if existing() is None:
        drag_select(window.view, start, end)
        press(window.view, LABEL_KEYS[label])
    span = existing()
    assert span is not None and span.id is not None, f"{label} not tagged at {start}-{end}"
    return span.id


def click_span(window, start: int, end: int) -> None:
    view = window.view
    offsets = view.offset_map()
    middle = offsets.to_qt((start + end) // 2)
    scroll_to(view, middle)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point_for(view, middle))


def link_by_keys(window, event_place, argument_id: int, role_key: Qt.Key) -> None:
    """Click the event, R, Tab until the argument is chosen, the role key."""
    view = window.view
    click_span(window, *event_place)
    press(view, Qt.Key.Key_R)
    assert window.linking.active()
    for _ in range(12):
        press(view, Qt.Key.Key_Tab)
        if view.selected_span() == argument_id:
            break
    assert view.selected_span() == argument_id
    press(view, role_key)
    press(view, Qt.Key.Key_Escape)
    assert not window.linking.active()


def stored_links(project_path, document: int) -> set[tuple[int, int, int, str]]:
    """(id, event, argument, role) as a second connection reads them from the file."""
    reader = open_project(project_path)
    try:
        return {
            (link.id, link.event, link.argument, link.role)
            for link in reader.links_of_document(document)
        }
    finally:
        reader.close()


def arc_pixels(window, first_place, second_place) -> int:
    """Pixels of the arc colour above and between two spans drawn on one line."""
    view = window.view
    offsets = view.offset_map()
    first = drawn_extent(view, offsets.to_qt(first_place[0]), offsets.to_qt(first_place[1]))
    second = drawn_extent(view, offsets.to_qt(second_place[0]), offsets.to_qt(second_place[1]))
    assert abs(first[2] - second[2]) < 1, "the two spans are not on one line"
    image = view.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    left = int(min((first[0] + first[1]) / 2, (second[0] + second[1]) / 2))
    right = int(max((first[0] + first[1]) / 2, (second[0] + second[1]) / 2))
    line_height = view.fontMetrics().height()
    top = int(first[2] - 3 * line_height)
    bottom = int(first[2] - line_height / 2)
    count = 0
    for x in range(left, right + 1):
        for y in range(max(top, 0), bottom):
            color = QColor(image.pixel(int(x * ratio), int(y * ratio)))
            if (
                abs(color.red() - ARC_COLOR.red()) < 40
                and abs(color.green() - ARC_COLOR.green()) < 40
                and abs(color.blue() - ARC_COLOR.blue()) < 40
            ):
                count += 1
    return count


def show_line_of(window, place) -> None:
    """Scroll the span's line into view with room above it (where its arcs are)."""
    view = window.view
    scroll_to(view, view.offset_map().to_qt(place[0]))
    bar = view.verticalScrollBar()
    line_top = view.cursorRect().top()
    bar.setValue(max(bar.value() + line_top - view.viewport().height() // 2, 0))
    QTest.qWait(20)


def undo(window) -> None:
    press(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def redo(window) -> None:
    press(
        window.view,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )


def choose_type(window, wanted: str) -> None:
    combo = window.event_panel.type_combo
    combo.setFocus()
    for _ in range(combo.count()):
        if combo.currentData() == wanted:
            break
        press(combo, Qt.Key.Key_Down)
    assert combo.currentData() == wanted


def test_the_pact_and_the_dispatch_are_linked_drawn_undone_deleted_and_restored(
    window, project, qtbot
):
    document = window.current_document()
    text = project.get_document(document).text
    at = places(text)
    ids = {
        "signed": tag(window, *at["signed"], "event"),
        "signed_russia": tag(window, *at["signed_russia"], "actor"),
        "korea": tag(window, *at["korea"], "actor"),
        "pyongyang": tag(window, *at["pyongyang"], "actor"),
        "sent": tag(window, *at["sent"], "event"),
        "troops": tag(window, *at["troops"], "number"),
        "target_russia": tag(window, *at["target_russia"], "actor"),
    }
    spans_before = len(project.spans(document))
    stack = window.editing.undo_stack
    tagged = stack.index()

    link_by_keys(window, at["signed"], ids["signed_russia"], Qt.Key.Key_A)
    link_by_keys(window, at["signed"], ids["korea"], Qt.Key.Key_A)
    click_span(window, *at["signed"])
    choose_type(window, "agreement")
    link_by_keys(window, at["sent"], ids["pyongyang"], Qt.Key.Key_A)
    link_by_keys(window, at["sent"], ids["troops"], Qt.Key.Key_Q)
    link_by_keys(window, at["sent"], ids["target_russia"], Qt.Key.Key_T)

    wanted = {
        (ids["signed"], ids["signed_russia"], "agent"),
        (ids["signed"], ids["korea"], "agent"),
        (ids["sent"], ids["pyongyang"], "agent"),
        (ids["sent"], ids["troops"], "quantity"),
        (ids["sent"], ids["target_russia"], "target"),
    }
    stored = stored_links(project.path, document)
    assert {(event, argument, role) for _, event, argument, role in stored} == wanted
    signed = next(s for s in project.spans(document) if s.id == ids["signed"])
    assert attribute(signed.attributes, TYPE_ATTRIBUTE) == "agreement"
    assert len(project.spans(document)) == spans_before  # linking tags nothing

    # Drawn: arcs above the words they join (both events' arguments are on their lines).
    show_line_of(window, at["signed"])
    assert arc_pixels(window, at["signed"], at["korea"]) > 20
    show_line_of(window, at["sent"])
    assert arc_pixels(window, at["sent"], at["pyongyang"]) > 20

    # The panel lists the selected event's arguments with their roles.
    click_span(window, *at["sent"])
    panel = window.event_panel
    assert panel.event_id() == ids["sent"]
    listed = {
        (panel.arguments.item(row, 1).text(), panel.arguments.cellWidget(row, 0).currentData())
        for row in range(panel.arguments.rowCount())
    }
    assert listed == {(PYONGYANG, "agent"), (TROOPS, "quantity"), (RUSSIA, "target")}

    # Undo every step (5 links and the type, chosen in steps), then redo them all: the
    # same ids come back.
    window.view.setFocus()
    steps = stack.index() - tagged
    assert steps >= 6
    for _ in range(steps):
        undo(window)
    assert stored_links(project.path, document) == set()
    assert window.view.arcs.links() == []
    signed = next(s for s in project.spans(document) if s.id == ids["signed"])
    assert attribute(signed.attributes, TYPE_ATTRIBUTE) is None
    for _ in range(steps):
        redo(window)
    assert stored_links(project.path, document) == stored
    signed = next(s for s in project.spans(document) if s.id == ids["signed"])
    assert attribute(signed.attributes, TYPE_ATTRIBUTE) == "agreement"

    # Deleting the event span takes its links; undo brings them back with their ids.
    click_span(window, *at["sent"])
    assert window.view.selected_span() == ids["sent"]
    press(window.view, Qt.Key.Key_Delete)
    after_delete = stored_links(project.path, document)
    assert {event for _, event, _, _ in after_delete} == {ids["signed"]}
    show_line_of(window, at["sent"])
    assert arc_pixels(window, at["sent"], at["pyongyang"]) == 0
    undo(window)
    assert stored_links(project.path, document) == stored
    show_line_of(window, at["sent"])
    assert arc_pixels(window, at["sent"], at["pyongyang"]) > 20


def test_a_role_the_argument_cannot_take_is_refused_in_the_status_bar(window, project):
    document = window.current_document()
    text = project.get_document(document).text
    at = places(text)
    tag(window, *at["sent"], "event")
    troops = tag(window, *at["troops"], "number")
    click_span(window, *at["sent"])
    steps = window.editing.undo_stack.count()
    press(window.view, Qt.Key.Key_R)
    for _ in range(6):
        press(window.view, Qt.Key.Key_Tab)
        if window.view.selected_span() == troops:
            break
    press(window.view, Qt.Key.Key_A)  # agent takes an actor, not a number
    assert project.links_of_document(document) == []
    message = window.statusBar().currentMessage()
    assert "Not linked" in message and "actor" in message
    press(window.view, Qt.Key.Key_Escape)
    assert not window.linking.active()
    assert window.editing.undo_stack.count() == steps


def test_r_without_an_event_span_says_what_to_do(window, project):
    text = project.get_document(window.current_document()).text
    at = places(text)
    tag(window, *at["pyongyang"], "actor")
    click_span(window, *at["pyongyang"])
    press(window.view, Qt.Key.Key_R)
    assert not window.linking.active()
    assert "event span" in window.statusBar().currentMessage()


def test_hovering_a_linked_span_names_its_links(window, project):
    document = window.current_document()
    text = project.get_document(document).text
    at = places(text)
    sent = tag(window, *at["sent"], "event")
    pyongyang = tag(window, *at["pyongyang"], "actor")
    link_by_keys(window, at["sent"], pyongyang, Qt.Key.Key_A)
    assert {link.event for link in project.links_of_document(document)} == {sent}
    assert f"agent: {PYONGYANG}" in tooltip_over(window, at["sent"])
    assert f"agent of {SENT}" in tooltip_over(window, at["pyongyang"])


def tooltip_over(window, place) -> str:
    """The tooltip shown when the pointer rests on the middle of a span."""
    view = window.view
    middle = view.offset_map().to_qt((place[0] + place[1]) // 2)
    scroll_to(view, middle)
    point = point_for(view, middle)
    viewport = view.viewport()
    QTest.mouseMove(viewport, point)
    event = QHelpEvent(QEvent.Type.ToolTip, point, viewport.mapToGlobal(point))
    QApplication.sendEvent(viewport, event)
    return QToolTip.text()


def arc_pixels_in_gutter(window, upper_place, lower_place) -> int:
    """Pixels of the arc colour in the article's edge beside the lines between two spans."""
    view = window.view
    offsets = view.offset_map()
    upper = drawn_extent(view, offsets.to_qt(upper_place[0]), offsets.to_qt(upper_place[1]))
    lower = drawn_extent(view, offsets.to_qt(lower_place[0]), offsets.to_qt(lower_place[1]))
    image = view.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    width = view.viewport().width()
    count = 0
    for x in range(width - GUTTER, width):
        for y in range(int(upper[2]), int(lower[2])):
            if QColor(image.pixel(int(x * ratio), int(y * ratio))).name() == ARC_COLOR.name():
                count += 1
    return count


def test_a_link_to_the_next_line_runs_in_the_margin_of_the_right_to_left_text(window, project):
    document = window.current_document()
    text = project.get_document(document).text
    at = places(text)
    sent = tag(window, *at["sent"], "event")
    russia = tag(window, *at["target_russia"], "actor")
    view = window.view
    offsets = view.offset_map()
    for width in (900, 1000, 800, 1100, 700):  # a width where the sentence wraps between them
        window.resize(width, 800)
        QTest.qWait(20)
        event_line = drawn_extent(view, *(offsets.to_qt(p) for p in at["sent"]))[2]
        target_line = drawn_extent(view, *(offsets.to_qt(p) for p in at["target_russia"]))[2]
        if target_line > event_line:
            break
    assert target_line > event_line, "no width wraps the sentence between the two words"
    assert arc_pixels_in_gutter(window, at["sent"], at["target_russia"]) == 0
    link_by_keys(window, at["sent"], russia, Qt.Key.Key_T)
    assert {(link.event, link.argument) for link in project.links_of_document(document)} == {
        (sent, russia)
    }
    show_line_of(window, at["sent"])
    # The arc leaves the event's line, runs down the right edge (where these lines start)
    # and comes in above the target's line.
    assert arc_pixels_in_gutter(window, at["sent"], at["target_russia"]) > 10


def test_nested_spans_keep_their_bands_under_the_arcs(window, project):
    document = window.current_document()
    text = project.get_document(document).text
    at = places(text)
    tag(window, *at["sent"], "event")
    troops = tag(window, *at["troops"], "number")
    start = text.index(TROOPS + " جندي", at["sent"][0])
    soldiers = (start, start + len(TROOPS + " جندي"))
    tag(window, *soldiers, "actor")  # the troops, an actor holding the number
    link_by_keys(window, at["sent"], troops, Qt.Key.Key_Q)
    assert len(project.links_of_document(document)) == 1
    show_line_of(window, at["sent"])
    bands = band_colors(window.view, *at["troops"], 0) | band_colors(window.view, *at["troops"], 1)
    assert {ACTOR, NUMBER} <= bands


def test_the_panel_changes_a_role_and_removes_a_link_undoably(window, project):
    document = window.current_document()
    text = project.get_document(document).text
    at = places(text)
    tag(window, *at["sent"], "event")
    pyongyang = tag(window, *at["pyongyang"], "actor")
    russia = tag(window, *at["target_russia"], "actor")
    link_by_keys(window, at["sent"], pyongyang, Qt.Key.Key_A)
    # Shift+Tab goes back through the text: روسيا comes after the event, so it is reached
    # by going round from بيونغ يانغ, before it.
    click_span(window, *at["sent"])
    press(window.view, Qt.Key.Key_R)
    press(window.view, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert window.view.selected_span() == pyongyang
    for _ in range(8):
        if window.view.selected_span() == russia:
            break
        press(window.view, Qt.Key.Key_Tab)
    press(window.view, Qt.Key.Key_1)  # the first role by its number: agent
    press(window.view, Qt.Key.Key_Escape)
    roles = {link.argument: link.role for link in project.links_of_document(document)}
    assert roles == {pyongyang: "agent", russia: "agent"}

    click_span(window, *at["sent"])
    panel = window.event_panel
    row = next(r for r in range(2) if panel.arguments.item(r, 1).text() == RUSSIA)
    combo = panel.arguments.cellWidget(row, 0)
    combo.setFocus()
    while combo.currentData() != "target":
        press(combo, Qt.Key.Key_Down)
    roles = {link.argument: link.role for link in project.links_of_document(document)}
    assert roles == {pyongyang: "agent", russia: "target"}

    row = next(r for r in range(2) if panel.arguments.item(r, 1).text() == PYONGYANG)
    remove = panel.arguments.cellWidget(row, 2)
    QTest.mouseClick(remove, Qt.MouseButton.LeftButton)
    assert {link.argument for link in project.links_of_document(document)} == {russia}
    assert panel.arguments.rowCount() == 1
    window.view.setFocus()
    undo(window)
    roles = {link.argument: link.role for link in project.links_of_document(document)}
    assert roles == {pyongyang: "agent", russia: "target"}
    assert panel.arguments.rowCount() == 2


def test_undoing_a_link_removed_elsewhere_says_so_and_not_that_it_was_not_linked(window, project):
    document = window.current_document()
    at = places(project.get_document(document).text)
    tag(window, *at["sent"], "event")
    pyongyang = tag(window, *at["pyongyang"], "actor")
    link_by_keys(window, at["sent"], pyongyang, Qt.Key.Key_A)
    (link,) = project.links_of_document(document)
    elsewhere = open_project(project.path)  # the CLI, say, in another process
    try:
        elsewhere.apply(RemoveLink(link.id))
    finally:
        elsewhere.close()

    seen: list[str] = []

    def read_and_close_the_box():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, read_and_close_the_box)
            return
        seen.append(box.text())
        box.accept()

    QTimer.singleShot(0, read_and_close_the_box)
    undo(window)
    assert len(seen) == 1 and f"no link {link.id}" in seen[0]
    assert "Not linked" not in seen[0] + window.statusBar().currentMessage()
    assert stored_links(project.path, document) == set()
