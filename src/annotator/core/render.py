"""A document as plain text with its spans marked, for terminals and reviews."""

from __future__ import annotations

from collections import defaultdict

from annotator.core.model import Span


def bracketed(text: str, spans: list[Span]) -> str:
    """'[كوريا الشمالية|actor]': nested spans nest their brackets."""
    opens: dict[int, list[Span]] = defaultdict(list)
    closes: dict[int, list[Span]] = defaultdict(list)
    for span in spans:
        opens[span.start].append(span)
        closes[span.end].append(span)
    parts = []
    for position in range(len(text) + 1):
        # Close inner (shorter) spans first, open outer (longer) spans first.
        for span in sorted(closes.get(position, ()), key=lambda s: s.start, reverse=True):
            parts.append(f"|{span.label}]")
        parts.extend("[" for _ in sorted(opens.get(position, ()), key=lambda s: -s.end))
        if position < len(text):
            parts.append(text[position])
    return "".join(parts)
