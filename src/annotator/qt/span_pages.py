"""A long document's spans read a few pages per turn of the event loop, after its first.

Opening the 300 KB article with 5,000 spans read them all (30 ms), made their
highlights (20 ms) and drew them in one turn, with the text's own setting: over
100 ms with nothing else answered. The window now shows the text with its first
``FIRST_PAGE`` spans (those at its start: what is on screen), and reads the rest
here by one statement (``Project.span_reader``), ``SLICE_SECONDS`` of pages per
turn, each page shown as it comes (``ArticleView.extend_spans``). The text's layout
waits meanwhile (``ArticleView.hold_layout``): what is on screen is laid out
already, the rest is laid out when scrolled to or once the spans are all shown,
and a span not read yet cannot be drawn. Only once all are shown is the document
proposed for (``Editing.spansLoaded``), so that proposals never overlook a span
not yet read: 100,000 spans were a single turn of 300 ms when they were shown at once.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from annotator.core.model import Span
from annotator.qt import collector
from annotator.storage.project import Project

FIRST_PAGE = 500  # spans from the start of the text: more than a screen of the densest text
PAGE = 1000
SLICE_SECONDS = 0.02  # of reading and showing per turn


class SpanPages:
    """The spans of ``document_id`` after its ``first`` page, read by ``step``."""

    def __init__(self, project: Project, document_id: int, first: list[Span]):
        self._reader = project.span_reader(document_id, _last_place(first))

    def step(self, show: Callable[[list[Span]], None]) -> bool:
        """Read pages for about ``SLICE_SECONDS``, each handed to ``show``: whether all are
        read and the turn has room left for what follows."""
        started = time.perf_counter()
        with collector.long_lived():  # spans and highlights, kept while the document is open
            while not self._reader.done():
                show(self._reader.page(PAGE))
                if time.perf_counter() - started >= SLICE_SECONDS:
                    return False
        return time.perf_counter() - started < SLICE_SECONDS / 2

    def close(self) -> None:
        """Stop reading (the document changed or was closed)."""
        self._reader.close()


def _last_place(page: list[Span]) -> tuple[int, int, str]:
    """The greatest place (``Span.key()``) of a page in ``SPAN_ORDER``: the greatest
    label among its last spans of one start and end (a page of 1,000 looked through
    whole cost a tenth of reading 100,000 spans)."""
    last = page[-1]
    label = last.label
    for span in reversed(page):
        if span.start != last.start or span.end != last.end:
            break
        label = max(label, span.label)
    return (last.start, last.end, label)
