"""The formats annotator reads and writes: every fact about each, declared once.

An importer turns a file into records (a document and its spans, each with the
line it came from); an exporter turns records into a stream, a file or a
folder of files (see ``Layout``). Each format is one small class in its own
module and one declaration below (``ImportFormat``, ``ExportFormat``): its
name, suffixes, description, output and what it can hold. The CLI's help, the
window's import and export dialogs and the README check read the declarations;
a format's module is imported only when a file is read or written in it, so
listing formats costs nothing.
"""

from __future__ import annotations

import codecs
import json
import os
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from enum import StrEnum
from functools import cache
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Final, TextIO, TypeVar, cast

from annotator.core.errors import AnnotatorError, InputError
from annotator.core.events import EventSchema, Link
from annotator.core.labels import LabelSchema
from annotator.core.long_text import LongText, TextSlices
from annotator.core.model import Document, Span
from annotator.core.translatable import QT_TRANSLATE_NOOP
from annotator.core.values import Value
from annotator.io.decoding import DuplicateKey, loads_strict, read_text_file

if TYPE_CHECKING:  # exports only: an import does not load the report and the tokenizer
    from annotator.io.report import ExportContext


class RawRecord(Value):
    """A document read from a file, with spans not yet checked against the project."""

    __slots__ = (
        "document",
        "path",
        "spans",
        "line",
        "links",
        "utf8",
        "long_text",
        "strings_storable",
    )
    __hash__ = None  # type: ignore[assignment]  # mutable: equal by value, not hashable

    def __init__(
        self,
        document: Document,
        path: str,
        spans: list[dict[str, Any]] | None = None,
        line: int | None = None,
        links: list[Any] | None = None,
        utf8: bytes | None = None,
        long_text: LongText | None = None,
        strings_storable: bool = False,
    ) -> None:
        self.document = document
        self.path = path
        self.spans: list[dict[str, Any]] = [] if spans is None else spans
        self.line = line
        # Links between the spans, by the spans' "id" in the record (native JSONL):
        # {"event": id, "argument": id, "role": name}.
        self.links: list[Any] = [] if links is None else links
        # The text's UTF-8 when the reader made it (to hash the text): stored as it is.
        self.utf8 = utf8
        # A text too long to hold (then document.text is empty): spans and storage use it.
        self.long_text = long_text
        # The reader found every string of the record storable (no NUL, no lone surrogate):
        # then the record's title, source and meta are not looked through again.
        self.strings_storable = strings_storable

    @property
    def text(self) -> TextSlices:
        """The text that spans count in."""
        return self.document.text if self.long_text is None else self.long_text


class Importer(ABC):
    format: ImportFormat  # set by the registry when it makes the importer
    # Reads its file as a stream, so may find it unreadable after some records.
    streams: bool = False
    # Spans drawn in a JavaScript editor may count UTF-16 units (see annotator.io.offsets).
    editor_offsets: bool = False
    # The project's event schema, set by the import (a format whose names depend on it: brat).
    events: EventSchema = EventSchema()

    @property
    def name(self) -> str:
        return self.format.name

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

    def add_linked(self, document: Document, spans: list[Span], links: list[Link]) -> None:
        """A document with its spans and the links between them (the export calls this);
        a format that holds links overrides it, the others get ``add``."""
        self.add(document, spans)

    def finish(self) -> None:  # noqa: B027 - most sinks have nothing left to write
        """Write whatever comes after the last document."""

    def write_utf8(self, utf8: bytes) -> None:
        """Write documents as another sink of the format wrote them, in UTF-8 (in a worker
        process; see ``Exporter.in_workers``)."""
        raise NotImplementedError(f"{type(self).__name__} takes documents, not their text")


class TextSink(RecordSink):
    """A sink that writes each document as text to one stream, after the documents before."""

    stream: TextIO

    def write_utf8(self, utf8: bytes) -> None:
        # Into a UTF-8 file's bytes as they are (the text was encoded where it was made);
        # into any other stream as text.
        buffer = utf8_buffer(self.stream)
        if buffer is not None:
            buffer.write(utf8)
        else:
            self.stream.write(utf8.decode("utf-8"))


def utf8_buffer(stream: TextIO) -> BinaryIO | None:
    """The bytes under a text stream, flushed, when text written to the stream would go
    there as its UTF-8 unchanged (no other encoding, no newline translation); else None."""
    buffer = getattr(stream, "buffer", None)
    encoding = getattr(stream, "encoding", None) or "ascii"
    if buffer is None or codecs.lookup(encoding).name != "utf-8" or os.linesep != "\n":
        return None
    stream.flush()
    return cast(BinaryIO, buffer)


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

    format: ExportFormat  # set by the registry when it makes the exporter
    # Whether a large export may be written by worker processes (annotator.io.export_workers):
    # each document's text depends on that document alone, and ``open_text`` gives a sink.
    in_workers: bool = False

    @property
    def name(self) -> str:
        return self.format.name

    def open_text(
        self, stream: TextIO, labels: LabelSchema, context: ExportContext, part: str | None
    ) -> RecordSink:
        """A sink writing this format's documents to ``stream`` (in a worker process), as the
        sinks of ``open`` write them; the format must be ``in_workers``."""
        return self.open(stream, labels, context, part)

    @property
    def description(self) -> str:
        return self.format.description

    @property
    def extension(self) -> str:
        return self.format.extension

    @property
    def layout(self) -> Layout:
        return self.format.layout

    @abstractmethod
    def open(
        self, target: TextIO | Path, labels: LabelSchema, context: ExportContext, part: str | None
    ) -> RecordSink: ...

    def writes_folder(self, split: bool = False) -> bool:
        """Whether the output path names a folder (for a dialog: pick a folder, not a file)."""
        return self.format.writes_folder(split)

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
        if context is None:
            from annotator.io.report import ExportContext

            context = ExportContext(self.name)
        sink = self.open(stream, labels, context, None)
        count = 0
        for document, spans in records:
            sink.add(document, spans)
            count += 1
        sink.finish()
        return count


class Output(StrEnum):
    """What the user names as an export's destination (without a split)."""

    FILE = "file"
    FOLDER = "folder"


class Holds(StrEnum):
    """What a format can carry besides the text."""

    SPANS = "spans"
    NESTING = "nesting"  # spans inside or overlapping others
    LINKS = "links"  # relations between spans
    VALUES = "values"  # a span's value (the number a quantity reads as)


class ImportFormat(Value):
    __slots__ = ("name", "description", "suffixes", "holds", "importer")
    name: Final[str]
    description: Final[str]  # English; the window shows it translated (context "Formats")
    suffixes: Final[tuple[str, ...]]  # of the files it reads ("": a file without one)
    holds: Final[frozenset[Holds]]
    # "module:Class" (imported when first used) or the class itself.
    importer: Final[str | type[Importer]]

    def __init__(
        self,
        name: str,
        description: str,
        suffixes: tuple[str, ...],
        holds: frozenset[Holds],
        importer: str | type[Importer],
    ) -> None:
        self.name = name
        self.description = description
        self.suffixes = suffixes
        self.holds = holds
        self.importer = importer


class ExportFormat(Value):
    __slots__ = ("name", "description", "extension", "layout", "holds", "exporter")
    name: Final[str]
    description: Final[str]  # English; the window shows it translated (context "Formats")
    extension: Final[str]  # of the file it writes, or of each file in its folder
    layout: Final[Layout]
    holds: Final[frozenset[Holds]]
    exporter: Final[str | type[Exporter]]

    def __init__(
        self,
        name: str,
        description: str,
        extension: str,
        layout: Layout,
        holds: frozenset[Holds],
        exporter: str | type[Exporter],
    ) -> None:
        self.name = name
        self.description = description
        self.extension = extension
        self.layout = layout
        self.holds = holds
        self.exporter = exporter

    @property
    def output(self) -> Output:
        return Output.FOLDER if self.layout is Layout.FOLDER else Output.FILE

    def writes_folder(self, split: bool = False) -> bool:
        """Whether the output path names a folder (a split writes a file a part into one)."""
        return split or self.output is Output.FOLDER


FormatClass = TypeVar("FormatClass", Importer, Exporter)

IMPORT_FORMATS: dict[str, ImportFormat] = {}
EXPORT_FORMATS: dict[str, ExportFormat] = {}


def register_import_format(declared: ImportFormat) -> ImportFormat:
    IMPORT_FORMATS[declared.name] = declared
    return declared


def register_export_format(declared: ExportFormat) -> ExportFormat:
    EXPORT_FORMATS[declared.name] = declared
    return declared


def _holds(*what: Holds) -> frozenset[Holds]:
    return frozenset(what)


SPANS, NESTING, VALUES, LINKS = Holds.SPANS, Holds.NESTING, Holds.VALUES, Holds.LINKS
NESTED_WITH_VALUES = _holds(SPANS, NESTING, VALUES)
NESTED_WITH_LINKS = _holds(SPANS, NESTING, LINKS)
NESTED_WITH_VALUES_AND_LINKS = _holds(SPANS, NESTING, VALUES, LINKS)
EVERYTHING = _holds(SPANS, NESTING, VALUES, LINKS)  # our own JSONL, brat

for _declared_import in (
    ImportFormat(
        "text",
        QT_TRANSLATE_NOOP(
            "Formats",
            "plain text, UTF-8 (BOM optional) or UTF-16 with BOM; other encodings by name",
        ),
        (".txt", ".text", ""),
        _holds(),
        "annotator.io.text:TextImporter",
    ),
    ImportFormat(
        "jsonl",
        QT_TRANSLATE_NOOP(
            "Formats", "annotator's own JSONL (id, title, text, status, spans, meta)"
        ),
        (".jsonl", ".ndjson", ".json"),
        EVERYTHING,
        "annotator.io.jsonl:NativeJsonl",
    ),
    ImportFormat(
        "prodigy",
        QT_TRANSLATE_NOOP(
            "Formats", 'Prodigy / spaCy JSONL: {"text", "spans": [{"start", "end", "label"}]}'
        ),
        (".jsonl", ".ndjson", ".json"),
        NESTED_WITH_VALUES_AND_LINKS,
        "annotator.io.jsonl:ProdigyJsonl",
    ),
    ImportFormat(
        "doccano",
        QT_TRANSLATE_NOOP(
            "Formats", 'doccano JSONL: {"text", "label": [[start, end, "LABEL"], ...]}'
        ),
        (".jsonl", ".ndjson", ".json"),
        NESTED_WITH_LINKS,
        "annotator.io.jsonl:DoccanoJsonl",
    ),
    ImportFormat(
        "conllu",
        QT_TRANSLATE_NOOP(
            "Formats", "CoNLL-U (Universal Dependencies): sentence texts grouped by # newdoc"
        ),
        (".conllu",),
        _holds(),
        "annotator.io.corpora:ConlluImporter",
    ),
    ImportFormat(
        "openeventdata",
        QT_TRANSLATE_NOOP(
            "Formats",
            "OpenEventData Arabic event GSR spans JSON (actors and verbs as token lists)",
        ),
        (".json",),
        _holds(SPANS),
        "annotator.io.corpora:OpenEventDataImporter",
    ),
    ImportFormat(
        "csv",
        QT_TRANSLATE_NOOP("Formats", 'CSV with a "text" column (other columns kept as meta)'),
        (".csv",),
        _holds(),
        "annotator.io.corpora:CsvImporter",
    ),
    ImportFormat(
        "labelstudio",
        QT_TRANSLATE_NOOP(
            "Formats", "Label Studio JSON tasks (export JSON, or tasks with annotations)"
        ),
        (".json",),
        NESTED_WITH_VALUES_AND_LINKS,
        "annotator.io.labelstudio:LabelStudioImporter",
    ),
    ImportFormat(
        "iob2",
        QT_TRANSLATE_NOOP(
            "Formats", "IOB2 / CoNLL (token and tag in the first and last column); text rebuilt"
        ),
        (".conll", ".iob", ".iob2", ".bio"),
        _holds(SPANS),
        "annotator.io.iob2:Iob2Importer",
    ),
    ImportFormat(
        "brat",
        QT_TRANSLATE_NOOP(
            "Formats", "brat standoff (.txt with its .ann; T, E and A lines, AnnotatorNotes values)"
        ),
        (".txt", ".ann"),
        EVERYTHING,
        "annotator.io.brat:BratImporter",
    ),
):
    register_import_format(_declared_import)

for _declared_export in (
    ExportFormat(
        "native",
        QT_TRANSLATE_NOOP("Formats", "annotator JSONL: every field, re-importable as is"),
        ".jsonl",
        Layout.STREAM,
        EVERYTHING,
        "annotator.io.jsonl:NativeExporter",
    ),
    ExportFormat(
        "doccano",
        QT_TRANSLATE_NOOP("Formats", 'doccano JSONL ({"text", "label": [[start, end, label]]})'),
        ".jsonl",
        Layout.STREAM,
        _holds(SPANS, NESTING),
        "annotator.io.jsonl:DoccanoExporter",
    ),
    ExportFormat(
        "doccano-relations",
        QT_TRANSLATE_NOOP(
            "Formats",
            'doccano relation JSONL ({"text", "entities": [{"id", "label", "start_offset",'
            ' "end_offset"}], "relations": [{"id", "from_id", "to_id", "type"}]})',
        ),
        ".jsonl",
        Layout.STREAM,
        NESTED_WITH_LINKS,
        "annotator.io.jsonl:DoccanoRelationsExporter",
    ),
    ExportFormat(
        "prodigy",
        QT_TRANSLATE_NOOP(
            "Formats",
            'Prodigy / spaCy JSONL ({"text", "tokens", "spans": [{"start", "end", "label",'
            ' "token_start", "token_end"}]})',
        ),
        ".jsonl",
        Layout.STREAM,
        NESTED_WITH_VALUES_AND_LINKS,
        "annotator.io.jsonl:ProdigyExporter",
    ),
    ExportFormat(
        "labelstudio",
        QT_TRANSLATE_NOOP(
            "Formats", "Label Studio JSON tasks (a JSON array with annotations[].result[])"
        ),
        ".json",
        Layout.STREAM,
        NESTED_WITH_VALUES_AND_LINKS,
        "annotator.io.labelstudio:LabelStudioExporter",
    ),
    ExportFormat(
        "iob2",
        QT_TRANSLATE_NOOP(
            "Formats", "IOB2 / CoNLL: token<TAB>tag a line, blank line between sentences"
        ),
        ".conll",
        Layout.STREAM,
        _holds(SPANS),
        "annotator.io.iob2:Iob2Exporter",
    ),
    ExportFormat(
        "brat",
        QT_TRANSLATE_NOOP(
            "Formats",
            "brat standoff: a folder of doc-NNNNNN.txt + .ann (T, E and A lines, AnnotatorNotes)",
        ),
        "",
        Layout.FOLDER,
        EVERYTHING,
        "annotator.io.brat:BratExporter",
    ),
    ExportFormat(
        "hf",
        QT_TRANSLATE_NOOP(
            "Formats",
            "Hugging Face datasets folder: {train,dev,test}.jsonl or data.jsonl + labels.json",
        ),
        ".jsonl",
        Layout.FOLDER,
        _holds(SPANS),
        "annotator.io.hf:HfExporter",
    ),
    ExportFormat(
        "spacy",
        QT_TRANSLATE_NOOP(
            "Formats",
            "spaCy DocBin (.spacy): ents (outermost) and spans['sc'] (all); needs spaCy",
        ),
        ".spacy",
        Layout.FILE,
        _holds(SPANS, NESTING),
        "annotator.io.spacy_docbin:SpacyExporter",
    ),
    ExportFormat(
        "dygiepp",
        QT_TRANSLATE_NOOP(
            "Formats",
            "DyGIE++ event JSONL: a document a line, sentences of tokens, ner, relations,"
            " events with trigger and argument token indexes",
        ),
        ".jsonl",
        Layout.STREAM,
        NESTED_WITH_LINKS,
        "annotator.io.dygiepp:DygieppExporter",
    ),
):
    register_export_format(_declared_export)


def import_format(name: str) -> ImportFormat:
    try:
        return IMPORT_FORMATS[name]
    except KeyError:
        raise AnnotatorError(
            f"unknown import format {name!r} (known: {', '.join(sorted(IMPORT_FORMATS))})"
        ) from None


def export_format(name: str) -> ExportFormat:
    try:
        return EXPORT_FORMATS[name]
    except KeyError:
        raise AnnotatorError(
            f"unknown export format {name!r} (known: {', '.join(sorted(EXPORT_FORMATS))})"
        ) from None


def import_formats() -> list[ImportFormat]:
    return list(IMPORT_FORMATS.values())


def export_formats() -> list[ExportFormat]:
    return list(EXPORT_FORMATS.values())


def importer_names() -> list[str]:
    return list(IMPORT_FORMATS)


def exporter_names() -> list[str]:
    return list(EXPORT_FORMATS)


def importer(name: str) -> Importer:
    """The importer of a format (its module imported on first use)."""
    return _made_importer(import_format(name))


def exporter(name: str) -> Exporter:
    """The exporter of a format (its module imported on first use)."""
    return _made_exporter(export_format(name))


@cache
def _made_importer(declared: ImportFormat) -> Importer:
    made = _class(declared.importer, Importer)()
    made.format = declared
    return made


@cache
def _made_exporter(declared: ExportFormat) -> Exporter:
    made = _class(declared.exporter, Exporter)()
    made.format = declared
    return made


def _class(where: str | type[FormatClass], kind: type[object]) -> type[FormatClass]:
    if not isinstance(where, str):
        return where
    module, attribute = where.split(":")
    found = getattr(import_module(module), attribute)
    if not (isinstance(found, type) and issubclass(found, kind)):
        raise TypeError(f"{where} is not an {kind.__name__}")
    return cast("type[FormatClass]", found)  # checked just above


def suffixes_read() -> set[str]:
    """Every suffix some importer reads (for a file dialog; "" is not a suffix)."""
    return {suffix for declared in import_formats() for suffix in declared.suffixes if suffix}


def folder_suffixes() -> set[str]:
    """The files an import of a folder reads: a brat .ann is read with its .txt."""
    return suffixes_read() - {".ann"}
