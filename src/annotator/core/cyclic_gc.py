"""Python's cyclic collector held back while long-lived objects are made."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_then_frozen() -> Iterator[None]:
    """Collections wait while the block runs; what is still alive when it ends is frozen
    (``gc.freeze``), not left young for the next collection to walk whole. Frozen objects
    are still freed by reference counting; only a cycle among them waits for
    ``gc.unfreeze``. Nothing is done when collections are paused already (by an outer
    block)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()
