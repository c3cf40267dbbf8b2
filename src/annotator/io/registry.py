"""The formats annotator reads and writes, by name.

An importer turns a file into records (a document and its spans, each with the
line it came from); an exporter turns records into a stream, a file or a
folder of files (see ``Layout``). Adding a format is adding one small class
and registering it here.
"""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TextIO

from annotator.core.errors import AnnotatorError, InputError
from annotator.core.labels import LabelSchema
from annotator.core.model import Document, Span
from annotator.io.decoding import DuplicateKey, loads_strict, read_text_file
from annotator.io.report import ExportContext


@dataclass
class RawRecord:
    """A document read from a file, with spans not yet checked against the project."""

    document: Document
    path: str
    spans: list[dict] = field(default_factory=list)
    line: int | None = None


class Importer(ABC):
    name: str
    description: str
    suffixes: tuple[str, ...] = ()
    # Reads its file as a stream, so may find it unreadable after some records.
    streams: bool = False
    # Spans drawn in a JavaScript editor may count UTF-16 units (see annotator.io.offsets).
    editor_offsets: bool = False

    @abstractmethod
    def read(self, path: Path, encoding: str | None) -> Iterator[RawRecord | InputError]:
        """Yield records, or an InputError for each record that cannot be read."""


class Layout(StrEnum):
    """What one export writes."""

    STREAM = "stream"  # text, one stream (a file or standard output); a split: one file a part
    FILE = "file"  # one binary file; a split: one file a part
    FOLDER = "folder"  # a folder of files; a split: a sub-folder a part, unless the format says


class RecordSink(ABC):
    """Receives the documents of one output (one part of a split), then is finished."""

    @abstractmethod
    def add(self, document: Document, spans: list[Span]) -> None: ...

    def finish(self) -> None:  # noqa: B027 - most sinks have nothing left to write
        """Write whatever comes after the last document."""


class TextFileImporter(Importer):
    """A format whose file is one text: decoded here (naming the file and byte on
    failure), then parsed by ``parse``."""

    def read(self, path: Path, encoding: str | None) -> Iterator[RawRecord | InputError]:
        try:
            content = read_text_file(path, encoding)
        except InputError as exc:
            yield exc
            return
        yield from self.parse(path, content)

    @abstractmethod
    def parse(self, path: Path, content: str) -> Iterator[RawRecord | InputError]:
        """Yield records, or an InputError for each record that cannot be read."""


class JsonArrayImporter(TextFileImporter):
    """A format whose file is one JSON array of records."""

    what = "records"

    def parse(self, path: Path, content: str) -> Iterator[RawRecord | InputError]:
        try:
            items = self.items_of(loads_strict(content))
        except json.JSONDecodeError as exc:
            yield InputError(str(path), f"not valid JSON ({exc.msg})", line=exc.lineno)
            return
        except DuplicateKey as exc:
            yield InputError(str(path), str(exc))
            return
        except (ValueError, RecursionError) as exc:  # thousands of digits; deep nesting
            yield InputError(str(path), f"not valid JSON ({exc or 'nested too deeply'})")
            return
        if not isinstance(items, list):
            yield InputError(str(path), f"expected a JSON array of {self.what}")
            return
        for number, item in enumerate(items, start=1):
            try:
                yield self.record(path, number, item)
            except InputError as exc:
                yield exc

    def items_of(self, value: object) -> object:
        """The array of records in the parsed file."""
        return value

    @abstractmethod
    def record(self, path: Path, number: int, item: object) -> RawRecord:
        """The record for array item ``number`` (from 1); raise InputError if invalid."""


class Exporter(ABC):
    """One output format.

    ``open`` gets, by ``layout``: a text stream (STREAM), the path of the file to
    write (FILE; a hidden part, renamed into place once complete) or an existing
    empty folder (FOLDER); ``context`` gives the tokenizer and the report of what
    the format could not hold; ``part`` is "train", "dev", "test" or None without
    a split.
    """

    name: str
    description: str
    extension: str
    layout: Layout = Layout.STREAM

    @abstractmethod
    def open(
        self, target: TextIO | Path, labels: LabelSchema, context: ExportContext, part: str | None
    ) -> RecordSink: ...

    def writes_folder(self, split: bool = False) -> bool:
        """Whether the output path names a folder (for a dialog: pick a folder, not a file)."""
        return split or self.layout is Layout.FOLDER

    def part_target(self, root: Path, part: str) -> Path:
        """Where one part of a split goes inside the output folder."""
        if self.layout is Layout.FOLDER:
            return root / part
        return root / f"{part}{self.extension}"

    def finish_folder(self, root: Path, labels: LabelSchema, context: ExportContext) -> None:  # noqa: B027
        """Files written once beside the parts of a folder output (a label list, say)."""

    def write(
        self,
        stream: TextIO,
        records: Iterable[tuple[Document, list[Span]]],
        labels: LabelSchema,
        context: ExportContext | None = None,
    ) -> int:
        """Write the records to one stream; return how many documents were written."""
        if self.layout is not Layout.STREAM:
            raise AnnotatorError(f"{self.name} writes a {self.layout.value}, not a text stream")
        context = context or ExportContext(self.name)
        sink = self.open(stream, labels, context, None)
        count = 0
        for document, spans in records:
            sink.add(document, spans)
            count += 1
        sink.finish()
        return count


IMPORTERS: dict[str, Importer] = {}
EXPORTERS: dict[str, Exporter] = {}


def register_importer(importer: Importer) -> Importer:
    IMPORTERS[importer.name] = importer
    return importer


def register_exporter(exporter: Exporter) -> Exporter:
    EXPORTERS[exporter.name] = exporter
    return exporter


def importer(name: str) -> Importer:
    _load_builtin_formats()
    try:
        return IMPORTERS[name]
    except KeyError:
        raise AnnotatorError(
            f"unknown import format {name!r} (known: {', '.join(sorted(IMPORTERS))})"
        ) from None


def exporter(name: str) -> Exporter:
    _load_builtin_formats()
    try:
        return EXPORTERS[name]
    except KeyError:
        raise AnnotatorError(
            f"unknown export format {name!r} (known: {', '.join(sorted(EXPORTERS))})"
        ) from None


def importer_names() -> list[str]:
    _load_builtin_formats()
    return list(IMPORTERS)


def exporter_names() -> list[str]:
    _load_builtin_formats()
    return list(EXPORTERS)


def _load_builtin_formats() -> None:
    # Importing the modules registers their formats.
    from annotator.io import (  # noqa: F401
        brat,
        corpora,
        hf,
        iob2,
        jsonl,
        labelstudio,
        spacy_docbin,
        text,
    )
