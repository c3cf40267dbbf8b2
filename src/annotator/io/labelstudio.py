"""Label Studio JSON tasks: a JSON array that Label Studio imports with its annotations.

Each task is ``{"data": {"text", "id", "title"}, "annotations": [{"result": [...]}]}``;
each result is a ``labels`` region on the text::

    {"id": "s1", "from_name": "label", "to_name": "text", "type": "labels",
     "value": {"start": 5, "end": 11, "text": "روسيا", "labels": ["actor"]},
     "meta": {"text": ["value=1500"]}}      # only for a span with a value

A document with links adds one relation result per link, after the regions, as
Label Studio's result format documents them (docs/source/includes/result_format.md,
"relations"): the arrow goes from the event's region to the argument's, the role is
its label::

    {"type": "relation", "from_id": "s3", "to_id": "s4", "direction": "right",
     "labels": ["agent"]}

Region ids are ``s1``, ``s2``, ... in the order the spans are written, so the same
project gives the same ids. Offsets are code points, as Label Studio counts them for
text. The matching labelling config is ``<Labels name="label" toName="text">`` over
``<Text name="text" value="$text"/>``, with ``<Relations>`` holding a ``<Relation
value="agent"/>`` per role.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring
from operator import attrgetter
from pathlib import Path
from typing import Any, TextIO

from annotator.core.errors import InputError
from annotator.core.events import Link
from annotator.core.labels import LabelSchema
from annotator.core.model import Document, Span, title_from_text
from annotator.io.decoding import check_text
from annotator.io.json_words import QuotedWords
from annotator.io.registry import (
    Exporter,
    JsonArrayImporter,
    RawRecord,
    RecordSink,
)
from annotator.io.report import ExportContext

VALUE_PREFIX = "value="
LS_ATTRIBUTES = "span attribute(s) not written (Label Studio tasks keep values only)"


class LabelStudioSink(RecordSink):
    def __init__(self, stream: TextIO, context: ExportContext):
        self.stream = stream
        self.context = context
        self.first = True
        self.names = QuotedWords()  # labels and roles, quoted once
        stream.write("[")

    def add(self, document: Document, spans: list[Span]) -> None:
        self.add_linked(document, spans, [])

    def add_linked(self, document: Document, spans: list[Span], links: list[Link]) -> None:
        write = self.stream.write
        write("\n" if self.first else ",\n")
        self.first = False
        # The task in two writes: its data (the whole text) and its results, not joined into
        # one more copy of the text first.
        data, results = labelstudio_task_pieces(document, spans, links, self.names)
        write(data)
        write(results)
        report = self.context.report
        report.spans_written += len(spans)
        attributes = sum(map(len, map(_ATTRIBUTES, spans)))
        if attributes:
            report.not_held[LS_ATTRIBUTES] += attributes

    def finish(self) -> None:
        self.stream.write("\n]\n")


# Results are written by hand: json.dumps of their nested dicts (200,000 regions, 100,000
# relations at 10,000 documents) was the slowest part of the export. The output is exactly
# json.dumps(task, ensure_ascii=False) of the task the module's docstring shows. (f-strings:
# a third faster than the same %-templates.)
_to_json = json.JSONEncoder(ensure_ascii=False).encode
_ATTRIBUTES = attrgetter("attributes")


def labelstudio_task_pieces(
    document: Document, spans: list[Span], links: list[Link], names: QuotedWords
) -> tuple[str, str]:
    """A task as JSON text in two pieces, up to its annotations and the rest: its regions
    ``s1``, ``s2``, ... in span order, then a relation result per link."""
    text, quote = document.text, encode_basestring
    results = [
        f'{{"id": "s{number}", "from_name": "label", "to_name": "text", "type": "labels",'
        f' "value": {{"start": {span.start}, "end": {span.end},'
        f' "text": {quote(text[span.start : span.end])},'
        f' "labels": [{names[span.label]}]}}{"" if span.value is None else _meta(span.value)}}}'
        for number, span in enumerate(spans, start=1)
    ]
    if links:
        region = {span.id: number for number, span in enumerate(spans, start=1)}
        results.extend(
            f'{{"type": "relation", "from_id": "s{region[link.event]}",'
            f' "to_id": "s{region[link.argument]}", "direction": "right",'
            f' "labels": [{names[link.role]}]}}'
            for link in links
        )
    data = (
        f'{{"data": {{"text": {quote(text)}, "id": {_scalar_json(document.id)},'
        f' "title": {quote(document.title)}}}, "annotations": '
    )
    return data, '[{"result": [' + ", ".join(results) + "]}]}" if results else "[]}"


def _meta(value: object) -> str:
    """A span's value as the region's meta member."""
    if type(value) is int:  # most values: json.dumps twice for each cost more than the region
        return f', "meta": {{"text": ["{VALUE_PREFIX}{value}"]}}'
    return ', "meta": ' + _to_json({"text": [f"{VALUE_PREFIX}{json.dumps(value)}"]})


def _scalar_json(value: object) -> str:
    return int.__repr__(value) if type(value) is int else _to_json(value)


class LabelStudioExporter(Exporter):
    def open(
        self, target: TextIO | Path, labels: LabelSchema, context: ExportContext, part: str | None
    ) -> RecordSink:
        assert not isinstance(target, Path)
        return LabelStudioSink(target, context)


class LabelStudioImporter(JsonArrayImporter):
    """Reads the first annotation of each task (Label Studio exports one per annotator)."""

    editor_offsets = True

    what = "tasks"

    def items_of(self, value: object) -> object:
        return [value] if isinstance(value, dict) else value  # one task alone

    def record(self, path: Path, number: int, task: Any) -> RawRecord:
        source = f"{path} task {number}"
        if not isinstance(task, dict) or not isinstance(task.get("data"), dict):
            raise InputError(source, 'each task must be an object with "data"')
        data = task["data"]
        text = data.get("text")
        if not isinstance(text, str) or not text.strip():
            raise InputError(source, 'missing "data.text" (a non-empty string)')
        check_text(text, source, None)
        title = data.get("title")
        document = Document(
            title=title if isinstance(title, str) and title else title_from_text(text),
            text=text,
            source=source,
        )
        record = RawRecord(document, source)
        record.spans, record.links = self.spans_and_links(task, source)
        return record

    def spans_and_links(
        self, task: dict[str, Any], source: str
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """The regions of the task's first live annotation as spans, and its relation
        results as links between them (spans numbered 1, 2, ... as ``record_links`` reads)."""
        annotations = task.get("annotations") or task.get("completions") or []
        if not isinstance(annotations, list):
            raise InputError(source, '"annotations" must be a list')
        live = [a for a in annotations if isinstance(a, dict) and not a.get("was_cancelled")]
        if not live:
            return [], []
        results = live[0].get("result", [])
        if not isinstance(results, list):
            raise InputError(source, '"result" must be a list')
        spans: list[dict[str, Any]] = []
        span_of_region: dict[str, int] = {}  # a region's id -> its first span's number
        relations = []
        for result in results:
            if isinstance(result, dict) and result.get("type") == "relation":
                relations.append(result)
                continue
            if not isinstance(result, dict) or result.get("type") != "labels":
                continue
            value = result.get("value")
            if not isinstance(value, dict):
                raise InputError(source, 'a labels result needs a "value" object')
            names = value.get("labels")
            if not isinstance(names, list) or not names:
                raise InputError(source, 'a labels result needs "labels": [label]')
            region = result.get("id")
            if isinstance(region, str) and region not in span_of_region:
                span_of_region[region] = len(spans) + 1
            for label in names:
                span = {
                    "id": len(spans) + 1,
                    "start": value.get("start"),
                    "end": value.get("end"),
                    "label": label,
                    "text": value.get("text"),
                }
                number = _value_from_meta(result.get("meta"))
                if number is not None:
                    span["value"] = number
                spans.append(span)
        links = [
            link
            for number, relation in enumerate(relations, start=1)
            for link in _links_of(relation, number, span_of_region, source)
        ]
        return spans, links


def _links_of(
    relation: dict[str, Any], number: int, span_of_region: dict[str, int], source: str
) -> list[dict[str, Any]]:
    """A relation result as links from the event (where the arrow starts) to the argument,
    one per label (role)."""
    ends = []
    for key in ("from_id", "to_id"):
        region = relation.get(key)
        if not isinstance(region, str) or region not in span_of_region:
            raise InputError(
                source, f"relation {number}: {key} {region!r} is not the id of a labels region"
            )
        ends.append(span_of_region[region])
    direction = relation.get("direction", "right")
    if direction == "left":
        ends.reverse()
    elif direction != "right":
        raise InputError(
            source,
            f"relation {number}: direction {direction!r} does not say which end is the event"
            ' (give "right", from the event to its argument, or "left")',
        )
    roles = relation.get("labels")
    if not isinstance(roles, list) or not roles or not all(isinstance(r, str) for r in roles):
        raise InputError(source, f'relation {number}: needs "labels": [role]')
    event, argument = ends
    return [{"event": event, "argument": argument, "role": role} for role in roles]


def _value_from_meta(meta: Any) -> Any:
    if not isinstance(meta, dict) or not isinstance(meta.get("text"), list):
        return None
    for note in meta["text"]:
        if isinstance(note, str) and note.startswith(VALUE_PREFIX):
            try:
                return json.loads(note[len(VALUE_PREFIX) :])
            except json.JSONDecodeError:
                return note[len(VALUE_PREFIX) :]
    return None
