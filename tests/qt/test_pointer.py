"""Mouse drags in wrapped right-to-left paragraphs give exactly the words meant.

Real press, move and release events at pixel positions, then a real label key; the
span is read back from the project file and undone before the next drag. Where a
word is on screen comes from Qt's drawing of it (``drawn_extent``), not from Qt's
hit test nor from the window's own: each drag starts inside the first word meant and
ends inside the last, at its outer edge, its middle and near its inner edge (half a
space from the gap: closer than that, the pointer counts as aiming at the gap).

At window widths 800 and 1400, twenty cases each: phrases of the sample article,
words at the ends of lines (found in the layout at that width), and numbers at the
visual left end of a line (paragraphs built until the number ends a line).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtTest import QTest

from annotator.core.model import Document
from annotator.qt.app import article_font
from annotator.qt.main_window import MainWindow
from tests.qt.conftest import drawn_extent, scroll_to

WIDTHS = (800, 1400)
NO_MODIFIER = Qt.KeyboardModifier.NoModifier
LEFT = Qt.MouseButton.LeftButton

# (words meant, which whole-word occurrence in the sample article)
PHRASES = [
    ("بيونغ يانغ", 0),  # the drag: "بيونغ يانغ أرسلت" was saved
    ("حرب", 0),  # saved as "حرب أوكرانيا"
    ("قذائف المدفعية عيار 152 ملم", 0),  # saved with "…ملم، أو"
    ("12 ألف", 0),
    ("1500", 0),
    ("كوريا الشمالية", 2),
    ("6700 حاوية", 0),
    ("ثلاثة ملايين طلقة", 0),
    ("500 ألف طلقة", 0),
    ("قاذفات الصواريخ المتعددة", 0),
    ("الولايات المتحدة الأميركية", 0),
    ("أوكرانيا", 0),
]
# A proclitic-looking first letter would be snapped away: such words are not picked.
PLAIN_WORD = re.compile(r"^[^\Wولبفك_\d][^\W_]+$")
FILLER = [
    "تثير",
    "الشراكة",
    "الدفاعية",
    "المتنامية",
    "بين",
    "الدول",
    "العديد",
    "من",
    "التساؤلات",
    "والتحديات",
    "ويرى",
    "بعض",
    "المحللين",
    "أن",
    "هذه",
    "الشراكة",
    "التي",
    "تطورت",
    "بسرعة",
    "خلال",
    "العامين",
    "الأخيرين",
    "تدل",
    "على",
    "بزوغ",
    "تحالف",
    "شرقي",
    "مناهض",
    "لنفوذ",
    "التحالف",
    "الغربي",
    "بزعامة",
    "الولايات",
    "المتحدة",
    "الأميركية",
]


@dataclass(frozen=True)
class Case:
    document: int
    start: int  # code points, the words meant
    end: int
    what: str


def whole_word(text: str, phrase: str, occurrence: int) -> int:
    found = [m.start() for m in re.finditer(rf"(?<![^\W_]){re.escape(phrase)}(?![^\W_])", text)]
    return found[occurrence]


def words_of(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(start + m.start(), start + m.end()) for m in re.finditer(r"[^\W_]+", text[start:end])]


def screen_lines(view):
    """(first, end) Qt positions of every line of a paragraph with more than one line."""
    document = view.document()
    document.documentLayout().documentSize()  # lays everything out
    block = document.begin()
    while block.isValid():
        layout = block.layout()
        if layout.lineCount() > 1:
            for index in range(layout.lineCount()):
                line = layout.lineAt(index)
                first = block.position() + line.textStart()
                last = index == layout.lineCount() - 1
                yield first, first + line.textLength(), last
        block = block.next()


def line_end_cases(window, document: int) -> list[Case]:
    """Words at the ends of lines at this width: alone, with the word before, across a break."""
    view = window.view
    text = view.text()
    offsets = view.offset_map()
    cases: list[Case] = []
    lines = [
        (offsets.to_offset(a), offsets.to_offset(b), last) for a, b, last in screen_lines(view)
    ]
    wanted = ["last word", "last two words", "across the break", "first word"]
    for (start, end, last), following in zip(lines, lines[1:], strict=False):
        if last or not wanted:
            continue
        words = words_of(text, start, end)
        next_words = words_of(text, following[0], following[1])
        if len(words) < 3 or not next_words:
            continue
        tail, before, head = words[-1], words[-2], next_words[0]
        plain = [PLAIN_WORD.match(text[a:b]) for a, b in (before, tail, head)]
        # The line must end with the word and a space: punctuation would be trimmed anyway.
        if not all(plain) or text[tail[1] : end].strip():
            continue
        what = wanted.pop(0)
        pick = {
            "last word": tail,
            "last two words": (before[0], tail[1]),
            "across the break": (tail[0], head[1]),
            "first word": head,
        }[what]
        cases.append(Case(document, *pick, f"{what} of a line"))
    assert not wanted, f"no line at this width for: {wanted}"
    return cases


def numbers_at_line_ends(window) -> tuple[int, list[Case]]:
    """A document whose paragraphs put a number at the visual left end of a line."""
    view = window.view
    sentences = [
        ("أرسلت أكثر من 1500 جندي من قواتها إلى الجبهة", "1500", "alone"),
        ("وصل عددهم إلى 6700 حاوية من الإمدادات", "6700", "with the word before"),
        ("شاركت 400 سفينة حربية وغواصة في المناورات", "400", "with the next line's word"),
        ("وقد أرسلت أكثر من 1500", "1500", "ending the paragraph"),
    ]
    paragraphs = []
    for sentence, number, _ in sentences:
        for count in range(len(FILLER)):
            paragraph = " ".join([*FILLER[:count], sentence])
            if _number_ends_a_line(view, paragraph, number):
                paragraphs.append(paragraph)
                break
        else:
            raise AssertionError(f"no paragraph puts {number} at a line's end")
    text = "\n\n".join(paragraphs)
    document = window.project.add_document(Document(title="numbers at line ends", text=text))
    cases = []
    position = 0
    for paragraph, (_, number, how) in zip(paragraphs, sentences, strict=True):
        base = text.index(paragraph, position)
        position = base + len(paragraph)
        start = paragraph.rindex(number)
        end = start + len(number)
        if how == "with the word before":
            start = paragraph.rindex(" ", 0, start - 1) + 1
        elif how == "with the next line's word":
            end = paragraph.index(" ", end + 1)
        cases.append(Case(document, base + start, base + end, f"number at a line's end, {how}"))
    return document, cases


def _number_ends_a_line(view, paragraph: str, number: str) -> bool:
    view.set_document(paragraph, [])
    start = paragraph.rindex(number)
    for first, end, last in screen_lines(view):
        if first <= start < end:
            rest = paragraph[start + len(number) : end]
            ends_paragraph = start + len(number) == len(paragraph)
            return not rest.strip() and (not last or ends_paragraph) and first < start
    return False


def aim_points(view, start: int, end: int, first: bool, rtl: bool = True) -> list[QPoint]:
    """Points inside the word ``start``-``end``: at its outer edge, middle and inner edge.

    The outer edge is the one away from the other words meant (for the first word in a
    right-to-left line, its right edge). Near the inner edge the point stays half a
    space and a pixel away from the gap.
    """
    offsets = view.offset_map()
    left, right, y = drawn_extent(view, offsets.to_qt(start), offsets.to_qt(end))
    space = QFontMetricsF(view.font()).horizontalAdvance(" ")
    keep_off = space / 2 + 1
    outer_is_right = first == rtl
    outer = right - 1.5 if outer_is_right else left + 1.5
    inner = left + keep_off if outer_is_right else right - keep_off
    middle = (left + right) / 2
    return [QPoint(round(x), round(y)) for x in (outer, middle, inner)]


def drag(view, a: QPoint, b: QPoint, steps: int = 5) -> None:
    viewport = view.viewport()
    QTest.mousePress(viewport, LEFT, NO_MODIFIER, a)
    for step in range(1, steps + 1):
        QTest.mouseMove(viewport, a + (b - a) * step / steps)
    QTest.mouseRelease(viewport, LEFT, NO_MODIFIER, b)


@pytest.fixture(params=WIDTHS, ids=lambda width: f"width{width}")
def window_at(request, qtbot, project, settings):
    window = MainWindow(project, settings, article_font(), annotator_name="tester")
    qtbot.addWidget(window)
    window.resize(request.param, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def run_case(window, case: Case) -> list[str]:
    """Every drag of a case; returns what went wrong (nothing when each gave the words)."""
    view, project = window.view, window.project
    if window.current_document() != case.document:
        window.open_document(case.document)
    text = view.text()
    offsets = view.offset_map()
    words = words_of(text, case.start, case.end)
    (first_start, first_end), (last_start, last_end) = words[0], words[-1]
    scroll_to(view, offsets.to_qt(case.end))
    scroll_to(view, offsets.to_qt(case.start))
    if len(words) == 1:
        # One word: from its right part to its left part, and back.
        outer_right, middle, _ = aim_points(view, first_start, first_end, first=True)
        outer_left, _, _ = aim_points(view, first_start, first_end, first=False)
        right_third = (outer_right * 2 + outer_left) / 3
        left_third = (outer_right + outer_left * 2) / 3
        drags = [(outer_right, outer_left), (right_third, left_third), (middle, outer_left)]
        drags += [(b, a) for a, b in drags]
    else:
        starts = aim_points(view, first_start, first_end, first=True)
        ends = aim_points(view, last_start, last_end, first=False)
        drags = [(a, b) for a in starts for b in ends]
        drags += [(ends[0], starts[0]), (ends[2], starts[2])]  # and from the last word back
    wanted = text[case.start : case.end]
    problems = []
    key = Qt.Key.Key_3 if any(ch.isdigit() for ch in wanted) else Qt.Key.Key_1
    for a, b in drags:
        drag(view, a, b)
        QTest.keyClick(view, key)
        spans = project.spans(case.document)
        got = [text[s.start : s.end] for s in spans]
        if got != [wanted]:
            problems.append(f"{case.what}: drag {a.toTuple()}->{b.toTuple()} saved {got}")
        if spans:
            QTest.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert project.spans(case.document) == []
    return problems


def test_drags_inside_the_first_and_last_words_give_exactly_those_words(window_at, project):
    window = window_at
    seed = window.current_document()
    text = project.get_document(seed).text
    cases = [
        Case(seed, start, start + len(phrase), phrase)
        for phrase, occurrence in PHRASES
        for start in [whole_word(text, phrase, occurrence)]
    ]
    cases += line_end_cases(window, seed)
    _, number_cases = numbers_at_line_ends(window)
    window.open_document(seed)
    cases += number_cases
    assert len(cases) == 20
    failed = {}
    for case in cases:
        problems = run_case(window, case)
        if problems:
            failed[case.what] = problems
    passed = len(cases) - len(failed)
    assert not failed, f"{passed} of {len(cases)} cases exact; wrong: {failed}"


def test_a_drag_past_a_lines_edge_takes_the_word_at_that_edge(window_at, project):
    """The issue's "…أكثر من 1500" at a line's end: a drag past the left edge saved nothing."""
    window = window_at
    document, cases = numbers_at_line_ends(window)
    window.open_document(document)
    view = window.view
    text = view.text()
    offsets = view.offset_map()
    # The number alone, the number with the word before it, the number ending its paragraph.
    for case in (cases[0], cases[1], cases[3]):
        words = words_of(text, case.start, case.end)
        scroll_to(view, offsets.to_qt(case.start))
        number_start, number_end = words[-1]
        left, _, y = drawn_extent(view, offsets.to_qt(number_start), offsets.to_qt(number_end))
        first_start, first_end = words[0]
        _, right, _ = drawn_extent(view, offsets.to_qt(first_start), offsets.to_qt(first_end))
        gap = round(right + QFontMetricsF(view.font()).horizontalAdvance(" ") / 2)
        middle = aim_points(view, first_start, first_end, first=True)[1]
        for press_at in (QPoint(gap, round(y)), middle):
            for beyond in (round(left) - 12, 1):
                drag(view, press_at, QPoint(beyond, round(y)))
                QTest.keyClick(view, Qt.Key.Key_3)
                got = [(text[s.start : s.end], s.value) for s in project.spans(document)]
                wanted = text[case.start : case.end]
                assert got == [(wanted, int(wanted.split()[-1]))], (case.what, press_at, beyond)
                QTest.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    # Past the right edge of a line: its first word.
    seed = window.documents.document_id(0)
    window.open_document(seed)
    head = line_end_cases(window, seed)[3]
    text, offsets = view.text(), view.offset_map()
    scroll_to(view, offsets.to_qt(head.start))
    middle = aim_points(view, head.start, head.end, first=False)[1]
    drag(view, middle, QPoint(view.viewport().width() - 2, middle.y()))
    QTest.keyClick(view, Qt.Key.Key_1)
    assert [text[s.start : s.end] for s in project.spans(seed)] == [text[head.start : head.end]]


def test_a_key_press_that_saves_nothing_says_why(window, project):
    from tests.qt.conftest import drag_select, keyboard_select

    view, bar = window.view, window.statusBar()
    doc = window.current_document()
    text = view.text()
    QTest.keyClick(view, Qt.Key.Key_Escape)
    QTest.keyClick(view, Qt.Key.Key_3)
    assert project.spans(doc) == []
    assert "select some text first" in bar.currentMessage()

    space = text.index(" ", text.index("1500") - 2)  # the space before 1500
    keyboard_select(view, space, space + 1)
    QTest.keyClick(view, Qt.Key.Key_3)
    assert project.spans(doc) == []
    assert "holds no word" in bar.currentMessage()

    start = text.index("1500")
    drag_select(view, start, start + 4)
    QTest.keyClick(view, Qt.Key.Key_3)
    [span] = project.spans(doc)
    assert (text[span.start : span.end], span.value) == ("1500", 1500)
    QTest.keyClick(view, Qt.Key.Key_3)  # the new span is selected: same label again
    assert "already" in bar.currentMessage() and len(project.spans(doc)) == 1
    QTest.keyClick(view, Qt.Key.Key_Escape)
    drag_select(view, start, start + 4)  # the same words again
    QTest.keyClick(view, Qt.Key.Key_3)
    assert len(project.spans(doc)) == 1
    assert "“1500” is already tagged" in bar.currentMessage()
    assert view.selected_span() == span.id  # and the span it meant is shown


def test_a_double_click_anywhere_on_a_word_tags_that_word(window, project):
    """Qt's own double-click, in a wrapped line, took the next word near a word's left edge."""
    view = window.view
    doc = window.current_document()
    text = view.text()
    offsets = view.offset_map()
    paragraph = text.index("تعود بداية")
    words = [
        (paragraph + m.start(), paragraph + m.end())
        for m in re.finditer(r"\S+", text[paragraph : text.index("\n", paragraph)])
        if PLAIN_WORD.match(m.group())
    ][:12]
    wrong = []
    for start, end in words:
        scroll_to(view, offsets.to_qt(start))
        left, right, y = drawn_extent(view, offsets.to_qt(start), offsets.to_qt(end))
        for x in (left + 2, (left + right) / 2, right - 2):
            point = QPoint(round(x), round(y))
            QTest.mouseDClick(view.viewport(), LEFT, NO_MODIFIER, point)
            QTest.keyClick(view, Qt.Key.Key_1)
            got = [text[s.start : s.end] for s in project.spans(doc)]
            if got != [text[start:end]]:
                wrong.append((text[start:end], x - left, got))
            if got:
                QTest.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(words) == 12 and not wrong
