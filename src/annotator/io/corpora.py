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
    list ``source_actor``/``target_actor`` (-> actor) and ``verb`` (-> event) as tokens,
    with each actor's CAMEO codes (``source_role``/``target_role``: ``main``, ``role``).

    Tokens are found in order in the sentence; each run of tokens separated only by
    spaces (or nothing, as with «) becomes one span, so a discontinuous mention
    gives several spans. A token that cannot be found makes the record invalid: it
    is reported, never guessed.

    Each event is kept: its verb's first run is an event span of the record's type
    (``EVENT_TYPES``: ASSAULT -> attack, PROTEST -> protest), linked to the source
    actor's first run as ``agent`` and the target actor's as ``target``; the other
    runs of a discontinuous mention stay spans of their label, unlinked. An actor's
    codes become its attributes ``country`` (``main``) and ``cameo_role`` (``role``);
    "None", "UNKNOWN" or nothing means no code. When two events of a sentence give one
    actor span different codes, the span keeps them all, in the file's order, joined
    by "/" (``MIL/CVL``): a span holds one value a key, and neither is dropped.
    """

    ROLES = {"source_actor": "actor", "target_actor": "actor", "verb": "event"}
    # The GSR's PLOVER types by the project's default event types: an ASSAULT (PLOVER's
    # physical attack on people or property) is what the project calls an attack; a
    # type not listed here is looked up in lower case (refused if the project lacks it).
    EVENT_TYPES = {"ASSAULT": "attack", "PROTEST": "protest"}
    ARGUMENTS = (
        ("source_actor", "source_role", "agent"),
        ("target_actor", "target_role", "target"),
    )
    CODES = (("main", "country"), ("role", "cameo_role"))
    NO_CODE = frozenset({"", "None", "UNKNOWN"})

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
        event_type = self._event_type(record.get("event_type"))
        links: dict[tuple[tuple[int, int, str], tuple[int, int, str], str], None] = {}
        for event in events:
            heads: dict[str, tuple[int, int, str]] = {}
            for role, label in self.ROLES.items():
                tokens = event.get(role) or [] if isinstance(event, dict) else []
                for run, (start, end) in enumerate(locate_tokens(text, tokens, where)):
                    key = (start, end, label)
                    spans.setdefault(key, {"start": start, "end": end, "label": label})
                    if run == 0:
                        heads[role] = key
            verb = heads.get("verb")
            if verb is not None and event_type is not None:
                spans[verb].setdefault("attributes", {})["type"] = event_type
            for actor, codes, link_role in self.ARGUMENTS:
                if actor not in heads:
                    continue
                if verb is not None:
                    links[(verb, heads[actor], link_role)] = None
                given = event.get(codes) if isinstance(event, dict) else None
                if isinstance(given, dict):
                    self._codes(spans[heads[actor]], given, where)
        ordered = sorted(spans.values(), key=lambda s: (s["start"], s["end"], s["label"]))
        ids = {}
        for local, span in enumerate(ordered, start=1):
            span["id"] = ids[(span["start"], span["end"], span["label"])] = local
        meta = {key: record[key] for key in ("source", "_id", "event_type") if key in record}
        document = Document(
            title=title_from_text(text), text=text, source=str(record.get("source", "")), meta=meta
        )
        return RawRecord(
            document,
            where,
            ordered,
            links=[
                {"event": ids[event], "argument": ids[argument], "role": role}
                for event, argument, role in links
            ],
        )

    def _event_type(self, given: object) -> str | None:
        if not isinstance(given, str) or not given.strip():
            return None
        return self.EVENT_TYPES.get(given.strip().upper(), given.strip().lower())

    def _codes(self, span: dict[str, Any], given: dict[str, Any], where: str) -> None:
        for field, name in self.CODES:
            code = given.get(field)
            if code is None or (isinstance(code, str) and code.strip() in self.NO_CODE):
                continue
            if not isinstance(code, str):
                raise InputError(where, f"CAMEO code {code!r} is not a text")
            attributes = span.setdefault("attributes", {})
            known = attributes.get(name)
            if known is None:
                attributes[name] = code.strip()
            elif code.strip() not in known.split("/"):
                attributes[name] = f"{known}/{code.strip()}"


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
