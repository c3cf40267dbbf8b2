"""Where the pointer is in the text, from the glyphs as drawn rather than Qt's hit test.

Qt's hit test (``QTextLine.xToCursor``, behind ``QTextEdit.cursorForPosition`` and its
mouse selection) leaves out the width of the spaces a wrapped right-to-left line ends
with, although drawing and ``cursorToX`` count it: in such lines every hit lands that
far (a space, about one glyph) to the visual left of the pointer. And in a right-to-left
line a number is a left-to-right run, so the point left of its first digit is, in text
order, the number's start: a drag from the right of "1500" to its left selected the
space before it. So a drag here is read as what the pointer passed over on screen.

Each line is split into cells, one per character or per cluster drawn as one (a
ligature, a letter with its marks), with the x extent of its glyphs
(``QTextLine.glyphRuns``). A drag covers every cell it touches from the press to the
pointer, visually: on one line the cells between the two points, over several lines the
cells from the press to the line's end in reading order, every line between, and the
cells from the last line's start to the pointer. The selection is the text range that
holds them, so a drag past a line's edge takes everything up to that edge (the number
at the visual left end of a right-to-left line included).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextBlock, QTextLayout

_GLYPHS = (
    QTextLayout.GlyphRunRetrievalFlag.RetrieveGlyphIndexes
    | QTextLayout.GlyphRunRetrievalFlag.RetrieveGlyphPositions
    | QTextLayout.GlyphRunRetrievalFlag.RetrieveStringIndexes
)


@dataclass(frozen=True, slots=True)
class Cell:
    """Characters drawn together, and where: Qt positions and x in the block's layout."""

    start: int
    end: int
    left: float
    right: float
    rtl: bool  # drawn right to left: its text starts on its right

    def holds(self, x: float) -> bool:
        return self.left <= x < self.right


@dataclass(frozen=True, slots=True)
class ScreenLine:
    """One visual line: its text range (Qt positions), reading direction and cells."""

    block: int  # block number
    index: int  # line number within the block
    start: int
    end: int  # trailing spaces included
    rtl: bool
    cells: tuple[Cell, ...]  # left to right

    @property
    def order(self) -> tuple[int, int]:
        return self.block, self.index

    def cell_at(self, x: float) -> Cell | None:
        return next((cell for cell in self.cells if cell.holds(x)), None)


@dataclass(frozen=True, slots=True)
class Hit:
    """A pointer position: the line it is on (by height) and its x in that line's layout."""

    line: ScreenLine
    x: float

    @property
    def cell(self) -> Cell | None:
        return self.line.cell_at(self.x)

    def caret(self) -> int:
        """The text position a click puts the caret at: the nearer edge of the cell."""
        cell = self.cell
        line = self.line
        if cell is None:
            if not line.cells:
                return line.start
            left_of_all = self.x < line.cells[0].left
            return line.end if left_of_all == line.rtl else line.start
        middle = (cell.left + cell.right) / 2
        return cell.start if (self.x >= middle) == cell.rtl else cell.end


def screen_line(block: QTextBlock, index: int, is_space: Callable[[int], bool]) -> ScreenLine:
    """The cells of line ``index`` of ``block`` (laid out); ``is_space`` takes a Qt position."""
    layout = block.layout()
    line = layout.lineAt(index)
    base = block.position()
    line_start = line.textStart()
    line_end = line_start + line.textLength()
    extents: dict[int, list] = {}
    for run in line.glyphRuns(-1, -1, _GLYPHS):
        advances = run.rawFont().advancesForGlyphIndexes(run.glyphIndexes())
        rtl = run.isRightToLeft()
        for index_in_text, position, advance in zip(
            run.stringIndexes(), run.positions(), advances, strict=False
        ):
            if advance.x() <= 0:
                continue  # a mark or a dot drawn on its letter: the letter's cell holds it
            left, right = position.x(), position.x() + advance.x()
            extent = extents.setdefault(index_in_text, [left, right, rtl])
            extent[0] = min(extent[0], left)
            extent[1] = max(extent[1], right)
    ordered = sorted(extents)
    # The spaces a wrapped line ends with are not drawn: its last cluster ends before them.
    drawn_end = line_end
    while drawn_end > line_start and is_space(base + drawn_end - 1):
        drawn_end -= 1
    cells = []
    for start, (left, right, rtl) in extents.items():
        following = bisect_right(ordered, start)
        end = ordered[following] if following < len(ordered) else max(drawn_end, start + 1)
        cells.append(Cell(base + start, base + min(end, line_end), left, right, rtl))
    cells.sort(key=lambda cell: cell.left)
    rtl = block.textDirection() == Qt.LayoutDirection.RightToLeft
    return ScreenLine(
        block.blockNumber(), index, base + line_start, base + line_end, rtl, tuple(cells)
    )


def line_index_at(block: QTextBlock, y: float) -> int | None:
    """The line of ``block`` at layout height ``y``, the nearest one outside; None if empty."""
    layout = block.layout()
    count = layout.lineCount() if layout is not None else 0
    if not count:
        return None
    for index in range(count):
        line = layout.lineAt(index)
        if y < line.y() + line.height():
            return index
    return count - 1


def drag_range(press: Hit, pointer: Hit, click_slack: float) -> tuple[int, int] | None:
    """The selection (anchor, position) of a drag from ``press`` to ``pointer``.

    None for a click: a pointer still on the cell it was pressed on, and less than
    ``click_slack`` pixels away (a wide letter can be dragged across on its own).
    """
    if press.line.order == pointer.line.order:
        line = press.line
        press_cell, pointer_cell = press.cell, pointer.cell
        if press_cell == pointer_cell and abs(pointer.x - press.x) < click_slack:
            return None
        low, high = sorted((press.x, pointer.x))
        touched = [cell for cell in line.cells if cell.left <= high and cell.right > low]
        if not touched:
            return None
        start = min(cell.start for cell in touched)
        end = max(cell.end for cell in touched)
        # Which way the drag went in text order: by the cells, else by reading direction.
        if press_cell is not None and pointer_cell is not None:
            forward = press_cell.start <= pointer_cell.start
        else:
            forward = (pointer.x < press.x) == line.rtl
        return (start, end) if forward else (end, start)
    first, last = (press, pointer) if press.line.order < pointer.line.order else (pointer, press)
    start = _from(first)
    end = _to(last)
    return (start, end) if first is press else (end, start)


def _from(hit: Hit) -> int:
    """Where a drag leaving ``hit``'s line at its reading end starts, in text order."""
    line = hit.line
    if line.rtl:
        cells = [cell for cell in line.cells if cell.left <= hit.x]
    else:
        cells = [cell for cell in line.cells if cell.right > hit.x]
    return min((cell.start for cell in cells), default=line.end)


def _to(hit: Hit) -> int:
    """Where a drag coming from above into ``hit``'s line ends, in text order."""
    line = hit.line
    if line.rtl:
        cells = [cell for cell in line.cells if cell.right > hit.x]
    else:
        cells = [cell for cell in line.cells if cell.left <= hit.x]
    return max((cell.end for cell in cells), default=line.start)


def rested_on(hit: Hit, margin: float, is_gap: Callable[[int], bool]) -> int | None:
    """The Qt position of the character the pointer rests on, if it is well inside a word.

    Within ``margin`` of a gap (a space, a line's edge) the pointer counts as aiming at
    the gap: that is where a drag between two words misses by a pixel or two.
    """
    cell = hit.cell
    if cell is None or is_gap(cell.start):
        return None
    for x in (hit.x - margin, hit.x + margin):
        near = hit.line.cell_at(x)
        if near is None or is_gap(near.start):
            return None
    return cell.start
