"""brat standoff: a folder with ``doc-000123.txt`` and ``doc-000123.ann`` per document.

File names come from document ids only, never from titles. The ``.txt`` holds
the text exactly as stored (CRLF kept, written with ``newline=''``), so brat's
character offsets are ours. Each span is a text-bound annotation::

    T1<TAB>actor 5 11<TAB>روسيا
    #1<TAB>AnnotatorNotes T1<TAB>value=1500      # a span's value, when it has one

``annotation.conf`` lists the labels as entity types and allows any overlap
between them (brat's ``<OVERLAP>`` rule), so brat's validation accepts nested
spans.

Read the ``.txt`` files as bytes or with ``newline=''``: text mode turns CRLF
into LF and shifts every later offset.

A span that crosses a line break is written as brat writes it, in fragments
split at the line breaks (``T2<TAB>event 40 52;53 60<TAB>...``), because the
.ann line cannot hold a line break; reading joins the fragments back.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from annotator.core.errors import InputError
from annotator.core.labels import LabelSchema
from annotator.core.model import Document, Span, title_from_text
from annotator.io.decoding import decode_bytes, read_regular_file
from annotator.io.registry import (
    Exporter,
    Importer,
    RawRecord,
    RecordSink,
)
from annotator.io.report import ExportContext

VALUE_PREFIX = "value="
_LINE_BREAK = re.compile(r"\r\n|[\n\r\u2028\u2029\x0b\x0c\x85]")


def document_stem(document: Document, fallback: int) -> str:
    """doc-000123: the document's id (or its position when it has none), nothing else."""
    number = document.id if isinstance(document.id, int) and document.id >= 0 else fallback
    return f"doc-{number:06d}"


def fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The pieces of [start, end) between line breaks, without empty pieces."""
    pieces = []
    begin = start
    for match in _LINE_BREAK.finditer(text, start, end):
        if match.start() > begin:
            pieces.append((begin, match.start()))
        begin = match.end()
    if end > begin:
        pieces.append((begin, end))
    return pieces


def ann_lines(document: Document, spans: list[Span]) -> list[str]:
    text = document.text
    lines = []
    notes = 0
    for number, span in enumerate(spans, start=1):
        pieces = fragments(text, span.start, span.end) or [(span.start, span.end)]
        where = ";".join(f"{start} {end}" for start, end in pieces)
        quoted = " ".join(text[start:end] for start, end in pieces)
        lines.append(f"T{number}\t{span.label} {where}\t{quoted}")
        if span.value is not None:
            notes += 1
            lines.append(
                f"#{notes}\tAnnotatorNotes T{number}\t{VALUE_PREFIX}{json.dumps(span.value)}"
            )
    return lines


class BratSink(RecordSink):
    def __init__(self, folder: Path, context: ExportContext):
        self.folder = folder
        self.context = context
        self.count = 0

    def add(self, document: Document, spans: list[Span]) -> None:
        self.count += 1
        stem = document_stem(document, self.count)
        with (self.folder / f"{stem}.txt").open("w", encoding="utf-8", newline="") as handle:
            handle.write(document.text)
        lines = ann_lines(document, spans)
        with (self.folder / f"{stem}.ann").open("w", encoding="utf-8", newline="\n") as handle:
            handle.write("".join(f"{line}\n" for line in lines))
        self.context.report.spans_written += len(spans)


class BratExporter(Exporter):
    def open(
        self, target: TextIO | Path, labels: LabelSchema, context: ExportContext, part: str | None
    ) -> RecordSink:
        assert isinstance(target, Path)
        return BratSink(target, context)

    def finish_folder(self, root: Path, labels: LabelSchema, context: ExportContext) -> None:
        # brat's own configuration, so the folder opens in brat with our labels.
        (root / "annotation.conf").write_text(
            annotation_conf(labels.names()), encoding="utf-8", newline="\n"
        )


# Spans of a project may nest, overlap or coincide, whatever their labels; without this rule
# brat reports each nested span as an error ("weapon cannot contain number").
OVERLAP_RULE = "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>"


def annotation_conf(labels: list[str]) -> str:
    entities = "".join(f"{label}\n" for label in labels)
    return f"[entities]\n{entities}[relations]\n{OVERLAP_RULE}\n[events]\n[attributes]\n"


class BratImporter(Importer):
    """Reads a .txt with the .ann beside it (a folder: give --format brat and the folder)."""

    def read(self, path: Path, encoding: str | None) -> Iterator[RawRecord | InputError]:
        text_path = path.with_suffix(".txt")
        ann_path = path.with_suffix(".ann")
        source = str(ann_path)
        try:
            text = decode_bytes(read_regular_file(text_path), str(text_path), encoding)
            ann = decode_bytes(read_regular_file(ann_path), source, encoding)
        except FileNotFoundError as exc:
            yield InputError(exc.filename, "missing (brat needs the .txt and the .ann)")
            return
        except InputError as exc:
            yield exc
            return
        if not text.strip():
            yield InputError(str(text_path), "is empty; nothing to annotate")
            return
        try:
            spans = read_ann(ann, text, source)
        except InputError as exc:
            yield exc
            return
        document = Document(
            title=title_from_text(text, path.stem), text=text, source=str(text_path)
        )
        yield RawRecord(document, source, spans)


def read_ann(ann: str, text: str, source: str) -> list[dict[str, Any]]:
    spans: dict[str, dict[str, Any]] = {}
    for number, line in enumerate(ann.split("\n"), start=1):
        line = line.rstrip("\r")
        if not line.strip():
            continue
        fields = line.split("\t")
        if line.startswith("T"):
            if len(fields) < 2:
                raise InputError(source, "a T line is ID<TAB>TYPE START END<TAB>TEXT", line=number)
            if fields[0] in spans:
                raise InputError(
                    source,
                    f"{fields[0]} is defined twice (first on line {spans[fields[0]]['line']})",
                    line=number,
                )
            label, _, where = fields[1].partition(" ")
            pieces = _pieces(where)
            if pieces is None:
                raise InputError(source, f"offsets {where!r} are not START END", line=number)
            if any(b[0] < a[1] for a, b in zip(pieces, pieces[1:], strict=False)):
                raise InputError(
                    source, f"fragments {where!r} overlap or are out of order", line=number
                )
            start, end = pieces[0][0], pieces[-1][1]
            gaps_blank = all(
                not text[a[1] : b[0]].strip() for a, b in zip(pieces, pieces[1:], strict=False)
            )
            if not gaps_blank:
                raise InputError(
                    source, "discontinuous spans (text between fragments) are not supported", number
                )
            spans[fields[0]] = {"start": start, "end": end, "label": label, "line": number}
        elif line.startswith("#") and len(fields) >= 3:
            kind, _, target = fields[1].partition(" ")
            note = fields[2]
            if kind == "AnnotatorNotes" and target in spans and note.startswith(VALUE_PREFIX):
                raw = note[len(VALUE_PREFIX) :]
                try:
                    spans[target]["value"] = json.loads(raw)
                except json.JSONDecodeError:
                    spans[target]["value"] = raw
        # Relations, events, attributes and normalisations have no place in a project: skipped.
    for span in spans.values():
        span.pop("line")
    return list(spans.values())


def _pieces(where: str) -> list[tuple[int, int]] | None:
    """'0 5' or '0 5;6 9' as pairs, or None when it is not that."""
    pieces = []
    for part in where.split(";"):
        numbers = part.split()
        if len(numbers) != 2 or not all(n.isascii() and n.isdigit() for n in numbers):
            return None
        pieces.append((int(numbers[0]), int(numbers[1])))
    return pieces
