"""Deterministic train/dev/test splits by document.

A document's part depends only on the seed and the document's text (its
content hash): the same seed and the same documents give the same split
whatever the order they are stored or exported in, and adding documents later
never moves a document that was already in the test part into train. The
proportions are therefore met on average, not to the document: with 1,000
documents and 0.8,0.1,0.1 expect about 800/100/100.
"""

from __future__ import annotations

import hashlib
from typing import Final

from annotator.core.errors import AnnotatorError
from annotator.core.model import Document, content_hash
from annotator.core.values import Value

PART_NAMES = ("train", "dev", "test")
_SCALE = 2**64


class Split(Value):
    __slots__ = ("ratios", "seed")
    ratios: Final[tuple[float, ...]]
    seed: Final[int]

    def __init__(self, ratios: tuple[float, ...], seed: int = 13) -> None:
        if len(ratios) not in (2, 3):
            raise AnnotatorError("a split has 2 parts (train, test) or 3 (train, dev, test)")
        if any(not ratio >= 0 for ratio in ratios) or sum(ratios) <= 0:
            raise AnnotatorError("split shares must be zero or more, and not all zero")
        self.ratios = ratios
        self.seed = seed

    @classmethod
    def parse(cls, spec: str, seed: int = 13) -> Split:
        """'0.8,0.1,0.1' (train, dev, test) or '0.9,0.1' (train, test); shares are normalised."""
        try:
            ratios = tuple(float(part) for part in spec.split(","))
        except ValueError:
            raise AnnotatorError(f"split {spec!r}: give 2 or 3 numbers, e.g. 0.8,0.1,0.1") from None
        return cls(ratios, seed)

    @property
    def names(self) -> tuple[str, ...]:
        return PART_NAMES if len(self.ratios) == 3 else ("train", "test")

    def part_of(self, document: Document) -> str:
        digest = document.content_hash or content_hash(document.text)
        key = hashlib.sha256(f"{self.seed}:{digest}".encode()).digest()
        position = int.from_bytes(key[:8], "big") / _SCALE * sum(self.ratios)
        bound = 0.0
        for name, ratio in zip(self.names, self.ratios, strict=True):
            bound += ratio
            if position < bound:
                return name
        # Rounding at the very top: the last part with a share.
        parts = list(zip(self.names, self.ratios, strict=True))
        return next(name for name, ratio in reversed(parts) if ratio > 0)
