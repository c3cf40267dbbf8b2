"""JSON Lines: our own export, doccano and Prodigy/spaCy, read and written.

Offsets everywhere are Unicode code points into ``text``, as Python slices it.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from itertools import chain, count
from json.encoder import encode_basestring
from pathlib import Path
from typing import Any, TextIO

from annotator.core.errors import InputError
from annotator.core.labels import LabelSchema
from annotator.core.model import Document, Span, Status, title_from_text
from annotator.io.decoding import (
    DuplicateKey,
    UnreadableFile,
    check_text,
    iter_lines,
    loads_strict,
    storable_name,
    unstorable_string,
)
from annotator.io.json_words import WordTemplates
from annotator.io.registry import (
    Exporter,
    Importer,
    RawRecord,
    RecordSink,
)
from annotator.io.report import INSIDE_TOKEN_CHARS_ONLY, ExportContext


def iter_json_lines(path: Path, encoding: str | None) -> Iterator[tuple[int, Any] | InputError]:
    """Each line's JSON value, or an error naming the line; read as a stream.

    A file that stops being decodable ends with an ``UnreadableFile`` error: the
    whole file is to be refused (see importing.import_paths).
    """
    source = str(path)
    loads = loads_strict
    surrogate_escape = _SURROGATE_ESCAPE.search
    try:
        for number, line in iter_lines(path, encoding):
            if not line or line.isspace():
                continue
            try:
                obj = loads(line)
            except json.JSONDecodeError as exc:
                yield InputError(source, f"not valid JSON ({exc.msg})", line=number)
                continue
            except DuplicateKey as exc:
                yield InputError(source, str(exc), line=number)
                continue
            except RecursionError:
                yield InputError(source, "not valid JSON (nested too deeply)", line=number)
                continue
            except ValueError as exc:
                # NaN/Infinity, or an integer with thousands of digits (Python's limit).
                yield InputError(source, f"not valid JSON ({exc})", line=number)
                continue
            # The decoded file holds no lone surrogate, so only a \\uD800-\\uDFFF escape
            # can put one in a record: walk the record only when the line has such an escape.
            problem = unstorable_string(obj) if surrogate_escape(line) else None
            del line  # as large as the record: not kept while the record is used
            if problem is not None:
                yield InputError(source, problem, line=number)
                continue
            # Handed over without keeping it: a record can be the size of the file.
            handed = [(number, obj)]
            del obj
            yield handed.pop()
    except UnreadableFile as exc:
        yield exc


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89abcdefABCDEF]")


class JsonlImporter(Importer):
    """Shared reading loop; subclasses say where the spans are in a record."""

    streams = True

    def read(self, path: Path, encoding: str | None) -> Iterator[RawRecord | InputError]:
        for item in iter_json_lines(path, encoding):
            if isinstance(item, InputError):
                yield item
                continue
            number, obj = item
            del item
            try:
                record: RawRecord | InputError = self.record(obj, str(path), number)
            except InputError as exc:
                record = exc
            del obj
            handed = [record]  # not kept here while the import stores it
            del record
            yield handed.pop()

    def record(self, obj: Any, source: str, line: int) -> RawRecord:
        if not isinstance(obj, dict):
            raise InputError(source, "each line must be a JSON object", line=line)
        text = obj.get("text")
        if not isinstance(text, str):
            raise InputError(source, 'missing "text" (a string)', line=line)
        if not text or text.isspace():  # (strip() would copy the whole text)
            raise InputError(source, '"text" is empty', line=line)
        digest = check_text(text, source, line)
        document = self.document(obj, text, source, line)
        document.content_hash = digest
        return RawRecord(document, source, self.spans(obj, source, line), line)

    def document(self, obj: dict[str, Any], text: str, source: str, line: int) -> Document:
        meta = obj.get("meta")
        title = obj.get("title")
        return Document(
            title=title if isinstance(title, str) and title else title_from_text(text),
            text=text,
            source=f"{storable_name(source)}:{line}",
            meta=meta if isinstance(meta, dict) else {},
        )

    def spans(self, obj: dict[str, Any], source: str, line: int) -> list[dict[str, Any]]:
        raw = obj.get("spans", [])
        if raw is None:
            return []
        if not isinstance(raw, list):
            raise InputError(source, '"spans" must be a list of objects', line=line)
        return raw


_STATUSES = {status.value: status for status in Status}


class NativeJsonl(JsonlImporter):
    def document(self, obj: dict[str, Any], text: str, source: str, line: int) -> Document:
        document = super().document(obj, text, source, line)
        status = obj.get("status", Status.TODO.value)
        if not isinstance(status, str) or status not in _STATUSES:
            raise InputError(
                source, f"unknown status {status!r} (todo, in_progress or done)", line=line
            )
        original = obj.get("source")
        if isinstance(original, str) and original:
            document.source = original
        document.status = _STATUSES[status]
        return document


class ProdigyJsonl(JsonlImporter):
    """Spans are where our own JSONL has them."""


class DoccanoJsonl(JsonlImporter):
    editor_offsets = True

    def spans(self, obj: dict[str, Any], source: str, line: int) -> list[dict[str, Any]]:
        if isinstance(obj.get("entities"), list):
            spans = []
            for entity in obj["entities"]:
                if not isinstance(entity, dict):
                    raise InputError(source, '"entities" must be a list of objects', line=line)
                spans.append(
                    {
                        "start": entity.get("start_offset"),
                        "end": entity.get("end_offset"),
                        "label": entity.get("label"),
                    }
                )
            return spans
        raw = obj.get("label", obj.get("labels", []))
        if raw is None:
            return []
        if not isinstance(raw, list):
            raise InputError(source, '"label" must be a list of [start, end, label]', line=line)
        spans = []
        for triple in raw:
            if not isinstance(triple, list) or len(triple) != 3:
                raise InputError(
                    source, f"each label must be [start, end, label], got {triple!r}", line=line
                )
            spans.append({"start": triple[0], "end": triple[1], "label": triple[2]})
        return spans


def detect_jsonl_flavour(path: Path, encoding: str | None) -> str:
    """Look at the first record: doccano keeps spans under "label", ours has a title/status."""
    for item in iter_json_lines(path, encoding):
        if isinstance(item, InputError):
            return "jsonl"
        _, obj = item
        if not isinstance(obj, dict):
            return "jsonl"
        if "label" in obj or "labels" in obj or "entities" in obj:
            return "doccano"
        if "title" in obj or "status" in obj:
            return "jsonl"
        return "prodigy"
    return "jsonl"


# Exactly json.dumps(..., ensure_ascii=False), without building an encoder for each line.
_to_json = json.JSONEncoder(ensure_ascii=False).encode


class JsonlSink(RecordSink):
    def __init__(self, stream: TextIO, to_object: Callable[[Document, list[Span]], dict[str, Any]]):
        self.stream = stream
        self.to_object = to_object

    def add(self, document: Document, spans: list[Span]) -> None:
        self.stream.write(_to_json(self.to_object(document, spans)))
        self.stream.write("\n")


class JsonlExporter(Exporter):
    def open(
        self, target: TextIO | Path, labels: LabelSchema, context: ExportContext, part: str | None
    ) -> RecordSink:
        assert not isinstance(target, Path)
        report = context.report

        def to_object(document: Document, spans: list[Span]) -> dict[str, Any]:
            obj = self.to_object(document, spans, context)
            report.spans_written += len(spans)
            return obj

        return JsonlSink(target, to_object)

    def to_object(
        self, document: Document, spans: list[Span], context: ExportContext
    ) -> dict[str, Any]:
        raise NotImplementedError


class NativeExporter(JsonlExporter):
    def to_object(
        self, document: Document, spans: list[Span], context: ExportContext
    ) -> dict[str, Any]:
        return {
            "id": document.id,
            "title": document.title,
            "text": document.text,
            "status": document.status.value,
            "source": document.source,
            "spans": [native_span(document.text, span) for span in spans],
            "meta": document.meta,
        }


def native_span(text: str, span: Span) -> dict[str, Any]:
    item: dict[str, Any] = {
        "start": span.start,
        "end": span.end,
        "label": span.label,
        "text": text[span.start : span.end],
    }
    if span.value is not None:
        item["value"] = span.value
    item["annotator"] = span.annotator
    return item


# doccano drops such spans on import unless its project allows them.
DOCCANO_OVERLAP = (
    "written, but overlaps a longer or earlier span: doccano keeps it only in a project"
    " with 'Allow overlapping spans' checked (project settings), and drops it otherwise"
)


def overlapping(spans: list[Span]) -> list[Span]:
    """Spans that overlap a longer or earlier one (what a flat annotation tool drops)."""
    found = []
    covered_to = -1
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if span.start < covered_to:
            found.append(span)
        covered_to = max(covered_to, span.end)
    return found


class DoccanoExporter(JsonlExporter):
    def to_object(
        self, document: Document, spans: list[Span], context: ExportContext
    ) -> dict[str, Any]:
        values = sum(span.value is not None for span in spans)
        if values:
            context.report.not_held["span value(s) not written (doccano has no place)"] += values
        for span in overlapping(spans):
            context.report.note(document, span, DOCCANO_OVERLAP)
        return {
            "id": document.id,
            "text": document.text,
            "label": [[span.start, span.end, span.label] for span in spans],
        }


class ProdigyExporter(Exporter):
    """Prodigy / spaCy JSONL with tokens; spans carry token_start and token_end (inclusive).

    A span whose edge falls inside a token has no token indexes: it is written
    with its character offsets only (nothing is lost, and Prodigy can re-tokenize)
    and listed in the report, so it can be fixed before training.
    """

    def open(
        self, target: TextIO | Path, labels: LabelSchema, context: ExportContext, part: str | None
    ) -> RecordSink:
        assert not isinstance(target, Path)
        return ProdigySink(target, context)


class ProdigySink(RecordSink):
    def __init__(self, stream: TextIO, context: ExportContext):
        self.stream = stream
        self.context = context
        self.templates = WordTemplates(_TOKEN_JSON)

    def add(self, document: Document, spans: list[Span]) -> None:
        self.stream.write(prodigy_line(document, spans, self.context, self.templates))
        self.stream.write("\n")


# Token objects are written by hand because json.dumps of 4 million small dicts is the
# slowest part of a large export: one %-format per document over its tokens' templates
# (each word quoted once per export). The output is exactly json.dumps(..., ensure_ascii=False).
_TOKEN_JSON = '{"text": %s, "start": %%d, "end": %%d, "id": %%d, "ws": %%s}, '
_quote = encode_basestring
_JSON_BOOLEAN = {True: "true", False: "false"}


def _tokens_json(
    words: list[str],
    starts: list[int],
    ends: list[int],
    spaces: list[bool],
    templates: WordTemplates,
) -> str:
    template = "".join(map(templates.__getitem__, words))
    ws = map(_JSON_BOOLEAN.__getitem__, spaces)
    return (template % tuple(chain.from_iterable(zip(starts, ends, count(), ws))))[:-2]


def prodigy_line(
    document: Document, spans: list[Span], context: ExportContext, templates: WordTemplates
) -> str:
    """One Prodigy task as a JSON line: text, tokens, spans (with token indexes), meta.

    Tokens are spaCy's: whitespace other than one space after a token (line
    breaks, NBSP, double spaces) is a token of its own with ``ws`` false, so
    joining the tokens, each followed by a space where ``ws`` is true, gives
    the text exactly.
    """
    tokenized, aligned = context.aligned(document, spans, INSIDE_TOKEN_CHARS_ONLY)
    text = document.text
    starts, ends, spaces, words = tokenized.with_whitespace()
    if len(starts) == len(tokenized):
        token_range = {id(item.span): (item.first, item.last) for item in aligned}
    else:  # indexes count the whitespace tokens too
        word_starts = tokenized.starts
        token_range = {
            id(item.span): (
                bisect_left(starts, word_starts[item.first]),
                bisect_left(starts, word_starts[item.last]),
            )
            for item in aligned
        }
    tokens = _tokens_json(words, starts, ends, spaces, templates)
    items = []
    for span in spans:
        entry: dict[str, Any] = {"start": span.start, "end": span.end, "label": span.label}
        found = token_range.get(id(span))
        if found is not None:
            entry["token_start"], entry["token_end"] = found
        if span.value is not None:
            entry["value"] = span.value
        items.append(entry)
    context.report.spans_written += len(items)
    meta = {"id": document.id, "title": document.title}
    return "".join(
        (
            '{"text": ',
            _quote(text),
            ', "tokens": [',
            tokens,
            '], "spans": ',
            json.dumps(items, ensure_ascii=False),
            ', "meta": ',
            json.dumps(meta, ensure_ascii=False),
            "}",
        )
    )
