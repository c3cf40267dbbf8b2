"""The formats annotator reads and writes, by name.

An importer turns a file into records (a document and its spans, each with the
line it came from); an exporter turns records into a stream. Adding a format is
adding one small class and registering it here.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from annotator.core.errors import AnnotatorError, InputError
from annotator.core.labels import LabelSchema
from annotator.core.model import Document, Span


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

    @abstractmethod
    def read(self, path: Path, encoding: str | None) -> Iterator[RawRecord | InputError]:
        """Yield records, or an InputError for each record that cannot be read."""


class Exporter(ABC):
    name: str
    description: str
    extension: str

    @abstractmethod
    def write(
        self, stream: TextIO, records: Iterable[tuple[Document, list[Span]]], labels: LabelSchema
    ) -> int:
        """Write the records; return how many documents were written."""


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
    from annotator.io import corpora, jsonl, text  # noqa: F401
