"""JSON Lines: our own export, doccano and Prodigy/spaCy, read and written.

Offsets everywhere are Unicode code points into ``text``, as Python slices it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Sequence
from json.encoder import encode_basestring
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO, cast

from annotator.core.errors import InputError
from annotator.core.events import Attributes, Link
from annotator.core.labels import LabelSchema
from annotator.core.model import Document, Span, Status, title_from_text
from annotator.io.decoding import (
    DuplicateKey,
    LongLine,
    UnreadableFile,
    check_text_utf8,
    iter_lines,
    loads_record,
    loads_strict,
    storable_name,
    unstorable_string,
)
from annotator.io.json_words import QuotedWords
from annotator.io.long_lines import LONG_LINE, StreamedString, read_long_line
from annotator.io.prodigy_tokens import TokenTemplates, tokens_and_ranges
from annotator.io.registry import (
    Exporter,
    Importer,
    RawRecord,
    RecordSink,
    TextSink,
    utf8_buffer,
)

if TYPE_CHECKING:  # exports only: an import does not load the report and the tokenizer
    from annotator.io.report import ExportContext, ExportReport


def iter_json_lines(
    path: Path, encoding: str | None, long_line: int = LONG_LINE, long_strings: bool = True
) -> Iterator[tuple[int, Any] | InputError]:
    """Each line's JSON value, or an error naming the line; read as a stream (see
    ``json_lines``)."""
    for item in json_lines(path, encoding, long_line, long_strings):
        if isinstance(item, InputError):
            yield item
            continue
        handed = [item[:2]]  # not kept here while the caller uses it
        del item
        yield handed.pop()


def json_lines(
    path: Path,
    encoding: str | None,
    long_line: int = LONG_LINE,
    long_strings: bool = True,
    many_objects: bool = True,
) -> Iterator[tuple[int, Any, bool] | InputError]:
    """Each line's number, JSON value and whether all its strings are known storable (see
    below), or an error naming the line; read as a stream.

    A line longer than ``long_line`` bytes is read without holding it, its long
    strings left in the file (``long_lines``; without ``long_strings``, read as empty
    strings: enough to see the keys of a record). A file that stops being decodable
    ends with an ``UnreadableFile`` error: the whole file is to be refused (see
    importing.import_paths). ``many_objects``: records hold many objects (spans as
    objects), parsed by ``loads_record``; the others cost it more than they save.
    """
    source = str(path)
    loads = loads_record if many_objects else _loads_strict_line
    surrogate_escape = _SURROGATE_ESCAPE.search
    try:
        for number, line in iter_lines(path, encoding, long_line):
            skeleton = None
            try:
                if isinstance(line, LongLine):
                    skeleton = read_long_line(path, line, number, long_strings)
                    line = skeleton.text
                if not line or line.isspace():
                    continue
                # ("\\u" in line: a search a third of the pattern's, and most lines have none.)
                escaped = "\\u" in line
                if skeleton is None:
                    obj = loads(line, escaped)
                else:
                    obj = skeleton.restore(loads_strict(line))
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
            # can put one in a record: walk the record only when the line has such an escape
            # (or long strings, decoded apart).
            walk = (escaped and surrogate_escape(line)) or (
                skeleton is not None and skeleton.strings
            )
            problem = unstorable_string(obj) if walk else None
            del line, skeleton  # as large as the record: not kept while the record is used
            if problem is not None:
                yield InputError(source, problem, line=number)
                continue
            # Handed over without keeping it: a record can be the size of the file.
            # Its strings are storable when walked, or when no escape was read: a NUL
            # can only come from one (JSON refuses a raw control character in a string).
            handed = [(number, obj, bool(walk) or not escaped)]
            del obj
            yield handed.pop()
    except UnreadableFile as exc:
        yield exc


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89abcdefABCDEF]")


def _loads_strict_line(line: str, escaped: bool) -> Any:
    return loads_strict(line)


class JsonlImporter(Importer):
    """Shared reading loop; subclasses say where the spans are in a record."""

    streams = True
    long_line = LONG_LINE  # bytes: a longer line is read without holding it
    many_objects = True  # spans are objects (see json_lines)

    def read(self, path: Path, encoding: str | None) -> Iterator[RawRecord | InputError]:
        for item in json_lines(path, encoding, self.long_line, many_objects=self.many_objects):
            if isinstance(item, InputError):
                yield item
                continue
            number, obj, storable = item
            del item
            record: RawRecord | InputError
            try:
                read = self.record(obj, str(path), number)
                read.strings_storable = storable
                record = read
                del read
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
        if isinstance(text, StreamedString):
            return self.long_record(obj, text, source, line)
        if not isinstance(text, str):
            raise InputError(source, 'missing "text" (a string)', line=line)
        if not text or text.isspace():  # (strip() would copy the whole text)
            raise InputError(source, '"text" is empty', line=line)
        digest, utf8 = check_text_utf8(text, source, line)
        document = self.document(obj, text, source, line)
        document.content_hash = digest
        return RawRecord(document, source, self.spans(obj, source, line), line, utf8=utf8)

    def long_record(
        self, obj: dict[str, Any], text: StreamedString, source: str, line: int
    ) -> RawRecord:
        """A record whose text was left in the file (``long_lines``): checked as it was read."""
        if text.unstorable is not None:
            raise InputError(source, text.unstorable, line=line)
        if text.blank:
            raise InputError(source, '"text" is empty', line=line)
        # The title is found in the first characters (title_from_text looks no further).
        document = self.document(obj, text.head, source, line)
        document.text = ""  # the record's long_text is the text
        document.content_hash = text.content_hash
        return RawRecord(document, source, self.spans(obj, source, line), line, long_text=text)

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
    def record(self, obj: Any, source: str, line: int) -> RawRecord:
        record = super().record(obj, source, line)
        links = obj.get("links")
        if links is not None:
            if not isinstance(links, list):
                raise InputError(source, '"links" must be a list of objects', line=line)
            record.links = links
        return record

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
    """Spans are where our own JSONL has them; ``relations`` (rel.manual) between spans
    are read as links by their ``head_span`` and ``child_span``."""

    def record(self, obj: Any, source: str, line: int) -> RawRecord:
        record = super().record(obj, source, line)
        relations = obj.get("relations")
        if relations:
            record.links = _prodigy_links(relations, record.spans, source, line)
        return record


def _prodigy_links(
    relations: Any, spans: list[Any], source: str, line: int
) -> list[dict[str, Any]]:
    """Relations as links by span number; a span is found by its start, end and label, and
    each span of the record gets its number ("id") as ``record_links`` reads them."""
    if not isinstance(relations, list):
        raise InputError(source, '"relations" must be a list of objects', line=line)
    number_of: dict[tuple[Any, Any, Any], int] = {}
    for number, span in enumerate(spans, start=1):
        if isinstance(span, dict):
            span["id"] = number
            at = (span.get("start"), span.get("end"), span.get("label"))
            if all(isinstance(part, int | str) for part in at):
                number_of.setdefault(at, number)
    links = []
    for index, relation in enumerate(relations, start=1):
        if not isinstance(relation, dict):
            raise InputError(source, f"relation {index}: must be an object", line=line)
        ends = []
        for key in ("head_span", "child_span"):
            given = relation.get(key)
            place = (
                (given.get("start"), given.get("end"), given.get("label"))
                if isinstance(given, dict)
                else None
            )
            if place is None or not all(isinstance(p, int | str) for p in place):
                raise InputError(
                    source,
                    f"relation {index}: needs {key} {{start, end, label}} (a relation between"
                    " tokens alone joins no spans)",
                    line=line,
                )
            if place not in number_of:
                raise InputError(
                    source,
                    f"relation {index}: {key} {list(place)} is not a span of the record",
                    line=line,
                )
            ends.append(number_of[place])
        links.append({"event": ends[0], "argument": ends[1], "role": relation.get("label")})
    return links


class DoccanoJsonl(JsonlImporter):
    """doccano's sequence labelling JSONL ("label"), or its relation JSONL ("entities" with
    ids, and "relations" between them: from_id is the event, to_id the argument, type the
    role)."""

    editor_offsets = True
    many_objects = False  # spans are [start, end, label] lists

    def record(self, obj: Any, source: str, line: int) -> RawRecord:
        record = super().record(obj, source, line)
        relations = obj.get("relations")
        if relations:
            record.links = _doccano_links(relations, record.spans, source, line)
        return record

    def spans(self, obj: dict[str, Any], source: str, line: int) -> list[dict[str, Any]]:
        if isinstance(obj.get("entities"), list):
            spans = []
            for number, entity in enumerate(obj["entities"], start=1):
                if not isinstance(entity, dict):
                    raise InputError(source, '"entities" must be a list of objects', line=line)
                spans.append(
                    {
                        "id": number,
                        "start": entity.get("start_offset"),
                        "end": entity.get("end_offset"),
                        "label": entity.get("label"),
                        "entity": entity.get("id"),
                    }
                )
            return spans
        raw = obj.get("label", obj.get("labels", []))
        if raw is None:
            return []
        if not isinstance(raw, list):
            raise InputError(source, '"label" must be a list of [start, end, label]', line=line)
        if set(map(type, raw)) <= {list}:  # the common case, in one comprehension
            try:
                return [{"start": start, "end": end, "label": label} for start, end, label in raw]
            except ValueError:  # a list of another length: named below
                pass
        spans = []
        for triple in raw:
            if not isinstance(triple, list) or len(triple) != 3:
                raise InputError(
                    source, f"each label must be [start, end, label], got {triple!r}", line=line
                )
            spans.append({"start": triple[0], "end": triple[1], "label": triple[2]})
        return spans


def _doccano_links(
    relations: Any, spans: list[dict[str, Any]], source: str, line: int
) -> list[dict[str, Any]]:
    """doccano relations as links by span number (``record_links`` checks them further)."""
    if not isinstance(relations, list):
        raise InputError(source, '"relations" must be a list of objects', line=line)
    number_of = {}
    for span in spans:
        entity = span.get("entity")
        if entity is not None and entity not in number_of:
            number_of[entity] = span["id"]
    links = []
    for index, relation in enumerate(relations, start=1):
        if not isinstance(relation, dict):
            raise InputError(source, f"relation {index}: must be an object", line=line)
        ends = []
        for key in ("from_id", "to_id"):
            entity = relation.get(key)
            if (
                not isinstance(entity, int | str)
                or isinstance(entity, bool)
                or entity not in number_of
            ):
                raise InputError(
                    source,
                    f"relation {index}: {key} {entity!r} is not the id of an entity of the record",
                    line=line,
                )
            ends.append(number_of[entity])
        links.append({"event": ends[0], "argument": ends[1], "role": relation.get("type")})
    return links


def detect_jsonl_flavour(path: Path, encoding: str | None) -> str:
    """Look at the first record: doccano keeps spans under "label", ours has a title/status."""
    for item in iter_json_lines(path, encoding, long_strings=False):
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
_quote = encode_basestring  # a string as json.dumps writes it


def _scalar_json(value: object) -> str:
    """``_to_json(value)``, without the encoder's set-up for the usual int and str."""
    kind = type(value)
    if kind is int:
        return int.__repr__(cast(int, value))
    if kind is str:
        return _quote(cast(str, value))
    return _to_json(value)


class LinkedJsonlSink(RecordSink):
    """A JSON line per document, made with its links by ``to_line``."""

    def __init__(
        self,
        stream: TextIO,
        report: ExportReport,
        to_line: Callable[[Document, list[Span], list[Link]], str],
    ):
        self.stream = stream
        self.report = report
        self.to_line = to_line

    def add(self, document: Document, spans: list[Span]) -> None:
        self.add_linked(document, spans, [])

    def add_linked(self, document: Document, spans: list[Span], links: list[Link]) -> None:
        self.stream.write(self.to_line(document, spans, links))
        self.stream.write("\n")
        self.report.spans_written += len(spans)


# The linked JSON lines (native, doccano relations) are written by hand: json.dumps of
# their small dicts (200,000 spans, 100,000 links at 10,000 documents) was the slowest
# part of the export. Each line is exactly json.dumps(record, ensure_ascii=False) of the
# record its function describes; labels, annotators and roles are quoted once (``names``).
# (f-strings: a third faster than the same %-templates.)
class LinedJsonlExporter(Exporter):
    """A JSON line per document, written by the line maker each export makes anew (its
    quoted names are the export's own)."""

    def open(
        self, target: TextIO | Path, labels: LabelSchema, context: ExportContext, part: str | None
    ) -> RecordSink:
        assert not isinstance(target, Path)
        return LinkedJsonlSink(target, context.report, self.line_maker(context.report))

    def line_maker(self, report: ExportReport) -> Callable[[Document, list[Span], list[Link]], str]:
        raise NotImplementedError


class NativeExporter(LinedJsonlExporter):
    def line_maker(self, report: ExportReport) -> Callable[[Document, list[Span], list[Link]], str]:
        names, extras = QuotedWords(), SpanExtras()
        return lambda document, spans, links: native_line(document, spans, links, names, extras)


def native_line(
    document: Document,
    spans: list[Span],
    links: Sequence[Link],
    names: QuotedWords,
    extras: SpanExtras | None = None,
) -> str:
    """Our own record: id, title, text, status, source, spans, links, meta. A document
    with links numbers its spans ("id", 1, 2, ... in the order written) and lists its
    links ``{"event", "argument", "role"}`` by those numbers; one without is written as
    before links existed. A span is start, end, label, text, value and attributes (when
    it has them) and annotator."""
    text, quote = document.text, _quote
    extra = SpanExtras() if extras is None else extras
    if links:
        local = {span.id: number for number, span in enumerate(spans, start=1)}
        items = [
            f'{{"id": {number}, "start": {span.start}, "end": {span.end},'
            f' "label": {names[span.label]}, "text": {quote(text[span.start : span.end])}'
            f"{'' if span.value is None and not span.attributes else extra.of(span)},"
            f' "annotator": {names[span.annotator]}}}'
            for number, span in enumerate(spans, start=1)
        ]
    else:
        items = [
            f'{{"start": {span.start}, "end": {span.end},'
            f' "label": {names[span.label]}, "text": {quote(text[span.start : span.end])}'
            f"{'' if span.value is None and not span.attributes else extra.of(span)},"
            f' "annotator": {names[span.annotator]}}}'
            for span in spans
        ]
    joined_links = ""
    if links:
        joined_links = (
            ', "links": ['
            + ", ".join(
                f'{{"event": {local[link.event]}, "argument": {local[link.argument]},'
                f' "role": {names[link.role]}}}'
                for link in links
            )
            + "]"
        )
    meta = _to_json(document.meta) if document.meta else "{}"
    return (
        f'{{"id": {_scalar_json(document.id)}, "title": {quote(document.title)},'
        f' "text": {quote(text)}, "status": {quote(document.status.value)},'
        f' "source": {quote(document.source)}, "spans": [{", ".join(items)}]{joined_links},'
        f' "meta": {meta}}}'
    )


class SpanExtras(dict[int, tuple[Attributes, str]]):
    """A span's value and attributes as the JSON object's members, when it has them: a
    whole-number value's without the encoder, the attributes' JSON made once for each
    set the project read (spans read alike share one: ``core.events.decode_attributes``).
    Found by identity: equal sets may differ in JSON (1 and 1.0)."""

    def of(self, span: Span) -> str:
        value = span.value
        if value is None:
            extra = ""
        elif type(value) is int:
            extra = f', "value": {value}'
        else:
            extra = ', "value": ' + _to_json(value)
        attributes = span.attributes
        if attributes:
            known = self.get(id(attributes))
            if known is not None and known[0] is attributes:
                return extra + known[1]
            made = ', "attributes": ' + _to_json(dict(attributes))
            if len(self) < _MAX_ATTRIBUTE_SETS:  # (each kept alive, so its id stays its own)
                self[id(attributes)] = (attributes, made)
            extra += made
        return extra


_MAX_ATTRIBUTE_SETS = 10_000


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


class DoccanoExporter(LinedJsonlExporter):
    # Its links are counted by the export (no Holds.LINKS): see exporting._drain.

    def line_maker(self, report: ExportReport) -> Callable[[Document, list[Span], list[Link]], str]:
        names = QuotedWords()
        return lambda document, spans, _links: doccano_line(document, spans, report, names)


_VALUE = attrgetter("value")
_ATTRIBUTES = attrgetter("attributes")


def doccano_line(
    document: Document, spans: list[Span], report: ExportReport, names: QuotedWords
) -> str:
    """doccano's sequence labelling record {id, text, label: [[start, end, label], ...]},
    written by hand as ``native_line``."""
    values = len(spans) - list(map(_VALUE, spans)).count(None)
    if values:
        report.not_held["span value(s) not written (doccano has no place)"] += values
    for span in overlapping(spans):
        report.note(document, span, DOCCANO_OVERLAP)
    labels = ", ".join([f"[{span.start}, {span.end}, {names[span.label]}]" for span in spans])
    return (
        f'{{"id": {_scalar_json(document.id)}, "text": {_quote(document.text)},'
        f' "label": [{labels}]}}'
    )


def doccano_relations_line(
    document: Document,
    spans: list[Span],
    links: list[Link],
    report: ExportReport,
    names: QuotedWords,
) -> str:
    """doccano's relation JSONL record {id, text, entities, relations}: entities {id,
    label, start_offset, end_offset} numbered 1, 2, ... in the document, and the links
    between them as relations {id, from_id, to_id, type} (from the event to the
    argument, the role as the type). Written by hand, as ``native_line``."""
    held = len(spans) - list(map(_VALUE, spans)).count(None)
    held += sum(map(len, map(_ATTRIBUTES, spans)))
    if held:
        report.not_held["span value(s) and attribute(s) not written (doccano has no place)"] += held
    for span in overlapping(spans):
        report.note(document, span, DOCCANO_OVERLAP)
    entities = ", ".join(
        [
            f'{{"id": {number}, "label": {names[span.label]}, "start_offset": {span.start},'
            f' "end_offset": {span.end}}}'
            for number, span in enumerate(spans, start=1)
        ]
    )
    relations = ""
    if links:
        entity = {span.id: number for number, span in enumerate(spans, start=1)}
        relations = ", ".join(
            [
                f'{{"id": {number}, "from_id": {entity[link.event]},'
                f' "to_id": {entity[link.argument]}, "type": {names[link.role]}}}'
                for number, link in enumerate(links, start=1)
            ]
        )
    return (
        f'{{"id": {_scalar_json(document.id)}, "text": {_quote(document.text)},'
        f' "entities": [{entities}], "relations": [{relations}]}}'
    )


class DoccanoRelationsExporter(LinedJsonlExporter):
    """doccano's relation JSONL, what a sequence labelling project with relation labels
    exports and imports ("entities" and "relations"): a format of its own, because a
    doccano project reads one shape or the other, whatever a document holds."""

    def line_maker(self, report: ExportReport) -> Callable[[Document, list[Span], list[Link]], str]:
        names = QuotedWords()
        return lambda document, spans, links: doccano_relations_line(
            document, spans, links, report, names
        )


class ProdigyExporter(Exporter):
    """Prodigy / spaCy JSONL with tokens; spans carry token_start and token_end (inclusive).

    A span whose edge falls inside a token has no token indexes: it is written
    with its character offsets only (nothing is lost, and Prodigy can re-tokenize)
    and listed in the report, so it can be fixed before training.
    """

    in_workers = True

    def open(
        self, target: TextIO | Path, labels: LabelSchema, context: ExportContext, part: str | None
    ) -> RecordSink:
        assert not isinstance(target, Path)
        return ProdigySink(target, context)


class ProdigySink(TextSink):
    """Writes each task's line as UTF-8 bytes, made so (``prodigy_line``): into the stream's
    own bytes when it is a UTF-8 file (encoding 442 MB of text at 10,000 documents was a
    tenth of the export), piece by piece (joining them copied each line once more), else
    decoded into the stream."""

    def __init__(self, stream: TextIO, context: ExportContext):
        self.stream = stream
        self.context = context
        # One export's parts share them, and so do the chunks a worker writes (see
        # export_workers): made for each chunk of 200 documents, they were a tenth of it.
        templates = context.shared.get("prodigy")
        if not isinstance(templates, TokenTemplates):
            templates = context.shared["prodigy"] = TokenTemplates()
        self.templates = templates
        buffer = utf8_buffer(stream)
        self.write: Callable[[tuple[bytes, ...]], Any]
        if buffer is not None:
            self.write = buffer.writelines
        else:
            self.write = lambda pieces: stream.write(b"".join(pieces).decode("utf-8"))

    def add(self, document: Document, spans: list[Span]) -> None:
        self.write(prodigy_line(document, spans, self.context, self.templates))

    def add_linked(self, document: Document, spans: list[Span], links: list[Link]) -> None:
        self.write(prodigy_line(document, spans, self.context, self.templates, links))


def prodigy_line(
    document: Document,
    spans: list[Span],
    context: ExportContext,
    templates: TokenTemplates,
    links: Sequence[Link] = (),
) -> tuple[bytes, bytes, bytes]:
    """One Prodigy task as a JSON line, in three pieces: text, tokens, spans (with token
    indexes), meta.

    Tokens are spaCy's: whitespace other than one space after a token (line
    breaks, NBSP, double spaces) is a token of its own with ``ws`` false, so
    joining the tokens, each followed by a space where ``ws`` is true, gives
    the text exactly. The line is UTF-8, its newline included.
    """
    tokens, token_ranges = tokens_and_ranges(document, spans, context, templates)
    text = document.text
    # Spans and relations are written by hand too (json.dumps of 300,000 small dicts is a
    # tenth of a large export): the output is what json.dumps(..., ensure_ascii=False) gives.
    labels = templates.labels
    entries = []
    for span, found in zip(spans, token_ranges, strict=True):
        if found is not None and span.value is None and not span.attributes:  # most spans
            entries.append(
                f'{{"start": {span.start}, "end": {span.end}, "label": {labels[span.label]},'
                f' "token_start": {found[0]}, "token_end": {found[1]}}}'
            )
            continue
        entry = f'{{"start": {span.start}, "end": {span.end}, "label": {labels[span.label]}'
        if found is not None:
            entry += f', "token_start": {found[0]}, "token_end": {found[1]}'
        if span.value is not None:
            entry += ', "value": ' + _scalar_json(span.value)
        if span.attributes:  # Prodigy keeps a span's extra keys; so does our importer
            entry += ', "attributes": ' + templates.attributes.of(span.attributes)
        entries.append(entry + "}")
    context.report.spans_written += len(entries)
    meta = f'{{"id": {_scalar_json(document.id)}, "title": {_scalar_json(document.title)}}}'
    relations = ""
    if links:
        relations = ', "relations": ' + prodigy_relations(
            spans, token_ranges, links, context.report, labels
        )
    head = f'{{"text": {_quote(text)}, "tokens": ['
    tail = f'], "spans": [{", ".join(entries)}]{relations}, "meta": {meta}}}\n'
    return head.encode(), tokens, tail.encode()


# Prodigy's relations name tokens: a link to a span without token indexes cannot be written.
LINK_WITHOUT_TOKENS = (
    "link(s) not written: the event or the argument has an edge inside a token (no token indexes)"
)


def prodigy_relations(
    spans: list[Span],
    token_ranges: list[tuple[int, int] | None],
    links: Sequence[Link],
    report: ExportReport,
    names: QuotedWords,
) -> str:
    """Links as rel.manual saves relations, as a JSON array: ``head`` and ``child`` are the
    last token of the event's and the argument's span (where Prodigy's relations view
    anchors a span), ``head_span`` and ``child_span`` the spans themselves (start, end,
    token_start, token_end, label), ``label`` the role (labels and roles quoted by
    ``names``)."""
    place = {span.id: (span, found) for span, found in zip(spans, token_ranges, strict=True)}
    span_json: dict[int | None, str] = {}  # each span's JSON, made once for all its links
    relations = []
    for link in links:
        (event, event_tokens), (argument, argument_tokens) = place[link.event], place[link.argument]
        if event_tokens is None or argument_tokens is None:
            report.not_held[LINK_WITHOUT_TOKENS] += 1
            continue
        head = span_json.get(event.id)
        if head is None:
            head = span_json[event.id] = _relation_span(event, event_tokens, names)
        child = span_json.get(argument.id)
        if child is None:
            child = span_json[argument.id] = _relation_span(argument, argument_tokens, names)
        relations.append(
            f'{{"head": {event_tokens[1]}, "child": {argument_tokens[1]}, "head_span": {head},'
            f' "child_span": {child}, "label": {names[link.role]}}}'
        )
    return "[" + ", ".join(relations) + "]"


def _relation_span(span: Span, tokens: tuple[int, int], names: QuotedWords) -> str:
    return (
        f'{{"start": {span.start}, "end": {span.end}, "token_start": {tokens[0]},'
        f' "token_end": {tokens[1]}, "label": {names[span.label]}}}'
    )
