"""Links drawn as arcs above the article's text, and what they say in a tooltip.

An arc leaves the top of the event span's glyphs (on its first line) and lands, with an
arrow head, on the top of the argument's; the role's name sits at its highest point.
Both ends are found from Qt's own layout of the lines (``QTextLine.cursorToX``), so in a
right-to-left line the arc joins the words where they are drawn, whatever the order of
their offsets. Two ends on one line make one curve in the room above that line; ends on
different lines (a wrapped paragraph, another paragraph) go up into the room above the
event's line, over to the paragraph's margin (the right one for right-to-left text, where
lines start), along it and in above the argument's line: the arc never crosses text.

Room above the lines (a line distance, and a top margin for the first) is made only while
the document has links: a document without them is laid out exactly as before, and the
text moves once, when its first link is made. Only links with an end on the painted lines
or passing them are drawn.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NamedTuple, cast

from PySide6.QtCore import QCoreApplication, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QTextBlockFormat,
    QTextCursor,
    QTextLine,
)
from PySide6.QtWidgets import QApplication

from annotator.core.events import Link, Role

if TYPE_CHECKING:
    from annotator.qt.article_view import ArticleView

ARC_COLOR = QColor("#5E3C99")  # a purple no label colour uses, dark enough on white
ARC_WIDTH = 1.6
FOCUS_WIDTH = 2.6  # the arcs of the event being linked or selected
MARGIN = 5  # pixels between a cross-line arc's vertical run and the text's edge


class Anchor(NamedTuple):
    """Where an arc meets a span: the middle of its glyphs on its first line, at the line's top."""

    x: float
    top: float
    line: tuple[int, int]  # block number, line index
    rtl: bool


def _x_of(line: QTextLine, position: int) -> float:
    """The x of the caret before ``position`` (PySide gives the (x, position) pair)."""
    return float(cast(tuple, line.cursorToX(position))[0])


def _pen(focus: bool) -> QPen:
    pen = QPen(ARC_COLOR, FOCUS_WIDTH if focus else ARC_WIDTH)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


class ArcLayer:
    """The links of the article's document: kept, drawn, described."""

    def __init__(self, view: ArticleView):
        self._view = view
        self._links: list[Link] = []
        self._roles: dict[str, Role] = {}
        self._positions: dict[int, tuple[int, int]] | None = None  # span id -> Qt range
        self._focus: int | None = None
        self._room = 0.0

    # -- content ----------------------------------------------------------------------------

    def set_links(self, links: Sequence[Link], roles: Sequence[Role]) -> None:
        self._links = list(links)
        self._roles = {role.name: role for role in roles}
        self._positions = None
        self._make_room(bool(self._links))
        self._view.viewport().update()

    def links(self) -> list[Link]:
        return list(self._links)

    def spans_changed(self) -> None:
        self._positions = None

    def set_focus(self, event_id: int | None) -> None:
        """Draw this event's arcs bolder (the event being linked, or the one selected)."""
        if event_id != self._focus:
            self._focus = event_id
            if self._links:
                self._view.viewport().update()

    def room(self) -> float:
        """Pixels of room above each line for the arcs; 0 while the document has no links."""
        return self._room

    def role_text(self, role: str) -> str:
        """The role as an arc names it: its display name in a right-to-left interface."""
        found = self._roles.get(role)
        if found is None:
            return role
        if QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            return found.display_name
        return found.name

    def _make_room(self, wanted: bool) -> None:
        document = self._view.document()
        room = self._label_font_metrics().height() * 1.7 if wanted else 0.0
        first = document.firstBlock()
        self._room = room
        if first.blockFormat().topMargin() == room:
            return  # as wanted already (a new document's text has no room: it gets it here)
        block_format = QTextBlockFormat()
        if wanted:
            block_format.setLineHeight(
                room, QTextBlockFormat.LineHeightTypes.LineDistanceHeight.value
            )
        else:
            block_format.setLineHeight(0, QTextBlockFormat.LineHeightTypes.SingleHeight.value)
        cursor = QTextCursor(document)
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.mergeBlockFormat(block_format)
        top = QTextBlockFormat()
        top.setTopMargin(room)
        QTextCursor(first).mergeBlockFormat(top)

    def _label_font(self) -> QFont:
        font = QFont(self._view.font())
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.6))
        return font

    def _label_font_metrics(self) -> QFontMetricsF:
        return QFontMetricsF(self._label_font())

    # -- describing ---------------------------------------------------------------------------

    def describe(self, span_id: int | None, span_text: Callable[[int], str]) -> list[str]:
        """Lines for a span's tooltip: its arguments, or the events it is an argument of."""
        lines = []
        for link in self._links:
            role = self.role_text(link.role)
            if link.event == span_id:
                lines.append(
                    QCoreApplication.translate("ArticleView", "%1: %2")
                    .replace("%1", role)
                    .replace("%2", span_text(link.argument))
                )
            elif link.argument == span_id:
                lines.append(
                    QCoreApplication.translate("ArticleView", "%1 of %2")
                    .replace("%1", role)
                    .replace("%2", span_text(link.event))
                )
        return lines

    # -- geometry -----------------------------------------------------------------------------

    def _span_positions(self) -> dict[int, tuple[int, int]]:
        if self._positions is None:
            wanted = {link.event for link in self._links} | {link.argument for link in self._links}
            self._positions = {
                h.span.id: (h.start, h.end)
                for h in self._view.highlights()
                if h.span.id in wanted and h.span.id is not None
            }
        return self._positions

    def anchor(self, span_id: int) -> Anchor | None:
        """Where an arc meets the span, in viewport pixels; None unless its line is laid out."""
        place = self._span_positions().get(span_id)
        if place is None:
            return None
        start, end = place
        view = self._view
        block = view.document().findBlock(start)
        layout = block.layout()
        if layout is None or not layout.lineCount():
            return None
        base = block.position()
        line = layout.lineForTextPosition(start - base)
        if not line.isValid():
            return None
        last = min(end - base, line.textStart() + line.textLength())
        first = start - base
        step = max(1, (last - first) // 64)
        xs = [_x_of(line, p) for p in range(first, last + 1, step)]
        xs.append(_x_of(line, last))
        origin = view.document_origin() + layout.position()
        rtl = block.textDirection() == Qt.LayoutDirection.RightToLeft
        return Anchor(
            origin.x() + (min(xs) + max(xs)) / 2,
            origin.y() + line.y(),
            (block.blockNumber(), line.lineNumber()),
            rtl,
        )

    # -- painting -----------------------------------------------------------------------------

    def paint(self, painter: QPainter, clip: QRect, first: int, last: int) -> None:
        """Draw the arcs with an end on, or passing, the lines holding Qt positions
        ``first``..``last`` (those painted)."""
        if not self._links:
            return
        positions = self._span_positions()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setClipRect(clip)
        font = self._label_font()
        painter.setFont(font)
        metrics = QFontMetricsF(font)
        width = self._view.viewport().width()
        height = self._view.viewport().height()
        same_line: dict[tuple[int, int], list[tuple[Anchor, Anchor, str, bool]]] = {}
        for index, link in enumerate(self._links):
            event, argument = positions.get(link.event), positions.get(link.argument)
            if event is None or argument is None:
                continue
            low, high = min(event[0], argument[0]), max(event[0], argument[0])
            if high < first or low > last:
                continue
            head, tail = self.anchor(link.event), self.anchor(link.argument)
            if head is None and tail is None:
                continue
            focus = self._focus is not None and link.event == self._focus
            painter.setPen(_pen(focus))
            text = self.role_text(link.role)
            if head is not None and tail is not None and head.line == tail.line:
                same_line.setdefault(head.line, []).append((head, tail, text, focus))
                continue
            rtl = (head or tail).rtl  # type: ignore[union-attr]
            margin = width - MARGIN - 3 * (index % 3) if rtl else MARGIN + 3 * (index % 3)
            self._across(painter, head, tail, event[0] < argument[0], margin, text, metrics, height)
        for arcs in same_line.values():
            # Shorter arcs lower, longer ones over them: the role names do not overlap.
            arcs.sort(key=lambda arc: abs(arc[1].x - arc[0].x))
            for level, (start, end, role, bold) in enumerate(arcs):
                painter.setPen(_pen(bold))
                self._same_line(painter, start, end, role, metrics, level, len(arcs))
        painter.restore()

    def _rise(self) -> float:
        return max(self._room - self._label_font_metrics().height() / 2 - 1, 6.0)

    def _same_line(
        self, painter, head: Anchor, tail: Anchor, text, metrics, level: int, levels: int
    ) -> None:
        rise = self._rise()
        low = metrics.height() / 2 + 2  # the lowest apex still clears the line for its name
        lift = low + (rise - low) * (level / (levels - 1) if levels > 1 else 0.5)
        top = head.top - lift
        path = QPainterPath(QPointF(head.x, head.top - 1))
        # Control points a third higher than the apex: a cubic reaches 3/4 of their height.
        path.cubicTo(
            QPointF(head.x, head.top - lift * 4 / 3),
            QPointF(tail.x, tail.top - lift * 4 / 3),
            QPointF(tail.x, tail.top - 1),
        )
        painter.drawPath(path)
        self._arrow(painter, tail)
        self._label(painter, QPointF((head.x + tail.x) / 2, top), text, metrics)

    def _across(
        self, painter, head, tail, forward: bool, margin: float, text, metrics, height
    ) -> None:
        rise = self._rise() * 0.75
        # An end off the painted area: the arc runs to the edge it lies beyond.
        outside = -20.0 if not forward else height + 20.0
        head_y = head.top - rise if head is not None else (-20.0 if forward else height + 20.0)
        tail_y = tail.top - rise if tail is not None else outside
        path = QPainterPath()
        if head is not None:
            path.moveTo(head.x, head.top - 1)
            path.lineTo(head.x, head_y)
            path.lineTo(margin, head_y)
        else:
            path.moveTo(margin, head_y)
        path.lineTo(margin, tail_y)
        if tail is not None:
            path.lineTo(tail.x, tail_y)
            path.lineTo(tail.x, tail.top - 1)
        painter.drawPath(path)
        if tail is not None:
            self._arrow(painter, tail)
            self._label(painter, QPointF((margin + tail.x) / 2, tail_y), text, metrics)
        elif head is not None:
            self._label(painter, QPointF((margin + head.x) / 2, head_y), text, metrics)

    def _arrow(self, painter, tail: Anchor) -> None:
        path = QPainterPath(QPointF(tail.x, tail.top - 1))
        path.lineTo(tail.x - 3.5, tail.top - 7)
        path.lineTo(tail.x + 3.5, tail.top - 7)
        path.closeSubpath()
        painter.fillPath(path, ARC_COLOR)

    def _label(self, painter, middle: QPointF, text: str, metrics) -> None:
        width = metrics.horizontalAdvance(text) + 6
        box = QRectF(
            middle.x() - width / 2, middle.y() - metrics.height() / 2, width, metrics.height()
        )
        painter.save()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(255, 255, 255, 230))
        painter.drawRoundedRect(box, 3, 3)
        painter.setPen(ARC_COLOR)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()
