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

from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NamedTuple, cast

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, QRect, QRectF, Qt
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
from annotator.core.model import Span

if TYPE_CHECKING:
    from annotator.qt.article_view import ArticleView

ARC_COLOR = QColor("#5E3C99")  # a purple no label colour uses, dark enough on white
ARC_WIDTH = 1.6
FOCUS_WIDTH = 2.6  # the arcs of the event being linked or selected
GUTTER = 12  # room beside the text, while there are links, for cross-line arcs' runs


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


class ArcLayer(QObject):
    """The links of the article's document: kept, drawn, described."""

    def __init__(self, view: ArticleView):
        super().__init__(view)
        self._view = view
        view.installEventFilter(self)  # a zoom changes the font: the room follows it
        self._links: list[Link] = []
        self._roles: dict[str, Role] = {}
        self._positions: dict[int, tuple[int, int]] | None = None  # span id -> Qt range
        self._spans: dict[int | None, Span] | None = None
        self._reaches: list[tuple[int, int, int]] | None = None  # (low, high, link index)
        self._lows: list[int] = []
        self._longest = 0
        self._names: list[tuple[QPointF, str]] = []  # role names to draw over the arcs
        self._focus: int | None = None
        self._room = 0.0

    # -- content ----------------------------------------------------------------------------

    def set_links(self, links: Sequence[Link], roles: Sequence[Role]) -> None:
        self._links = list(links)
        self._roles = {role.name: role for role in roles}
        self._reaches = None
        self._make_room(bool(self._links))
        self._view.viewport().update()

    def links(self) -> list[Link]:
        return list(self._links)

    def has_links(self) -> bool:
        return bool(self._links)

    def links_of(self, event_id: int) -> list[Link]:
        return [link for link in self._links if link.event == event_id]

    def put_link(self, link: Link) -> None:
        """One link added or changed in this window (its id known): no re-reading of all,
        and only the lines it spans are painted again."""
        place = next((i for i, old in enumerate(self._links) if old.id == link.id), None)
        if place is not None:  # another role: the same ends
            self._links[place] = link
            self._replace(self._links, link)
            return
        newest = not self._links or (self._links[-1].id or 0) < (link.id or 0)
        reaches = self._reaches if newest else None
        self._replace([*self._links, link], link)
        if reaches is not None:  # the new link goes last: one more reach, in its place
            reach = self._reach(len(self._links) - 1, link)
            if reach is not None:
                insort(reaches, reach)
                self._lows.insert(bisect_left(self._lows, reach[0]), reach[0])
                self._longest = max(self._longest, reach[1] - reach[0])
            self._reaches = reaches

    def drop_link(self, link_id: int) -> None:
        gone = next((link for link in self._links if link.id == link_id), None)
        self._replace([link for link in self._links if link.id != link_id], gone)

    def _replace(self, links: list[Link], changed: Link | None) -> None:
        had_room = bool(self._links)
        self._links = links
        self._reaches = None
        self._make_room(bool(links))
        area = self._area_of(changed) if changed is not None else None
        if area is None or had_room != bool(links):
            self._view.viewport().update()
        else:
            self._view.viewport().update(area)

    def _area_of(self, link: Link) -> QRect | None:
        """The viewport band from the room above the higher end's line to the foot of
        the lower one's (where the arc, its name and its margin run are drawn)."""
        ends = [self.anchor(link.event), self.anchor(link.argument)]
        if None in ends:
            return None
        tops = [end.top for end in ends if end is not None]
        line_height = QFontMetricsF(self._view.font()).height()
        top = int(min(tops) - self._room) - 2
        bottom = int(max(tops) + line_height) + 2
        return QRect(0, top, self._view.viewport().width(), bottom - top)

    def spans_changed(self) -> None:
        self._positions = None
        self._spans = None

    def span(self, span_id: int | None) -> Span | None:
        """The span the article shows with this id (an index, built once per change)."""
        if span_id is None:
            return None
        if self._spans is None:
            self._spans = {h.span.id: h.span for h in self._view.highlights()}
        return self._spans.get(span_id)

    def set_focus(self, event_id: int | None) -> None:
        """Draw this event's arcs bolder (the event being linked, or the one selected)."""
        if event_id != self._focus:
            self._focus = event_id
            if self._links:
                self._view.viewport().update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FontChange and self._links:
            self._make_room(True)
        return False

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
        room = self._label_font_metrics().height() * 1.5 if wanted else 0.0
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
        # One edit block: the document changes once, and the cursor is never placed on
        # screen (which lays the text out up to it: 0.1 s to reach the end of 300 KB).
        cursor.beginEditBlock()
        cursor.setPosition(document.characterCount() - 1, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeBlockFormat(block_format)
        cursor.setPosition(0)
        top = QTextBlockFormat()
        top.setTopMargin(room)
        cursor.mergeBlockFormat(top)
        frame = document.rootFrame()
        frame_format = frame.frameFormat()
        frame_format.setLeftMargin(GUTTER if wanted else 0)
        frame_format.setRightMargin(GUTTER if wanted else 0)
        frame.setFrameFormat(frame_format)
        cursor.endEditBlock()

    def _label_font(self) -> QFont:
        font = QFont(self._view.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.68))
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
        """Every shown span's Qt range by id (built once per change of the spans)."""
        if self._positions is None:
            self._positions = {
                h.span.id: (h.start, h.end)
                for h in self._view.highlights()
                if h.span.id is not None
            }
            self._reaches = None
        return self._positions

    def _reach(self, index: int, link: Link) -> tuple[int, int, int] | None:
        positions = self._span_positions()
        event, argument = positions.get(link.event), positions.get(link.argument)
        if event is None or argument is None:
            return None
        low, high = sorted((event[0], argument[0]))
        return (low, high, index)

    def _link_reaches(self) -> list[tuple[int, int, int]]:
        """Each link's text range (from its first end to its last) and index, sorted by
        start: a paint looks at the links near the painted lines only."""
        self._span_positions()
        if self._reaches is None:
            found = (self._reach(index, link) for index, link in enumerate(self._links))
            self._reaches = sorted(reach for reach in found if reach is not None)
            self._lows = [reach[0] for reach in self._reaches]
            self._longest = max((high - low for low, high, _ in self._reaches), default=0)
        return self._reaches

    def _links_reaching(self, first: int, last: int) -> list[tuple[int, Link, int, int]]:
        """(index, link, event's position, argument's) of the links whose range meets
        Qt positions ``first``..``last``, in the order of the links."""
        positions = self._span_positions()
        reaches = self._link_reaches()
        start = bisect_left(self._lows, first - self._longest)
        stop = bisect_right(self._lows, last)
        found = sorted(index for _, high, index in reaches[start:stop] if high >= first)
        links = self._links
        return [
            (
                index,
                links[index],
                positions[links[index].event][0],
                positions[links[index].argument][0],
            )
            for index in found
        ]

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
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setClipRect(clip)
        font = self._label_font()
        painter.setFont(font)
        metrics = QFontMetricsF(font)
        width = self._view.viewport().width()
        height = self._view.viewport().height()
        same_line: dict[tuple[int, int], list[tuple[Anchor, Anchor, str, bool]]] = {}
        anchors: dict[int, Anchor | None] = {}  # an event's anchor serves all its arcs

        def anchor(span_id: int) -> Anchor | None:
            if span_id not in anchors:
                anchors[span_id] = self.anchor(span_id)
            return anchors[span_id]

        for index, link, event, argument in self._links_reaching(first, last):
            head, tail = anchor(link.event), anchor(link.argument)
            if head is None and tail is None:
                continue
            focus = self._focus is not None and link.event == self._focus
            painter.setPen(_pen(focus))
            text = self.role_text(link.role)
            if head is not None and tail is not None and head.line == tail.line:
                same_line.setdefault(head.line, []).append((head, tail, text, focus))
                continue
            rtl = (head or tail).rtl  # type: ignore[union-attr]
            # In the gutter, at one of three places (runs side by side stay apart).
            offset = 5 + 2 * (index % 3)
            margin = width - offset if rtl else offset
            self._across(painter, head, tail, event < argument, margin, text, metrics, height)
        for arcs in same_line.values():
            # Shorter arcs lower, longer ones over them: the role names do not overlap.
            arcs.sort(key=lambda arc: abs(arc[1].x - arc[0].x))
            for level, (start, end, role, bold) in enumerate(arcs):
                painter.setPen(_pen(bold))
                self._same_line(painter, start, end, role, metrics, level, len(arcs))
        self._draw_names(painter, metrics)
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
        rise = self._rise()  # over the arcs within the lines
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
        self._names.append((middle, text))  # drawn once every arc is: no line crosses one

    def _draw_names(self, painter, metrics) -> None:
        for middle, text in self._names:
            self._draw_name(painter, middle, text, metrics)
        self._names = []

    def _draw_name(self, painter, middle: QPointF, text: str, metrics) -> None:
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
