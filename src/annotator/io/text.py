"""Plain text files: one file, one document; the title is its first line with words."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from annotator.core.errors import InputError
from annotator.core.model import Document, title_from_text
from annotator.io.decoding import storable_name
from annotator.io.registry import RawRecord, TextFileImporter


class TextImporter(TextFileImporter):
    def parse(self, path: Path, text: str) -> Iterator[RawRecord | InputError]:
        if not text.strip():
            yield InputError(str(path), "is empty; nothing to annotate")
            return
        document = Document(
            title=title_from_text(text, storable_name(path.stem)),
            text=text,
            source=storable_name(path),
        )
        yield RawRecord(document, str(path))
