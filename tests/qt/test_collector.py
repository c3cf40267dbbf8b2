"""The garbage collector skips the open window's long-lived objects, and no cycle leaks.

A full collection of a large open project walked every object while the window
waited; ``qt.collector`` freezes what outlives a full collection while a window is
open, and thaws it when the window closes, so cycles made meanwhile are collected.
"""

from __future__ import annotations

import gc
import weakref

from annotator.qt.app import article_font
from annotator.qt.main_window import MainWindow


class Node:
    """An object in a reference cycle: only the cyclic collector can free it."""

    def __init__(self) -> None:
        self.me = self


def test_a_cycle_made_while_a_window_was_open_is_collected_after_it_closes(
    qtbot, project, settings
):
    window = MainWindow(project, settings, article_font(), annotator_name="tester")
    qtbot.addWidget(window)
    window.show()
    assert gc.get_freeze_count() > 0  # the start-up's objects are out of the collections
    cycle = Node()
    gone = weakref.ref(cycle)
    del cycle
    gc.collect()  # a full collection while the window is open: survivors are frozen
    assert gone() is None  # garbage then is collected, not frozen
    kept = Node()
    kept_ref = weakref.ref(kept)
    gc.collect()
    del kept  # garbage now, in a cycle among frozen objects
    window.close()
    assert gc.get_freeze_count() == 0
    gc.collect()
    assert kept_ref() is None


def test_a_long_documents_spans_are_frozen_as_they_are_read_and_collections_resume(
    qtbot, project, settings
):
    """Read a page per turn, they are kept while the window is: frozen as they come, so
    no collection walks them; collections run again once a turn's pages are read."""
    import re

    from annotator.core.model import Document, Span
    from annotator.qt.span_pages import FIRST_PAGE

    text = " ".join(f"كلمة{n}" for n in range(3 * FIRST_PAGE))
    spans = [Span(m.start(), m.end(), "actor") for m in re.finditer(r"\S+", text)]
    project.import_documents([(Document(title="many", text=text), spans)])
    window = MainWindow(project, settings, article_font(), annotator_name="tester")
    qtbot.addWidget(window)
    window.show()
    frozen = gc.get_freeze_count()
    window.open_document(project.find_document(text))
    assert window.editing.loading()
    qtbot.waitUntil(lambda: not window.editing.loading(), timeout=10_000)
    assert gc.isenabled()
    assert gc.get_freeze_count() - frozen >= len(spans) - FIRST_PAGE  # each span at least
    window.close()
    assert gc.get_freeze_count() == 0
