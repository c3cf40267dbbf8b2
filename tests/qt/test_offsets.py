"""Stored code-point offsets against the positions Qt's document really has."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QTextCursor, QTextDocument

from annotator.qt.offsets import LONG_LINE, OffsetMap, display_text

TRICKY = "😀\U0001f1f8\U0001f1e6\r\n\r\n\u2028\u2029\u00a0\u200c\u200d\u200e\u200f\u061c\ufeff\ufdd0\u0651\u064e"
ALPHABET = TRICKY + "ab كوريا 152"


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def qt_document(text: str) -> QTextDocument:
    document = QTextDocument()
    document.setPlainText(display_text(text))
    return document


def expected_position(text: str, offset: int) -> int:
    shown = utf16_length(display_text(text[:offset]))
    if text[:offset].endswith("\r") and text[offset : offset + 1] == "\n":
        return shown - 1  # CR and LF are one separator; between them is its start
    return shown


@pytest.mark.usefixtures("qapp")
@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40))
def test_qt_keeps_the_display_text_and_positions_follow_utf16(text):
    document = qt_document(text)
    assert document.toRawText() == display_text(text)
    offsets = OffsetMap(text)
    assert offsets.qt_length == document.characterCount() - 1
    for offset in range(len(text) + 1):
        position = offsets.to_qt(offset)
        assert position == expected_position(text, offset)
        if not (0 < offset < len(text) and text[offset - 1 : offset + 1] == "\r\n"):
            assert offsets.to_offset(position) == offset


@pytest.mark.usefixtures("qapp")
@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=ALPHABET, min_size=1, max_size=30), st.data())
def test_a_qt_selection_maps_back_to_exactly_the_characters_it_shows(text, data):
    document = qt_document(text)
    offsets = OffsetMap(text)
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    cursor = QTextCursor(document)
    cursor.setPosition(offsets.to_qt(start))
    cursor.setPosition(offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
    back = offsets.range_to_offsets(cursor.selectionStart(), cursor.selectionEnd())

    def pair_start(offset):  # an edge between CR and LF moves to the start of the pair
        return (
            offset - 1
            if 0 < offset < len(text) and text[offset - 1 : offset + 1] == "\r\n"
            else offset
        )

    assert back == (pair_start(start), pair_start(end))
    shown = display_text(text).encode("utf-16-le")
    selected = shown[2 * cursor.selectionStart() : 2 * cursor.selectionEnd()].decode("utf-16-le")
    assert cursor.selectedText() == selected


@pytest.mark.usefixtures("qapp")
def test_each_tricky_character_keeps_its_place():
    text = "أ😀ب\r\nج\u00a0د\u200cه\u200fو\u200eز\u064eح\nط"
    offsets = OffsetMap(text)
    document = qt_document(text)
    units = document.toRawText().encode("utf-16-le")
    for index, char in enumerate(text):
        if char in "\r\n":
            continue
        position = offsets.to_qt(index)
        width = utf16_length(char)
        assert units[2 * position : 2 * (position + width)].decode("utf-16-le") == char
    assert offsets.to_qt(text.index("ب")) == 3  # after the emoji's two UTF-16 units
    assert offsets.to_qt(text.index("ج")) == 5  # CRLF is one separator
    assert offsets.to_offset(5) == text.index("ج")
    assert offsets.to_offset(2) == 1 and offsets.to_offset(2, round_up=True) == 2


def test_out_of_range_offsets_are_refused():
    offsets = OffsetMap("abc")
    with pytest.raises(ValueError):
        offsets.to_qt(4)
    with pytest.raises(ValueError):
        offsets.to_offset(-1)


@pytest.mark.usefixtures("qapp")
def test_a_long_line_is_shown_as_paragraphs_and_keeps_every_position():
    # Qt lays a paragraph out whole; a 5 MB line would freeze the window for seconds.
    text = " ".join(f"كلمة{n}" for n in range(3_000))
    document = qt_document(text)
    shown = document.toRawText()
    assert document.blockCount() >= len(text) // LONG_LINE
    assert all(block_length <= LONG_LINE for block_length in map(len, shown.split("\u2029")))
    assert len(shown) == len(text)
    assert all(a == b or (a == " " and b == "\u2029") for a, b in zip(text, shown, strict=True))
    offsets = OffsetMap(text)
    assert [offsets.to_qt(k) for k in range(0, len(text), 997)] == list(range(0, len(text), 997))
