"""Label Studio JSON tasks: a JSON array that Label Studio imports with its annotations.

Each task is ``{"data": {"text", "id", "title"}, "annotations": [{"result": [...]}]}``;
each result is a ``labels`` region on the text::

    {"id": "s1", "from_name": "label", "to_name": "text", "type": "labels",
     "value": {"start": 5, "end": 11, "text": "روسيا", "labels": ["actor"]},
     "meta": {"text": ["value=1500"]}}      # only for a span with a value

Offsets are code points, as Label Studio counts them for text. The matching
labelling config is ``<Labels name="label" toName="text">`` over
``<Text name="text" value="$text"/>``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, TextIO

from annotator.core.errors import InputError
from annotator.core.labels import LabelSchema
from annotator.core.model import Document, Span, title_from_text
from annotator.io.decoding import check_text
from annotator.io.registry import (
    Exporter,
    JsonArrayImporter,
    RawRecord,
    RecordSink,
)
from annotator.io.report import ExportContext

VALUE_PREFIX = "value="


class LabelStudioSink(RecordSink):
    def __init__(self, stream: TextIO, context: ExportContext):
        self.stream = stream
        self.context = context
        self.first = True
        stream.write("[")

    def add(self, document: Document, spans: list[Span]) -> None:
        self.stream.write("\n" if self.first else ",\n")
        self.first = False
        task = labelstudio_task(document, spans)
        self.stream.write(json.dumps(task, ensure_ascii=False))
        self.context.report.spans_written += len(spans)

    def finish(self) -> None:
        self.stream.write("\n]\n")


def labelstudio_task(document: Document, spans: list[Span]) -> dict[str, Any]:
    results = []
    for number, span in enumerate(spans, start=1):
        result: dict[str, Any] = {
            "id": f"s{number}",
            "from_name": "label",
            "to_name": "text",
            "type": "labels",
            "value": {
                "start": span.start,
                "end": span.end,
                "text": span.text_in(document.text),
                "labels": [span.label],
            },
        }
        if span.value is not None:
            result["meta"] = {"text": [f"{VALUE_PREFIX}{json.dumps(span.value)}"]}
        results.append(result)
    return {
        "data": {"text": document.text, "id": document.id, "title": document.title},
        "annotations": [{"result": results}] if results else [],
    }


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
        return RawRecord(document, source, self.spans(task, source))

    def spans(self, task: dict[str, Any], source: str) -> list[dict[str, Any]]:
        annotations = task.get("annotations") or task.get("completions") or []
        if not isinstance(annotations, list):
            raise InputError(source, '"annotations" must be a list')
        live = [a for a in annotations if isinstance(a, dict) and not a.get("was_cancelled")]
        if not live:
            return []
        results = live[0].get("result", [])
        if not isinstance(results, list):
            raise InputError(source, '"result" must be a list')
        spans = []
        for result in results:
            if not isinstance(result, dict) or result.get("type") != "labels":
                continue
            value = result.get("value")
            if not isinstance(value, dict):
                raise InputError(source, 'a labels result needs a "value" object')
            names = value.get("labels")
            if not isinstance(names, list) or not names:
                raise InputError(source, 'a labels result needs "labels": [label]')
            for label in names:
                span = {
                    "start": value.get("start"),
                    "end": value.get("end"),
                    "label": label,
                    "text": value.get("text"),
                }
                number = _value_from_meta(result.get("meta"))
                if number is not None:
                    span["value"] = number
                spans.append(span)
        return spans


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
