"""A format made up by a test, to show that adding one is this one module and nothing else.

Importing it registers the format (reading and writing one title a line); the
``throwaway_format`` fixture imports it and forgets it afterwards.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from annotator.core.errors import InputError
from annotator.core.labels import LabelSchema
from annotator.core.model import Document, Span
from annotator.io.registry import (
    Exporter,
    ExportFormat,
    ImportFormat,
    Layout,
    RawRecord,
    RecordSink,
    TextFileImporter,
    register_export_format,
    register_import_format,
)
from annotator.io.report import ExportContext

NAME = "throwaway"
SUFFIX = ".throwaway"


class TitleLines(RecordSink):
    def __init__(self, stream: TextIO):
        self.stream = stream

    def add(self, document: Document, spans: list[Span]) -> None:
        self.stream.write(document.title + "\n")


class TitleLinesExporter(Exporter):
    def open(
        self, target: TextIO | Path, labels: LabelSchema, context: ExportContext, part: str | None
    ) -> RecordSink:
        assert not isinstance(target, Path)
        return TitleLines(target)


class TitleLinesImporter(TextFileImporter):
    def parse(self, path: Path, content: str) -> Iterator[RawRecord | InputError]:
        for number, line in enumerate(content.splitlines(), start=1):
            yield RawRecord(Document(title=line, text=line), str(path), line=number)


register_export_format(
    ExportFormat(
        NAME, "Throwaway titles, one a line", SUFFIX, Layout.STREAM, frozenset(), TitleLinesExporter
    )
)
register_import_format(
    ImportFormat(
        NAME, "Throwaway lines, one document each", (SUFFIX,), frozenset(), TitleLinesImporter
    )
)
