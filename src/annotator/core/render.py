"""A document as plain text with its spans marked, for terminals and reviews."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from annotator.core.events import TYPE_ATTRIBUTE, Link, attribute
from annotator.core.model import Span


def bracketed(
    text: str, spans: list[Span], links: Iterable[Link] = (), *, ids: bool = False
) -> str:
    """'[كوريا الشمالية|actor]': nested spans nest their brackets. An event shows its type
    and arguments, '[أرسلت|event:deployment #7 agent=#3 target=#5]'; a span in a link (or
    every span, with ``ids``) shows its id, '[روسيا|actor #5]', the id `link` takes."""
    tags = _tags(spans, list(links), ids)
    opens: dict[int, list[Span]] = defaultdict(list)
    closes: dict[int, list[Span]] = defaultdict(list)
    for span in spans:
        opens[span.start].append(span)
        closes[span.end].append(span)
    parts = []
    for position in range(len(text) + 1):
        # Close inner (shorter) spans first, open outer (longer) spans first.
        for span in sorted(closes.get(position, ()), key=lambda s: s.start, reverse=True):
            parts.append(f"|{tags[id(span)]}]")
        parts.extend("[" for _ in sorted(opens.get(position, ()), key=lambda s: -s.end))
        if position < len(text):
            parts.append(text[position])
    return "".join(parts)


def _tags(spans: list[Span], links: list[Link], ids: bool) -> dict[int, str]:
    arguments: dict[int, list[str]] = defaultdict(list)
    linked: set[int] = set()
    for link in links:
        arguments[link.event].append(f"{link.role}=#{link.argument}")
        linked.update((link.event, link.argument))
    tags = {}
    for span in spans:
        tag = span.label
        event_type = attribute(span.attributes, TYPE_ATTRIBUTE)
        if event_type is not None:
            tag += f":{event_type}"
        if ids or span.id in linked:
            tag += f" #{span.id}"
        if span.id in arguments:
            tag += " " + " ".join(arguments[span.id])
        tags[id(span)] = tag
    return tags
