"""A long document's spans read a few pages per turn of the event loop, after its first.

Opening the 300 KB article with 5,000 spans read them all (30 ms), made their
highlights (20 ms) and drew them in one turn, with the text's own setting: over
100 ms with nothing else answered. The window now shows the text with its first
``FIRST_PAGE`` spans (those at its start: what is on screen), and reads the rest
here, ``SLICE_SECONDS`` of pages per turn; once all are read they are shown at
once (``ArticleView.set_spans``, a turn of its own unless the last page was
short), and only then is the document proposed for (``Editing.spansLoaded``),
so that proposals never overlook a span not yet read.
"""

from __future__ import annotations

import time

from annotator.core.model import Span
from annotator.storage.project import Project
from annotator.storage.rows import SPAN_ORDER

FIRST_PAGE = 500  # spans from the start of the text: more than a screen of the densest text
PAGE = 1000
SLICE_SECONDS = 0.02  # of reading per turn; showing 5,000 spans takes about as long again


class SpanPages:
    """The spans of ``document_id`` after its ``first`` page, read by ``step``."""

    def __init__(self, project: Project, document_id: int, first: list[Span]):
        self._project = project
        self._document_id = document_id
        self._spans = list(first)
        self._length = project.document_length(document_id)
        self._after: tuple[int, int, str] | None = _last_place(first)

    def step(self) -> bool:
        """Read pages for about ``SLICE_SECONDS``: whether the spans are ready to be shown.

        Read whole, they are ready in the same turn if reading took a fraction of it,
        else in the next (showing them is a turn's work of its own).
        """
        started = time.perf_counter()
        while self._after is not None:
            page = self._project.spans_page(self._document_id, self._after, PAGE, self._length)
            self._spans.extend(page)
            self._after = _last_place(page) if len(page) == PAGE else None
            if time.perf_counter() - started >= SLICE_SECONDS:
                return False
        return time.perf_counter() - started < SLICE_SECONDS / 4

    def spans(self) -> list[Span]:
        """Every span read, in ``SPAN_ORDER`` (as ``Project.spans`` gives them)."""
        return sorted(self._spans, key=SPAN_ORDER)


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
