"""Which way a piece of text reads, by its first strongly directional character (UAX #9)."""

from __future__ import annotations

import unicodedata


def is_right_to_left(text: str) -> bool:
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False
