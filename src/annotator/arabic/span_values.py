"""The value a span gets when an annotator tags it by hand."""

from __future__ import annotations

from annotator.arabic.numbers import SpanNumber, find_numbers
from annotator.arabic.suggest import NUMBER_LABEL


def value_for(label: str, span_text: str) -> SpanNumber | None:
    """A number span's value, as the number suggestions give it ('12 ألف' -> 12000).

    Only when the span holds exactly one number mention; other labels get none.
    """
    if label != NUMBER_LABEL:
        return None
    mentions = find_numbers(span_text)
    return mentions[0].value if len(mentions) == 1 else None
