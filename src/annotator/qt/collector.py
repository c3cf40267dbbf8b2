"""Python's cyclic garbage collector, kept from freezing the window.

A full collection walks every object the process holds, in whichever thread set it
off and holding the GIL: with a 10,000-document project open (its accepted spans
read, its search index built) that took up to a tenth of a second, during which the
window answered nothing, and it came about every few seconds of work. What survives
a full collection is long-lived data, so it is frozen (``gc.freeze``): later
collections walk only what came since. Frozen objects are still freed by reference
counting as they were; only a reference cycle among them would wait, so the freeze is
undone when a window closes (its objects are collected with the next full collection).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

from annotator.core.cyclic_gc import paused_then_frozen

_windows = 0  # windows open that asked for the freezing


def _freeze_survivors(phase: str, info: dict[str, int]) -> None:
    # Right after a full collection every object left is reachable: nothing frozen
    # here is garbage, and the next collections skip all of it.
    if phase == "stop" and info["generation"] == 2:
        gc.freeze()


def freeze_long_lived() -> None:
    """Freeze what the process holds now and whatever outlives each full collection
    from now on, while a window is open. Call ``thaw`` when it closes."""
    global _windows
    _windows += 1
    if _windows == 1:
        gc.collect()  # before the window shows: what is left is the start-up's own
        gc.freeze()
        gc.callbacks.append(_freeze_survivors)


def thaw() -> None:
    """A window closed: its objects may hold cycles, so let collections see everything."""
    global _windows
    if _windows == 0:
        return
    _windows -= 1
    if _windows == 0:
        gc.callbacks.remove(_freeze_survivors)
    gc.unfreeze()


@contextmanager
def long_lived() -> Iterator[None]:
    """What is made meanwhile is kept as long as its window (a long document's spans and
    highlights, a page per turn): frozen as it comes, rather than walked by collections
    as it ages (100,000 spans read cost 60-100 ms of collections). Collections wait
    meanwhile; a cycle made meanwhile is collected once the window closes (``thaw``)."""
    if _windows == 0:
        yield
        return
    with paused_then_frozen():
        yield
