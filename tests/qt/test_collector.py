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
