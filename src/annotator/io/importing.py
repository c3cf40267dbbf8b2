"""Import files into a project: all or nothing, every problem named by file and line."""

from __future__ import annotations

import copy
import json
import math
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from annotator.core.errors import AnnotatorError, EditError, InputError
from annotator.core.events import EventSchema, RecordLinks
from annotator.core.labels import Label, LabelSchema
from annotator.core.long_text import TextSlices
from annotator.core.validation import span_problem, value_problem
from annotator.io.decoding import (
    UnreadableFile,
    check_text_utf8,
    is_storable,
    read_regular_file,
    unstorable_string,
)
from annotator.io.input_files import gather
from annotator.io.jsonl import detect_jsonl_flavour
from annotator.io.offsets import OFFSET_MODES, resolve_offsets
from annotator.io.record_links import record_links
from annotator.io.registry import Importer, RawRecord, import_format, import_formats, importer
from annotator.io.sniffing import looks_like_another_format
from annotator.storage.bulk_import import IMPORTED, BulkInsert, ImportReport
from annotator.storage.connection import now
from annotator.storage.project import Project

Progress = Callable[[int], None]


class ImportFailed(AnnotatorError):
    """Some records are invalid, so nothing was imported."""

    def __init__(self, problems: list[InputError], count: int | None = None):
        self.problems = problems
        self.count = len(problems) if count is None else count
        shown = "\n".join(str(problem) for problem in problems[:50])
        more = f"\n... and {self.count - 50} more" if self.count > 50 else ""
        super().__init__(
            f"{self.count} invalid record(s); nothing was imported"
            f" (use --skip-invalid to import the rest):\n{shown}{more}"
        )


class ImportResult:
    """What an import did (a plain class: a dataclass's class is made at every start)."""

    __slots__ = ("report", "skipped", "skipped_count", "repeated", "repeated_count", "not_read")

    def __init__(
        self,
        report: ImportReport,
        skipped: list[InputError],
        skipped_count: int,
        repeated: list[InputError],
        repeated_count: int,
        not_read: list[InputError],
    ) -> None:
        self.report = report
        # Invalid records skipped (with skip_invalid): the first NOTES_KEPT, and how many.
        self.skipped = skipped
        self.skipped_count = skipped_count
        # Spans given twice in one record (same start, end, label): imported once.
        self.repeated = repeated
        self.repeated_count = repeated_count
        self.not_read = not_read  # in a folder: see input_files


def format_for(path: Path, fmt: str, encoding: str | None) -> str:
    """The format a file is read as: named by the user, or recognised by what it holds."""
    if fmt != "auto":
        return fmt
    suffix = path.suffix.lower()
    only = _only_reader_of(suffix)
    if only is not None:
        return only
    if suffix == ".ann" or (suffix == ".txt" and path.with_suffix(".ann").exists()):
        return "brat"
    if suffix == ".json" and _starts_with_array(path):
        return _json_array_flavour(path)
    if suffix in import_format("jsonl").suffixes:  # shared by the JSON Lines flavours
        return detect_jsonl_flavour(path, encoding)
    other = looks_like_another_format(path)
    if other is not None:
        raise InputError(str(path), other)
    return "text"


def _only_reader_of(suffix: str) -> str | None:
    """The format of a suffix no other importer reads (.conllu, .csv, .iob ...). Not text:
    a file read as text is first checked for another format's content."""
    readers = [declared.name for declared in import_formats() if suffix in declared.suffixes]
    if len(readers) == 1 and readers[0] != "text":
        return readers[0]
    return None


def _starts_with_array(path: Path) -> bool:
    try:
        head = read_regular_file(path, 64).lstrip(b"\xef\xbb\xbf \t\r\n")
    except (OSError, InputError):
        return False
    return head.startswith(b"[")


def _json_array_flavour(path: Path) -> str:
    """Label Studio tasks carry "data"/"annotations"; the event GSR carries "text"/"spans"."""
    try:
        first = json.loads(read_regular_file(path))[0]
    except (OSError, InputError, ValueError, IndexError, KeyError, TypeError, RecursionError):
        return "openeventdata"  # its reader reports what is wrong with the file
    if isinstance(first, dict) and ("data" in first or "annotations" in first):
        return "labelstudio"
    return "openeventdata"


def read_records(
    paths: list[Path], fmt: str, encoding: str | None, offsets: str = "auto"
) -> Iterator[RawRecord | InputError]:
    """Records of the files; ``offsets`` says how editors' spans count (annotator.io.offsets)."""
    for path in paths:
        yield from _file_records(path, fmt, encoding, offsets)[1]


def _file_records(
    path: Path, fmt: str, encoding: str | None, offsets: str, events: EventSchema | None = None
) -> tuple[Importer | None, Iterator[RawRecord | InputError]]:
    """The importer that reads ``path`` (None if none can) and what it reads."""
    try:
        name = format_for(path, fmt, encoding)
    except InputError as exc:
        return None, iter([exc])
    reader = importer(name)
    if events is not None:  # the importers are shared: this import's own copy
        reader = copy.copy(reader)
        reader.events = events
    return reader, _records(reader, name, path, encoding, offsets)


def _records(
    reader: Importer, name: str, path: Path, encoding: str | None, offsets: str
) -> Iterator[RawRecord | InputError]:
    try:
        if not reader.editor_offsets:
            yield from reader.read(path, encoding)
            return
        for item in reader.read(path, encoding):
            if isinstance(item, RawRecord):
                item = resolve_offsets(item, offsets)
            handed = [item]  # not kept here while the import stores it
            del item
            yield handed.pop()
    except (ValueError, RecursionError) as exc:
        # A parser giving up on hostile input (a number of 5000 digits, nesting
        # deeper than Python's stack) is a bad file, not a crash of the import.
        yield InputError(str(path), f"cannot be read as {name} ({exc or 'nested too deeply'})")


# Problems and notes are counted; this many of each are kept to be listed.
NOTES_KEPT = 10_000


class Notes:
    """Problems (or notes) of an import: all counted, the first NOTES_KEPT kept."""

    def __init__(self, first: Iterable[InputError] = ()) -> None:
        self.kept: list[InputError] = []
        self.count = 0
        for note in first:
            self.add(note)

    def add(self, note: InputError) -> None:
        self.count += 1
        if len(self.kept) < NOTES_KEPT:
            self.kept.append(note)

    def mark(self) -> tuple[int, int]:
        return len(self.kept), self.count

    def back_to(self, mark: tuple[int, int]) -> None:
        del self.kept[mark[0] :]
        self.count = mark[1]


def import_paths(
    project: Project,
    paths: Iterable[str | Path],
    fmt: str = "auto",
    encoding: str | None = None,
    add_labels: bool = False,
    skip_invalid: bool = False,
    progress: Progress | None = None,
    offsets: str = "auto",
) -> ImportResult:
    """Read, check and insert record by record, in one transaction (all or nothing).

    ``offsets`` (auto, codepoints, utf16): how the spans of doccano and Label Studio
    files count; see ``annotator.io.offsets``.

    Without ``skip_invalid`` any invalid record means nothing is imported (the rest
    is still read, to list every problem). A file that cannot be read or decoded
    is one problem, and none of its records is imported. ``progress`` is called
    with the number of records read so far; an exception raised from it cancels
    the import, leaving the project as it was. Memory stays bounded by the largest
    record and the insert buffer, whatever the size of the files.
    """
    if offsets not in OFFSET_MODES:
        raise AnnotatorError(f"--offsets {offsets!r}: one of {', '.join(OFFSET_MODES)}")
    found = gather(paths)
    problems = Notes(found.problems)
    repeated = Notes()
    count = 0
    # One transaction (the write lock: labels cannot change under the checks).
    with project.bulk_transaction():
        bulk = BulkInsert(project, now())
        checker = RecordChecker(bulk.labels(), add_labels, bulk.add_label)
        events = project.event_schema()
        linked: list[RecordLinks] = []  # of the records with links or attributes
        for path in found.files:
            reader, items = _file_records(path, fmt, encoding, offsets, events)
            # A file read as a stream may turn out unreadable half-way: take it back whole.
            streams = reader is not None and reader.streams
            if streams:
                bulk.begin_part()
                before = problems.mark(), repeated.mark()
            for item in items:
                count += 1
                if progress is not None:
                    progress(count)
                if isinstance(item, InputError):
                    if streams and isinstance(item, UnreadableFile):
                        bulk.undo_part()
                        problems.back_to(before[0])
                        repeated.back_to(before[1])
                        checker = RecordChecker(bulk.labels(), add_labels, bulk.add_label)
                    problems.add(item)
                    continue
                checked = checker.check(item, bulk.next_document_id)
                if isinstance(checked, InputError):
                    problems.add(checked)
                    continue
                if len(checked) > 1 and _repeats(checked, checker.short_rows_only):
                    merged = _merge_repeated(item, checked)
                    if isinstance(merged, InputError):
                        problems.add(merged)
                        continue
                    checked, notes = merged
                    checker.short_rows_only = False
                    for note in notes:
                        repeated.add(note)
                # Plain spans carry no attributes: only a record with links has extras.
                extras = None
                if item.links or not checker.plain_spans:
                    extras = record_links(item, events)
                if isinstance(extras, InputError):
                    problems.add(extras)
                    continue
                if skip_invalid or not problems.count:
                    document, long_text, utf8 = item.document, item.long_text, item.utf8
                    del item  # the readers keep none: the buffer alone holds a large text
                    added = bulk.add(
                        document,
                        document.content_hash,
                        checked,
                        checker.short_rows_only,
                        long_text,
                        utf8,
                    )
                    if added and extras is not None:
                        linked.append(extras)
                    del document, long_text, utf8
                    bulk.write_if_due()
            if bulk.in_part:
                bulk.end_part()
        if problems.count and not skip_invalid:
            raise ImportFailed(problems.kept, problems.count)
        report = bulk.finish()
        if linked:
            project.store_record_links(bulk.added_document_ids(), linked)
    project.publish_import(bulk)
    return ImportResult(
        report, problems.kept, problems.count, repeated.kept, repeated.count, found.not_read
    )


def _repeats(rows: list[tuple[Any, ...]], short_rows_only: bool) -> bool:
    """Whether two of a record's span rows are at one place with one label."""
    if short_rows_only:  # (document_id, start, end, label) of one document: compare whole
        return len(set(rows)) < len(rows)
    return len({row[1:4] for row in rows}) < len(rows)


def _long(row: tuple[Any, ...]) -> tuple[Any, ...]:
    return row if len(row) == 7 else (*row, "", None, IMPORTED)


def _merge_repeated(
    record: RawRecord, rows: list[tuple[Any, ...]]
) -> tuple[list[tuple[Any, ...]], list[InputError]] | InputError:
    """One span per (start, end, label): a repeat is imported once and reported.

    A repeat that gives the same place and label another value is a contradiction,
    not a repeat: the record is invalid. Rows are as RecordChecker makes them.
    """
    first: dict[tuple[int, int, str], int] = {}
    kept: list[tuple[Any, ...]] = []
    notes: list[InputError] = []
    for index, row in enumerate(rows, start=1):
        key = row[1:4]
        if key not in first:
            first[key] = len(kept)
            kept.append(row)
            continue
        where = first[key]
        earlier = _long(kept[where])
        start, end, label = key
        value, earlier_value = _long(row)[5], earlier[5]
        place = f"{start}-{end} {label!r}"
        if value is not None and earlier_value is not None and value != earlier_value:
            return InputError(
                record.path,
                f"span {index}: same place and label as an earlier span ({place}) but"
                f" value {value!r} instead of {earlier_value!r}",
                line=record.line,
            )
        if earlier_value is None and value is not None:
            kept[where] = (*earlier[:5], value, *earlier[6:])
        notes.append(
            InputError(
                record.path,
                f"span {index}: repeats an earlier span ({place}); imported once",
                line=record.line,
            )
        )
    return kept, notes


SQLITE_INTEGERS = range(-(2**63), 2**63)


class RecordChecker:
    """Checks a record's document and spans against the project before it is stored."""

    def __init__(
        self, schema: LabelSchema, add_labels: bool, on_new_label: Callable[[Label], None]
    ):
        self.schema = schema
        self.new_labels: dict[str, Label] = {}
        self.add_labels = add_labels
        self.on_new_label = on_new_label
        self.known = set(schema.names())
        self.short_rows_only = True  # of the last record checked
        # The last record's spans were all {start, end, label}: no attributes, no value.
        self.plain_spans = True

    def check(self, record: RawRecord, document_id: int) -> list[tuple[Any, ...]] | InputError:
        """The record's span rows for ``document_id`` (see bulk_import.SpanRow), or why
        it cannot be stored. Fills in the document's content hash.
        """
        document = record.document
        text = record.text
        if not document.content_hash:  # (a long text's was made as it was read)
            try:
                document.content_hash, record.utf8 = check_text_utf8(
                    document.text, record.path, record.line
                )
            except InputError as exc:
                return exc
        if not record.strings_storable and (
            document.meta or not (is_storable(document.title) and is_storable(document.source))
        ):
            problem = unstorable_string(
                {"title": document.title, "source": document.source, "meta": document.meta}
            )
            if problem is not None:
                return InputError(record.path, problem, line=record.line)
        length = len(text)
        known = self.known
        spans = record.spans
        rows = _plain_rows(spans, document_id, length, known)
        self.plain_spans = len(rows) == len(spans)
        if self.plain_spans:
            self.short_rows_only = True
            return rows
        # From the first span that is not plain and valid on: checked whole, explained.
        add = rows.append
        short_only = True
        for index in range(len(rows), len(spans)):
            raw = spans[index]
            if type(raw) is not dict:
                return InputError(
                    record.path, f"span {index + 1}: must be an object", line=record.line
                )
            get = raw.get
            start, end, label = get("start"), get("end"), get("label")
            quoted, value, annotator_name = get("text"), get("value"), get("annotator", "")
            if not (
                type(start) is int
                and type(end) is int
                and 0 <= start < end <= length
                and type(label) is str
                and label in known
                and (quoted is None or quoted == text[start:end])
                and (value is None or _plain_value(value))
                and type(annotator_name) is str
                and (not annotator_name or is_storable(annotator_name))
            ):
                problem = self._span_problem(text, raw)
                if problem is not None:
                    return InputError(record.path, f"span {index + 1}: {problem}", line=record.line)
            if value is None and not annotator_name:
                add((document_id, start, end, label))
            else:
                short_only = False
                add((document_id, start, end, label, annotator_name, value, IMPORTED))
        self.short_rows_only = short_only
        return rows

    def _span_problem(self, text: TextSlices, raw: dict[str, Any]) -> str | None:
        label = raw.get("label")
        problem = span_problem(text, raw.get("start"), raw.get("end"), label, raw.get("text"))
        problem = (
            problem
            or value_problem(raw.get("value"))
            or _number_problem(raw.get("value"))
            or unstorable_string(raw)
        )
        annotator_name = raw.get("annotator", "")
        if problem is None and not isinstance(annotator_name, str):
            problem = f"annotator must be a string (got {annotator_name!r})"
        if problem is not None or label in self.known:
            return problem
        assert isinstance(label, str)  # span_problem found none with it
        if not self.add_labels:
            return (
                f"unknown label {label!r} (known: {', '.join(self.schema.names())};"
                " use --add-labels to add it)"
            )
        try:
            new = LabelSchema([*self.schema, *self.new_labels.values()]).with_added(label)
        except EditError as exc:
            return str(exc)
        self.new_labels[label] = new
        self.known.add(label)
        self.on_new_label(new)
        return None


def _plain_rows(
    spans: list[Any], document_id: int, length: int, known: set[str]
) -> list[tuple[Any, ...]]:
    """The rows of the spans up to the first that is not plain and valid ({start, end,
    label} alone, with 0 <= start < end <= length and a known label): all of them in most
    records. Read by subscript, with nothing else to keep, such spans cost a fifth less
    than in the loop that checks the others whole (``RecordChecker.check``).
    """
    rows: list[tuple[Any, ...]] = []
    add = rows.append
    for span in spans:
        # type(), not isinstance: a bool is an int, but no offset (the loop says so).
        # With three keys, a span that has start, end and label has nothing else.
        if type(span) is not dict or len(span) != 3:
            break
        try:
            start, end, label = span["start"], span["end"], span["label"]
        except KeyError:
            break
        if not (
            type(start) is int
            and type(end) is int
            and 0 <= start < end <= length
            and type(label) is str
            and label in known
        ):
            break
        add((document_id, start, end, label))
    return rows


def _plain_value(value: object) -> bool:
    # type(), not isinstance: a bool is an int, but not a plain value here.
    if type(value) is int:
        return value in SQLITE_INTEGERS
    if type(value) is str:
        return is_storable(value)
    return type(value) is float and math.isfinite(value)


def _number_problem(value: object) -> str | None:
    if isinstance(value, int) and value not in SQLITE_INTEGERS:
        return f"value {value} is too large to store (64-bit integers only)"
    if isinstance(value, float) and not math.isfinite(value):
        return f"value {value} is not a finite number (SQLite would store NaN as nothing)"
    return None
