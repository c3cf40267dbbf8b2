"""The read-only article: plain text, Unicode bidi, span highlights, keyboard tagging.

Highlights are painted under the text: each span's label colour, translucent, over
its characters (overlaps blend), plus a solid band at the foot of the line, one band
per nesting level, so a number inside a weapon shows both colours. Geometry comes
from Qt's own text layout (the glyph runs of each span's characters on each line
on screen, one per direction run), so the colour lands on the right glyphs in
right-to-left and mixed lines, where a Qt selection would.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left
from itertools import accumulate, islice
from operator import itemgetter
from typing import NamedTuple, cast

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QTextCursor,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QApplication, QTextEdit, QToolTip, QWidget

from annotator.core.labels import LabelSchema
from annotator.core.model import Origin, Span
from annotator.qt.arcs import ArcLayer
from annotator.qt.highlights import stacking_depths
from annotator.qt.layout_slices import LayoutInSlices
from annotator.qt.offsets import OffsetMap, display_text
from annotator.qt.pointer import Hit, drag_range, line_index_at, rested_on, screen_line

BAND = 3  # height in pixels of one nesting band
TINT_ALPHA = 70
_PLACE = itemgetter(1, 2)  # a highlight's start and end
# A key's modifiers, the keypad's left out (computed once: Python makes a flag's
# complement the first time it is asked for, 0.1 ms of the first key press).
_NOT_KEYPAD = ~Qt.KeyboardModifier.KeypadModifier


class _LabelColors(dict[str, QColor]):
    """Each label's colour, made once per label schema; grey for a label not in it."""

    def __init__(self, labels: LabelSchema):
        super().__init__((label.name, QColor(label.color)) for label in labels)

    def __missing__(self, label: str) -> QColor:
        self[label] = color = QColor("#999")
        return color


def _place_and_id(highlight: Highlight) -> tuple[int, int, int]:
    return (highlight.start, highlight.end, highlight.span.id or 0)


class Highlight(NamedTuple):  # a tuple: a document may show 100,000 of them
    span: Span
    start: int  # Qt positions
    end: int
    depth: int
    color: QColor


class ArticleView(QTextEdit):
    """Shows one document; reports label keys, span clicks and Esc to its owner."""

    tagRequested = Signal(str, bool)  # label name, exact (Alt held)
    spanSelected = Signal(object)  # span id or None
    highlightsPainted = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setUndoRedoEnabled(False)
        self.setAcceptRichText(False)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setMouseTracking(True)
        self._text = ""
        self._offsets = OffsetMap("")
        self._labels = LabelSchema([])
        self._colors = _LabelColors(self._labels)
        self._key_labels: dict[str, str] = {}
        self._highlights: list[Highlight] = []
        self._starts: list[int] = []
        self._longest = 0
        self._selected_span: int | None = None
        self._base_point_size = self.font().pointSizeF()
        self._zoom = 0
        self._press: Hit | None = None  # where a drag began, while the button is down
        self._dragged: tuple[int, int] | None = None  # the selection the drag made
        self._pointed: tuple[int, ...] = ()  # characters the drag's ends rested on
        self.arcs = ArcLayer(self)  # the document's links, drawn above the lines (qt.arcs)
        self._layout_slices = LayoutInSlices(self)  # a long text's layout, a slice per turn

    # -- content ----------------------------------------------------------------------------

    def set_labels(self, labels: LabelSchema) -> None:
        self._labels = labels
        self._colors = _LabelColors(labels)
        self._key_labels = {label.key.lower(): label.name for label in labels if label.key}

    def set_document(self, text: str, spans: list[Span]) -> None:
        self._text = text
        self._offsets = OffsetMap(text)
        self._selected_span = None
        self._press = self._dragged = None
        self.setPlainText(display_text(text))
        self._layout_slices.start(self.document())
        self.set_spans(spans)

    def hold_layout(self, hold: bool) -> None:
        """Lay out no more of a long text than is painted until released (its spans are
        being read: ``qt.span_pages``)."""
        self._layout_slices.hold(hold)

    def set_spans(self, spans: list[Span]) -> None:
        highlights = self._highlights_of(spans)
        depths = stacking_depths([(h.start, h.end) for h in highlights])
        highlights = [
            h._replace(depth=d) if d else h for h, d in zip(highlights, depths, strict=True)
        ]
        old, self._highlights = self._highlights, highlights
        self.arcs.spans_changed()
        self._starts = [h.start for h in highlights]
        self._longest = max((h.end - h.start for h in highlights), default=0)
        if self._selected_span is not None and not any(
            h.span.id == self._selected_span for h in highlights
        ):
            self._selected_span = None
        if abs(len(highlights) - len(old)) > 50:
            self.viewport().update()  # _repaint_ranges would repaint it all anyway
            return
        changed = set(map(_drawn, highlights)).symmetric_difference(map(_drawn, old))
        self._repaint_ranges([(start, end) for _, start, end, *_ in changed])

    def add_spans(self, spans: list[Span]) -> None:
        """Show ``spans`` as well (proposals arriving for the open document).

        The highlights shown stay as they are, but for those a new one overlaps:
        only such a group of overlapping spans is stacked again, and repainted.
        """
        added = self._highlights_of(spans)
        if not added:
            return
        new = set(map(id, added))
        merged = sorted(self._highlights + added, key=_PLACE)
        starts = [h.start for h in merged]
        reach = list(accumulate((h.end for h in merged), max))  # the furthest end so far
        repaint = [(h.start, h.end) for h in added]
        done = 0  # groups end before this index once stacked
        for index in [i for i, h in enumerate(merged) if id(h) in new]:
            if index < done:
                continue
            first, last = index, index + 1  # the group of spans overlapping it, by chains
            while first and starts[first] < reach[first - 1]:
                first -= 1
            while last < len(merged) and starts[last] < reach[last - 1]:
                last += 1
            done = last
            if last - first == 1:
                continue  # alone: on the lowest band, as made
            group = merged[first:last]
            depths = stacking_depths([(h.start, h.end) for h in group])
            for offset, (h, depth) in enumerate(zip(group, depths, strict=True)):
                if h.depth != depth:
                    merged[first + offset] = h._replace(depth=depth)
                    repaint.append((h.start, h.end))
        self._highlights = merged
        self.arcs.spans_changed()
        self._starts = starts
        self._longest = max(self._longest, *(h.end - h.start for h in added))
        self._repaint_ranges(repaint)

    def extend_spans(self, spans: list[Span]) -> None:
        """Show ``spans`` as well: the next page of a long document's, in ``SPAN_ORDER``,
        none placed before those shown (``qt.span_pages``).

        Only the shown spans still open where the page starts (stacked already, they
        keep their bands) and those starting there (stacked again with the page) are
        looked at: showing 100,000 spans a page at a time costs what showing them at
        once does, in turns of a few milliseconds.
        """
        added = self._highlights_of(spans)
        if not added:
            return
        shown, starts = self._highlights, self._starts
        first = added[0].start
        again = bisect_left(starts, first)  # shown ones starting where the page does
        low = bisect_left(starts, first - self._longest)
        held = [(h.end, h.depth) for h in shown[low:again] if h.end > first]
        if again < len(shown):  # a place split between pages: one order for all its spans
            added = sorted(shown[again:] + added, key=_place_and_id)
        depths = stacking_depths([(h.start, h.end) for h in added], held)
        added = [h._replace(depth=d) if d else h for h, d in zip(added, depths, strict=True)]
        del shown[again:], starts[again:]
        shown.extend(added)
        starts.extend(h.start for h in added)
        self._longest = max(self._longest, *(h.end - h.start for h in added))
        self.arcs.spans_changed()
        if self._on_screen(first, added[-1].end):
            self.viewport().update()

    def _on_screen(self, start: int, end: int) -> bool:
        """Whether Qt positions ``start`` to ``end`` may be in the part of the text shown
        (found by ``_first_block_below``: Qt's own hit test took milliseconds)."""
        top = self.verticalScrollBar().value()
        first = self._first_block_below(top)
        last = self._first_block_below(top + self.viewport().height())
        return start <= last.position() + last.length() and end >= first.position()

    def _highlights_of(self, spans: list[Span]) -> list[Highlight]:
        """Highlights of ``spans`` in text order, each on the lowest band (depth 0)."""
        colors = self._colors
        new = tuple.__new__  # a third of the cost of Highlight(...)
        if self._offsets.is_identity():  # no CRLF, no emoji: positions are offsets
            highlights = [
                new(Highlight, (span, span.start, span.end, 0, colors[span.label]))
                for span in spans
            ]
        else:
            to_qt = self._offsets.to_qt
            highlights = [
                new(Highlight, (span, to_qt(span.start), to_qt(span.end), 0, colors[span.label]))
                for span in spans
            ]
        highlights.sort(key=_PLACE)  # a stored document's spans come in this order already
        return highlights

    def _repaint_ranges(self, ranges: list[tuple[int, int]]) -> None:
        """Schedule a repaint of just the paragraphs these Qt ranges touch."""
        if len(ranges) > 50:
            self.viewport().update()
            return
        document = self.document()
        layout = document.documentLayout()
        origin = self._origin()
        width = self.viewport().width()
        for start, end in ranges:
            block = document.findBlock(start)
            while block.isValid() and block.position() <= end:
                rect = layout.blockBoundingRect(block).translated(origin)
                top, bottom = rect.top(), rect.bottom()
                text_layout = block.layout()
                if text_layout is not None and text_layout.lineCount():
                    # Only the lines the range is on: a whole paragraph costs more to draw.
                    first = text_layout.lineForTextPosition(max(start - block.position(), 0))
                    last = text_layout.lineForTextPosition(
                        min(end - block.position(), block.length() - 1)
                    )
                    if first.isValid() and last.isValid():
                        base = text_layout.position().y() + origin.y()
                        top = base + first.y()
                        bottom = base + last.y() + last.height()
                self.viewport().update(0, int(top) - 1, width, int(bottom - top) + 3)
                block = block.next()

    def _repaint_span(self, span_id: int | None) -> None:
        if span_id is not None:
            self._repaint_ranges(
                [(h.start, h.end) for h in self._highlights if h.span.id == span_id]
            )

    def text(self) -> str:
        return self._text

    def spans(self) -> list[Span]:
        """The spans shown, in the order of the text."""
        return [h.span for h in self._highlights]

    def highlights(self) -> list[Highlight]:
        return list(self._highlights)

    def offset_map(self) -> OffsetMap:
        return self._offsets

    # -- selection ------------------------------------------------------------------------

    def selected_offsets(self) -> tuple[int, int] | None:
        """The code-point range of the characters selected on screen, if any."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return self._offsets.range_to_offsets(cursor.selectionStart(), cursor.selectionEnd())

    def select_offsets(self, start: int, end: int) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._offsets.to_qt(start))
        cursor.setPosition(self._offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def clear_text_selection(self) -> None:
        cursor = self.textCursor()
        if cursor.hasSelection():
            cursor.clearSelection()
            self.setTextCursor(cursor)

    def selected_span(self) -> int | None:
        return self._selected_span

    def select_span(self, span_id: int | None, *, scroll: bool = False) -> None:
        self._repaint_span(self._selected_span)
        self._selected_span = span_id
        self._repaint_span(span_id)
        if span_id is not None and scroll:
            highlight = next((h for h in self._highlights if h.span.id == span_id), None)
            if highlight is not None:
                cursor = QTextCursor(self.document())
                cursor.setPosition(highlight.start)
                self.setTextCursor(cursor)
                self.ensureCursorVisible()
                self.viewport().update()
        self.spanSelected.emit(span_id)

    def spans_at(self, position: int) -> list[Span]:
        """Spans covering the character at Qt ``position``, innermost first."""
        first = bisect_left(self._starts, position - self._longest)
        last = bisect_left(self._starts, position + 1)
        found = [h for h in self._highlights[first:last] if h.start <= position < h.end]
        found.sort(key=lambda h: h.end - h.start)
        return [h.span for h in found]

    def character_at(self, point: QPoint) -> int | None:
        """The Qt position of the character under a viewport point, or None."""
        hit = self.hit_at(QPointF(point), exact_line=True)
        cell = hit.cell if hit is not None else None
        return cell.start if cell is not None else None

    # -- pointer ----------------------------------------------------------------------------

    def hit_at(self, point: QPointF, exact_line: bool = False) -> Hit | None:
        """Where a viewport point is in the text, from the glyphs as drawn (see qt.pointer).

        Above or below the text the nearest line counts, unless ``exact_line``.
        """
        block = self.cursorForPosition(point.toPoint()).block()
        layout = block.layout()
        if layout is None:
            return None
        local = point - self._origin() - layout.position()
        index = line_index_at(block, local.y())
        if index is None:
            return None
        if exact_line:
            line = layout.lineAt(index)
            if not line.y() <= local.y() < line.y() + line.height():
                return None
        return Hit(screen_line(block, index, self._is_space), local.x())

    def _is_space(self, position: int) -> bool:
        offset = self._offsets.to_offset(position)
        return offset < len(self._text) and self._text[offset].isspace()

    def pointed_offsets(self) -> tuple[int, ...]:
        """Code-point offsets of the characters the mouse selection's ends rested on.

        Empty unless the selection is still the one a drag made; snapping keeps
        the words holding them (see ``arabic.snapping``).
        """
        cursor = self.textCursor()
        if self._dragged != (cursor.anchor(), cursor.position()):
            return ()
        return self._pointed

    def _follow_pointer(self, point: QPointF) -> None:
        assert self._press is not None
        hit = self.hit_at(point)
        if hit is None:
            return
        selection = drag_range(self._press, hit, QApplication.startDragDistance())
        if selection is None:
            caret = self._press.caret()
            selection = (caret, caret)
        cursor = QTextCursor(self.document())
        cursor.setPosition(selection[0])
        cursor.setPosition(selection[1], QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        # Within half a space of a gap the pointer counts as aiming at the gap.
        margin = QFontMetricsF(self.font()).horizontalAdvance(" ") / 2
        rested = (rested_on(h, margin, self._is_space) for h in (self._press, hit))
        self._pointed = tuple(self._offsets.to_offset(p) for p in rested if p is not None)
        self._dragged = selection

    # -- zoom -------------------------------------------------------------------------------

    def set_base_font(self, font: QFont) -> None:
        self._base_point_size = font.pointSizeF()
        zoom, self._zoom = self._zoom, 0
        self.setFont(font)
        self.set_zoom(zoom)

    def zoom(self) -> int:
        return self._zoom

    def set_zoom(self, steps: int) -> None:
        steps = max(-8, min(20, steps))
        font = self.font()
        font.setPointSizeF(max(4.0, self._base_point_size + steps))
        self._zoom = steps
        self.setFont(font)

    # -- events -----------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        modifiers = event.modifiers() & _NOT_KEYPAD
        exact = modifiers == Qt.KeyboardModifier.AltModifier
        if modifiers in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.AltModifier):
            label = self._key_labels.get(_key_name(event))
            if label is not None:
                self.tagRequested.emit(label, exact)
                event.accept()
                return
        if event.matches(QKeySequence.StandardKey.Copy):
            # The stored characters: the view shows some spaces and CRLFs as breaks.
            selected = self.selected_offsets()
            if selected is not None:
                QApplication.clipboard().setText(self._text[selected[0] : selected[1]])
            event.accept()
            return
        if event.key() == Qt.Key.Key_Escape and modifiers == Qt.KeyboardModifier.NoModifier:
            self.clear_text_selection()
            self.select_span(None)
            event.accept()
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        left = event.button() == Qt.MouseButton.LeftButton
        extend = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if left and not extend:
            # A press starts a new selection; it never drags the old one's text away.
            self.clear_text_selection()
        super().mousePressEvent(event)
        self._press = None
        if not left:
            return
        hit = self.hit_at(event.position())
        if hit is None:
            return
        if extend:  # Shift+click: Qt kept the anchor; the end goes where the pointer is
            anchor = self.textCursor().anchor()
            cursor = QTextCursor(self.document())
            cursor.setPosition(anchor)
            cursor.setPosition(hit.caret(), QTextCursor.MoveMode.KeepAnchor)
            self.setTextCursor(cursor)
            return
        self._press = hit
        self._follow_pointer(event.position())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        if self._press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            self._follow_pointer(event.position())

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self._press = None  # Qt selects the word, and a drag from here goes word by word
        super().mouseDoubleClickEvent(event)
        if event.button() != Qt.MouseButton.LeftButton:
            return
        # The word Qt would pick, but under the pointer as drawn (see qt.pointer).
        hit = self.hit_at(event.position())
        cell = hit.cell if hit is not None else None
        if cell is None or self._is_space(cell.start):
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(cell.start)
        cursor.select(QTextCursor.SelectionType.WordUnderCursor)
        if cursor.selectionStart() <= cell.start < cursor.selectionEnd():
            self.setTextCursor(cursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton:
            return
        if self._press is not None:
            self._follow_pointer(event.position())
            self._press = None
        if self.textCursor().hasSelection():
            return
        position = self.character_at(event.position().toPoint())
        spans = self.spans_at(position) if position is not None else []
        self.select_span(spans[0].id if spans else None)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            help_event = cast(QHelpEvent, event)  # what a ToolTip event is
            position = self.character_at(help_event.pos())
            spans = self.spans_at(position) if position is not None else []
            if spans:
                QToolTip.showText(help_event.globalPos(), self._describe(spans), self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def _describe(self, spans: list[Span]) -> str:
        lines = []
        for span in spans:
            label = self._labels.get(span.label) if span.label in self._labels else None
            name = f"{label.display_name} ({label.name})" if label else span.label
            if span.origin is Origin.SUGGESTED:
                name = self.tr("%1 (suggested)").replace("%1", name)
            if span.value is not None:
                name += f" = {span.value}"
            lines.append(name)
            lines.extend(self.arcs.describe(span.id, self._span_text))
        return "\n".join(lines)

    def _span_text(self, span_id: int) -> str:
        span = self.arcs.span(span_id)
        return self._text[span.start : span.end] if span is not None else f"#{span_id}"

    # -- painting ---------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._highlights:
            # Qt lays the document out lazily, as it draws; the highlights go under the
            # text, so lay out the painted area first (a hit test does exactly that).
            bottom = event.rect().bottom() + self.verticalScrollBar().value() + 1
            self.document().documentLayout().hitTest(
                QPointF(0, bottom), Qt.HitTestAccuracy.FuzzyHit
            )
        visible = list(self._visible_blocks(event.rect()))
        if self._highlights:
            painter = QPainter(self.viewport())
            for block, top_left, highlights, lines in visible:
                if highlights:
                    self._paint_tints(painter, block, top_left, highlights, lines, event.rect())
            painter.end()
        super().paintEvent(event)
        if self._highlights:
            painter = QPainter(self.viewport())
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            for block, top_left, highlights, lines in visible:
                for highlight in highlights:
                    if highlight.span.id == self._selected_span:
                        style = Qt.PenStyle.SolidLine
                    elif highlight.span.origin is Origin.SUGGESTED:
                        style = Qt.PenStyle.DashLine
                    else:
                        continue
                    self._outline(painter, block, top_left, highlight, lines, style)
            painter.end()
        if self.arcs.has_links():
            painter = QPainter(self.viewport())
            rect = event.rect()
            # An arc is drawn in the room above its line: the lines just below count too.
            first = self.cursorForPosition(rect.topLeft()).block().position()
            below = rect.bottomLeft() + QPoint(0, int(self.arcs.room()) + 1)
            last_block = self.cursorForPosition(below).block()
            self.arcs.paint(painter, rect, first, last_block.position() + last_block.length())
            painter.end()
        self.highlightsPainted.emit()

    def document_origin(self) -> QPointF:
        return self._origin()

    def _origin(self) -> QPointF:
        """Where the document's top-left corner is in the viewport."""
        return QPointF(-self.horizontalScrollBar().value(), -self.verticalScrollBar().value())

    def _first_block_below(self, y: float):
        """The first block whose bottom is below document height ``y``.

        A binary search over laid-out blocks: right after setPlainText Qt's own hit
        test may answer with whatever block its lazy layout reached last. Blocks not
        laid out yet (they all come after those that are) count as below, so the
        search never forces the layout of the rest of a long article.
        """
        document = self.document()
        layout = document.documentLayout()
        low, high = 0, document.blockCount() - 1
        while low < high:
            middle = (low + high) // 2
            block = document.findBlockByNumber(middle)
            if not block.layout().lineCount():
                high = middle
                continue
            rect = layout.blockBoundingRect(block)
            if rect.isValid() and rect.bottom() < y:
                low = middle + 1
            else:
                high = middle
        return document.findBlockByNumber(low)

    def _visible_blocks(self, rect: QRect):
        """(block, origin, highlights, lines) of each block in ``rect``: only the lines
        in it and the highlights on those lines, so a paragraph of thousands of lines
        costs what a screenful does."""
        origin = self._origin()
        layout = self.document().documentLayout()
        block = self._first_block_below(rect.top() - origin.y())
        while block.isValid():
            geometry = layout.blockBoundingRect(block).translated(origin)
            if geometry.top() > rect.bottom():
                break
            if block.isVisible() and geometry.bottom() >= rect.top():
                text_layout = block.layout()
                top = origin.y() + text_layout.position().y()
                lines = _lines_between(text_layout, rect.top() - top, rect.bottom() - top)
                if lines:
                    base = block.position()
                    first = text_layout.lineAt(lines[0])
                    last = text_layout.lineAt(lines[-1])
                    start = base + first.textStart()
                    end = base + last.textStart() + last.textLength() + 1
                    low = bisect_left(self._starts, start - self._longest)
                    high = bisect_left(self._starts, end)
                    found = [h for h in self._highlights[low:high] if h.end > start]
                    # QTextLayout.draw adds the layout's own position to the origin given.
                    yield block, origin, found, lines
            block = block.next()

    def _paint_tints(self, painter, block, top_left: QPointF, highlights, lines, clip) -> None:
        """Each highlight's tint over its glyphs and its band at the foot of the line.

        The rectangles are the glyph runs Qt lays the characters out in (one per
        direction run, so a number in an Arabic line gets its own), the same as Qt's
        own selection would cover; filling them costs a fraction of drawing the
        layout with a selection per span, which shapes and draws the text again.
        """
        layout: QTextLayout = block.layout()
        base = block.position()
        left = top_left.x() + layout.position().x()
        block_top = top_left.y() + layout.position().y()
        rows = []  # the lines to paint: (first, end, top, height, line)
        for index in lines:
            line = layout.lineAt(index)
            top, height = block_top + line.y(), line.height()
            if top <= clip.bottom() and top + height >= clip.top():
                first = line.textStart()
                rows.append((first, first + line.textLength(), top, height, line))
        tints: dict[int, QColor] = {}
        bands = []  # drawn after every tint, so that no tint covers a band
        row = 0
        for highlight in highlights:  # in the order of their starts, as the lines are
            start, end = highlight.start - base, highlight.end - base
            while row < len(rows) and rows[row][1] <= start:
                row += 1
            tint = tints.get(id(highlight.color))
            if tint is None:
                tint = tints[id(highlight.color)] = QColor(highlight.color)
                tint.setAlpha(TINT_ALPHA)
            for first, line_end, top, height, line in islice(rows, row, None):
                if first >= end:
                    break
                piece_start = start if start > first else first
                piece_end = end if end < line_end else line_end
                if piece_start >= piece_end:
                    continue
                band_top = top + height - BAND * (highlight.depth + 1)
                for run in line.glyphRuns(piece_start, piece_end - piece_start):
                    box = run.boundingRect()
                    x, width = left + box.left(), box.width()
                    painter.fillRect(QRectF(x, top, width, height), tint)
                    bands.append((QRectF(x, band_top, width, BAND), highlight.color))
        for rect, color in bands:
            painter.fillRect(rect, color)

    def _outline(self, painter, block, top_left: QPointF, highlight, lines, style) -> None:
        layout = block.layout()
        top_left = top_left + layout.position()
        base = block.position()
        start = max(highlight.start, base) - base
        end = min(highlight.end, base + block.length() - 1) - base
        pen = QPen(highlight.color.darker(130), 2, style)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for index in lines:
            line = layout.lineAt(index)
            first = max(start, line.textStart())
            last = min(end, line.textStart() + line.textLength())
            if first >= last:
                continue
            boxes = [run.boundingRect() for run in line.glyphRuns(first, last - first)]
            if not boxes:
                continue
            low = min(box.left() for box in boxes)
            high = max(box.right() for box in boxes)
            rect = QRectF(top_left.x() + low, top_left.y() + line.y(), high - low, line.height())
            painter.drawRoundedRect(rect.adjusted(-1, 0, 1, 0), 3, 3)


def _lines_between(layout: QTextLayout, top: float, bottom: float) -> range:
    """Indexes of the layout's lines between layout heights ``top`` and ``bottom``."""
    count = layout.lineCount()
    low, high = 0, count
    while low < high:  # the first line whose bottom is below ``top``
        middle = (low + high) // 2
        line = layout.lineAt(middle)
        if line.y() + line.height() < top:
            low = middle + 1
        else:
            high = middle
    last = low
    while last < count and layout.lineAt(last).y() <= bottom:
        last += 1
    return range(low, last)


def _drawn(highlight: Highlight) -> tuple:
    """What decides how a highlight looks; a change in any of it needs a repaint."""
    span = highlight.span
    return (
        span.id,
        highlight.start,
        highlight.end,
        highlight.depth,
        highlight.color.name(),
        span.origin,
        span.value,
    )


def _key_name(event: QKeyEvent) -> str:
    """The label key a key press names; Arabic-Indic digits count as their digit."""
    key = event.key()
    if Qt.Key.Key_0 <= key <= Qt.Key.Key_9:
        return chr(key)
    text = event.text()
    if len(text) == 1:
        digit = unicodedata.digit(text, None)
        return str(digit) if digit is not None else text.lower()
    return ""
