"""Public corpora our users start from: CoNLL-U treebanks, the OpenEventData Arabic
event GSR (span token lists), and CSV files with a "text" column."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from annotator.core.errors import InputError
from annotator.core.model import Document, title_from_text
from annotator.io.decoding import check_text, storable_name, unstorable_string
from annotator.io.registry import (
    JsonArrayImporter,
    RawRecord,
    TextFileImporter,
)


class ConlluImporter(TextFileImporter):
    """One document per ``# newdoc``; its sentences' ``# text =`` lines, one per line.

    CoNLL-U carries no entity spans, so documents arrive unannotated.
    """

    def parse(self, path: Path, content: str) -> Iterator[RawRecord | InputError]:
        doc_id: str | None = None
        doc_line, sentences, sent_ids = 1, list[str](), list[str]()
        for number, line in enumerate(content.splitlines(), start=1):
            if line.startswith("# newdoc"):
                if sentences:
                    yield self._record(path, doc_id, doc_line, sentences, sent_ids)
                doc_id = line.partition("=")[2].strip() or None
                doc_line, sentences, sent_ids = number, [], []
            elif line.startswith("# sent_id"):
                sent_ids.append(line.partition("=")[2].strip())
            elif line.startswith("# text ="):
                sentences.append(line.partition("=")[2].strip())
        if sentences:
            yield self._record(path, doc_id, doc_line, sentences, sent_ids)
        elif doc_id is None:
            yield InputError(str(path), "no '# text =' lines: not a CoNLL-U file with texts")

    def _record(
        self, path: Path, doc_id: str | None, line: int, sentences: list[str], sent_ids: list[str]
    ) -> RawRecord:
        text = "\n".join(sentences)
        meta = {"newdoc_id": doc_id, "sent_ids": sent_ids}
        document = Document(
            title=title_from_text(text),
            text=text,
            source=f"{storable_name(path)}#{doc_id or line}",
            meta=meta,
        )
        return RawRecord(document, str(path), [], line)


class OpenEventDataImporter(JsonArrayImporter):
    """The OpenEventData Arabic GSR span files: a JSON array of sentences whose events
    list ``source_actor``/``target_actor`` (-> actor) and ``verb`` (-> event) as tokens.

    Tokens are found in order in the sentence; each run of tokens separated only by
    spaces (or nothing, as with «) becomes one span, so a discontinuous mention
    gives several spans. A token that cannot be found makes the record invalid.
    """

    ROLES = {"source_actor": "actor", "target_actor": "actor", "verb": "event"}

    what = "sentences"

    def record(self, path: Path, number: int, record: object) -> RawRecord:
        where = f"{path} (record {number})"
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise InputError(where, 'each record needs a "text" string')
        text = record["text"]
        check_text(text, where)
        problem = unstorable_string(record)
        if problem is not None:
            raise InputError(where, problem)
        spans: dict[tuple[int, int, str], dict[str, Any]] = {}
        events = record.get("spans") or []
        if not isinstance(events, list):
            raise InputError(where, f'"spans" must be a list of events, got {events!r}')
        for event in events:
            for role, label in self.ROLES.items():
                tokens = event.get(role) or [] if isinstance(event, dict) else []
                for start, end in locate_tokens(text, tokens, where):
                    spans[(start, end, label)] = {"start": start, "end": end, "label": label}
        meta = {key: record[key] for key in ("source", "_id", "event_type") if key in record}
        document = Document(
            title=title_from_text(text), text=text, source=str(record.get("source", "")), meta=meta
        )
        return RawRecord(document, where, sorted(spans.values(), key=lambda s: s["start"]))


def locate_tokens(text: str, tokens: list[Any], where: str) -> list[tuple[int, int]]:
    if not isinstance(tokens, list):
        raise InputError(where, f"tokens must be a list of strings, got {tokens!r}")
    runs: list[list[int]] = []
    position = 0
    for token in tokens:
        if not isinstance(token, str) or not token:
            raise InputError(where, f"token {token!r} is not a non-empty string")
        found = re.compile(re.escape(token)).search(text, position)
        if found is None:
            raise InputError(
                where, f"token {token!r} not found in the text after offset {position}"
            )
        if runs and not text[runs[-1][1] : found.start()].strip():
            runs[-1][1] = found.end()
        else:
            runs.append([found.start(), found.end()])
        position = found.end()
    return [(start, end) for start, end in runs]


class CsvImporter(TextFileImporter):
    """A CSV file with a ``text`` column; every other column goes to the document's meta."""

    def parse(self, path: Path, content: str) -> Iterator[RawRecord | InputError]:
        # A whole article is one field: far longer than csv's default limit (128 KiB).
        csv.field_size_limit(2**31 - 1)
        # strict: an unterminated quote is an error, not a field running to the end of file.
        reader = csv.DictReader(io.StringIO(content, newline=""), strict=True)
        try:
            yield from self._rows(path, reader)
        except csv.Error as exc:
            yield InputError(str(path), f"not valid CSV ({exc})", line=reader.line_num)

    def _rows(self, path: Path, reader: csv.DictReader[str]) -> Iterator[RawRecord | InputError]:
        if not reader.fieldnames or "text" not in reader.fieldnames:
            yield InputError(str(path), 'no "text" column in the header', line=1)
            return
        twice = sorted({name for name in reader.fieldnames if reader.fieldnames.count(name) > 1})
        if twice:
            # A dict keeps the last of two columns of one name: the first would be lost.
            yield InputError(str(path), f"column {twice[0]!r} appears twice in the header", line=1)
            return
        for row in reader:
            text = row.get("text") or ""
            if not text.strip():
                yield InputError(str(path), '"text" is empty', line=reader.line_num)
                continue
            meta = {key: value for key, value in row.items() if key and key != "text"}
            document = Document(
                title=title_from_text(text),
                text=text,
                source=f"{storable_name(path)}:{reader.line_num}",
                meta=meta,
            )
            yield RawRecord(document, str(path), [], reader.line_num)
