"""Checking spans that come from outside (files, other tools) before they are stored."""

from __future__ import annotations

from typing import Any

from annotator.core.long_text import TextSlices


def span_problem(
    text: TextSlices, start: Any, end: Any, label: Any, quoted: Any = None
) -> str | None:
    """Why a span cannot be stored as is, or None when it can."""
    if type(start) is not int or type(end) is not int:
        return f"offsets must be integers (got {start!r}, {end!r})"
    if not isinstance(label, str) or not label.strip():
        return f"label must be a non-empty string (got {label!r})"
    if not 0 <= start < end <= len(text):
        return f"span {start}-{end} is outside the text (length {len(text)}) or empty"
    if quoted is not None and quoted != text[start:end]:
        return (
            f"span {start}-{end} says {quoted!r} but the text there is {text[start:end]!r}"
            " (offsets must count Unicode code points, not UTF-16 units or bytes)"
        )
    return None


def value_problem(value: Any) -> str | None:
    if (
        value is None
        or isinstance(value, str)
        or (isinstance(value, int | float) and not isinstance(value, bool))
    ):
        return None
    return f"value must be a number or a string (got {value!r})"
