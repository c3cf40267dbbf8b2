"""The Qt binding itself must not crash a long session."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtGui import QColor


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_calling_void_methods_keeps_the_reference_to_none():
    # PySide6 6.12.0 dropped one reference to None per call of a void method: after
    # a few thousand calls (one repaint of a long article) Python aborts.
    color = QColor(1, 2, 3)
    before = sys.getrefcount(None)
    for _ in range(1000):
        color.setAlpha(10)
    assert sys.getrefcount(None) >= before - 10
