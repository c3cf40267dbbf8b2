"""DyGIE++ event JSONL: the sentence-level event-extraction data that current trainers read.

One JSON object a line, one line a document, as DyGIE++ documents its data
(github.com/dwadden/dygiepp, doc/data.md, "Data format")::

    {"doc_key": "12", "dataset": "annotator",
     "sentences": [["وقعت", "روسيا", "و", "كوريا", ...], [...]],
     "ner": [[[1, 1, "actor"], [3, 4, "actor"]], [...]],
     "relations": [[], []],
     "events": [[], [[[8, "deployment"], [9, 10, "agent"], [14, 14, "quantity"]]]]}

Every token index counts from the start of the document, not of the sentence; every
end is inclusive. Tokens and sentences are the other token exporters' (the Arabic
tokenizer, sentences ending after . ؟ ? ! ؛ and at line breaks), except that a
sentence never ends inside a span, nor between an event and its arguments: DyGIE++
reads an event within one sentence, so the sentences a link spans are written as one.

- ``ner``: the spans that are not events, nested ones too (DyGIE++ reads nested
  entities), in the sentence they lie in.
- ``events``: each event span as ``[[trigger, type], [first, last, role], ...]``. A
  DyGIE++ trigger is one token (as in ACE): an event span of several tokens is
  triggered by its first token, which in the Arabic news we annotate is the verb
  (أرسلت in "أرسلت بيونغ يانغ أكثر من 1500 جندي"), a proclitic the tokenizer cut
  off at its start passed over (أرسلت, not و, in "وأرسلت"); the type is the span's
  ``type`` attribute, or its label when it has none (counted in the report).
- ``relations``: every link heads at an event, so links are events' arguments;
  ``relations`` is written (an empty list a sentence) for the readers that index it.

A span with an edge inside a token is left out and listed (as in the other token
formats), and so is every link to it.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from json.encoder import encode_basestring
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import TextIO

from annotator.core.events import TYPE_ATTRIBUTE, Link, attribute
from annotator.core.labels import LabelSchema
from annotator.core.model import Document, Span
from annotator.io.json_words import QuotedWords
from annotator.io.registry import Exporter, RecordSink, TextSink
from annotator.io.report import ExportContext

DATASET = "annotator"  # DyGIE++'s label namespace for the documents (its "dataset" field)
LINK_TO_LEFT_OUT_SPAN = "link(s) not written: the event or the argument was left out (see above)"
UNTYPED_EVENTS = "event(s) without a type written with their label as the event type"
VALUES_AND_ATTRIBUTES = (
    "span value(s) and attribute(s) not written (DyGIE++ keeps an event's type only)"
)

_to_json = json.JSONEncoder(ensure_ascii=False).encode
_quote = encode_basestring  # a string as json.dumps writes it


class DygieppSink(TextSink):
    def __init__(self, stream: TextIO, context: ExportContext):
        self.stream = stream
        self.context = context
        self.quoted = QuotedWords()

    def add(self, document: Document, spans: list[Span]) -> None:
        self.add_linked(document, spans, [])

    def add_linked(self, document: Document, spans: list[Span], links: list[Link]) -> None:
        self.stream.write(dygiepp_line(document, spans, links, self.context, self.quoted))
        self.stream.write("\n")


def dygiepp_line(
    document: Document,
    spans: list[Span],
    links: list[Link],
    context: ExportContext,
    quoted: QuotedWords,
) -> str:
    """The document's DyGIE++ object as one JSON line (what ``json.dumps(...,
    ensure_ascii=False)`` gives). The sentences, most of the line, are written by hand
    from each distinct word's JSON (the encoder's pass over every token was a sixth of
    the export); spans and events, few and with values of any type, by the encoder."""
    report = context.report
    tokenized, aligned = context.aligned(document, spans)
    by_id = {item.span.id: item for item in aligned}
    kept_links = [link for link in links if link.event in by_id and link.argument in by_id]
    if len(kept_links) < len(links):
        report.not_held[LINK_TO_LEFT_OUT_SPAN] += len(links) - len(kept_links)
    together = list(map(_EDGES, aligned))
    # Each event's arguments as their JSON texts (written by hand: the encoder's pass over
    # the nested lists was a twentieth of the export).
    arguments: dict[int | None, list[str]] = {}
    for link in kept_links:
        _, event_first, event_last = by_id[link.event]
        _, first, last = by_id[link.argument]
        together.append(
            (
                event_first if event_first < first else first,
                event_last if event_last > last else last,
            )
        )
        role = link.role
        role_json = quoted[role] if type(role) is str else _to_json(role)
        found = arguments.get(link.event)
        if found is None:
            found = arguments[link.event] = []
        found.append(f", [{first}, {last}, {role_json}]")
    sentences = tokenized.sentences(together)
    word_json = tokenized.json_words(quoted)
    # The sentence a span lies in, by its first token (sentences follow one another).
    sentence_firsts = [first for first, _ in sentences]
    # Each sentence's entities and events as their JSON texts.
    ner: list[list[str]] = [[] for _ in sentences]
    events: list[list[str]] = [[] for _ in sentences]
    event_labels = context.event_labels
    untyped = dropped = 0
    # In (first, last, label) order: by label, then (a stable sort) by tokens, both in C.
    for span, first, last in sorted(sorted(aligned, key=_LABEL), key=_EDGES):
        sentence = bisect_right(sentence_firsts, first) - 1
        label, attributes = span.label, span.attributes
        dropped += (span.value is not None) + len(attributes)
        if label not in event_labels:
            label_json = quoted[label] if type(label) is str else _to_json(label)
            ner[sentence].append(f"[{first}, {last}, {label_json}]")
            continue
        event_type = attribute(attributes, TYPE_ATTRIBUTE)
        if event_type is None:
            untyped += 1
            event_type = label
        else:
            dropped -= 1  # the type is written, as the event's
        # The trigger: the first token, or the next one when the first is a proclitic.
        trigger = first + 1 if first < last and word_json[first] in _PROCLITICS else first
        event_arguments = "".join(arguments.get(span.id, ()))
        events[sentence].append(f"[[{trigger}, {_json(event_type, quoted)}]{event_arguments}]")
    if untyped:
        report.not_held[UNTYPED_EVENTS] += untyped
    if dropped:
        report.not_held[VALUES_AND_ATTRIBUTES] += dropped
    report.spans_written += len(aligned)
    sentences_json = "], [".join(
        [", ".join(word_json[first : last + 1]) for first, last in sentences]
    )
    return "".join(
        (
            '{"doc_key": ',
            _quote(str(document.id)),
            ', "dataset": ',
            _quote(DATASET),
            ', "sentences": ',
            f"[[{sentences_json}]]" if sentences else "[]",
            ', "ner": [',
            ", ".join([f"[{', '.join(items)}]" for items in ner]),
            '], "relations": [',
            ", ".join(["[]"] * len(sentences)),
            '], "events": [',
            ", ".join([f"[{', '.join(items)}]" for items in events]),
            "]}",
        )
    )


def _json(value: object, quoted: QuotedWords) -> str:
    """``value`` as ``json.dumps(value, ensure_ascii=False)`` writes it (a string quoted once
    per export)."""
    return quoted[value] if type(value) is str else _to_json(value)


# A one-letter proclitic the Arabic tokenizer cuts off a word (و, ف, ب, ل, ك), as JSON.
_PROCLITICS = frozenset(map(_quote, "وفبلك"))


_EDGES = itemgetter(1, 2)  # an aligned span's first and last token
_LABEL = attrgetter("span.label")


class DygieppExporter(Exporter):
    in_workers = True

    def open(
        self, target: TextIO | Path, labels: LabelSchema, context: ExportContext, part: str | None
    ) -> RecordSink:
        assert not isinstance(target, Path)
        return DygieppSink(target, context)
