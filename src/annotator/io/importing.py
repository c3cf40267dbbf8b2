"""Import files into a project: all or nothing, every problem named by file and line."""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.errors import AnnotatorError, EditError, InputError
from annotator.core.labels import Label, LabelSchema
from annotator.core.model import Document, NewSpan, Origin
from annotator.core.validation import span_problem, value_problem
from annotator.io.decoding import read_regular_file, unstorable_string
from annotator.io.input_files import gather
from annotator.io.jsonl import detect_jsonl_flavour
from annotator.io.offsets import OFFSET_MODES, resolve_offsets
from annotator.io.registry import RawRecord, importer
from annotator.io.sniffing import looks_like_another_format
from annotator.storage.document_import import ImportReport
from annotator.storage.project import Project

Progress = Callable[[int], None]


class ImportFailed(AnnotatorError):
    """Some records are invalid, so nothing was imported."""

    def __init__(self, problems: list[InputError]):
        self.problems = problems
        shown = "\n".join(str(problem) for problem in problems[:50])
        more = f"\n... and {len(problems) - 50} more" if len(problems) > 50 else ""
        super().__init__(
            f"{len(problems)} invalid record(s); nothing was imported"
            f" (use --skip-invalid to import the rest):\n{shown}{more}"
        )


@dataclass
class ImportResult:
    report: ImportReport
    skipped: list[InputError] = field(default_factory=list)  # invalid, with skip_invalid
    # Spans given twice in one record (same start, end, label): imported once.
    repeated: list[InputError] = field(default_factory=list)
    not_read: list[InputError] = field(default_factory=list)  # in a folder: see input_files


IOB_SUFFIXES = frozenset({".conll", ".iob", ".iob2", ".bio"})


def format_for(path: Path, fmt: str, encoding: str | None) -> str:
    """The format a file is read as: named by the user, or recognised by what it holds."""
    if fmt != "auto":
        return fmt
    suffix = path.suffix.lower()
    if suffix in {".conllu", ".csv"}:
        return suffix[1:]
    if suffix in IOB_SUFFIXES:
        return "iob2"
    if suffix == ".ann" or (suffix == ".txt" and path.with_suffix(".ann").exists()):
        return "brat"
    if suffix == ".json" and _starts_with_array(path):
        return _json_array_flavour(path)
    if suffix in {".jsonl", ".ndjson", ".json"}:
        return detect_jsonl_flavour(path, encoding)
    other = looks_like_another_format(path)
    if other is not None:
        raise InputError(str(path), other)
    return "text"


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
        try:
            name = format_for(path, fmt, encoding)
        except InputError as exc:
            yield exc
            continue
        reader = importer(name)
        try:
            for item in reader.read(path, encoding):
                if reader.editor_offsets and isinstance(item, RawRecord):
                    item = resolve_offsets(item, offsets)
                yield item
        except (ValueError, RecursionError) as exc:
            # A parser giving up on hostile input (a number of 5000 digits, nesting
            # deeper than Python's stack) is a bad file, not a crash of the import.
            yield InputError(str(path), f"cannot be read as {name} ({exc or 'nested too deeply'})")


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
    """Validate everything first, then import in one transaction.

    ``offsets`` (auto, codepoints, utf16): how the spans of doccano and Label Studio
    files count; see ``annotator.io.offsets``.

    Without ``skip_invalid`` any invalid record means nothing is imported.
    ``progress`` is called with the number of records read so far; an exception
    raised from it cancels the import, leaving the project as it was.
    """
    if offsets not in OFFSET_MODES:
        raise AnnotatorError(f"--offsets {offsets!r}: one of {', '.join(OFFSET_MODES)}")
    found = gather(paths)
    schema = project.labels()
    new_labels: dict[str, Label] = {}
    records: list[tuple[Document, list[NewSpan]]] = []
    problems: list[InputError] = list(found.problems)
    repeated: list[InputError] = []
    for count, item in enumerate(read_records(found.files, fmt, encoding, offsets), start=1):
        if progress is not None:
            progress(count)
        if isinstance(item, InputError):
            problems.append(item)
            continue
        checked = _check_record(item, schema, new_labels, add_labels)
        if isinstance(checked, InputError):
            problems.append(checked)
            continue
        document, spans = checked
        merged = _merge_repeated(item, spans)
        if isinstance(merged, InputError):
            problems.append(merged)
        else:
            spans, notes = merged
            repeated.extend(notes)
            records.append((document, spans))
    if problems and not skip_invalid:
        raise ImportFailed(problems)
    report = project.import_documents(records, new_labels=list(new_labels.values()))
    return ImportResult(report, problems, repeated, found.not_read)


def _merge_repeated(
    record: RawRecord, spans: list[NewSpan]
) -> tuple[list[NewSpan], list[InputError]] | InputError:
    """One span per (start, end, label): a repeat is imported once and reported.

    A repeat that gives the same place and label another value is a contradiction,
    not a repeat: the record is invalid.
    """
    first: dict[tuple[int, int, str], int] = {}
    kept: list[NewSpan] = []
    notes: list[InputError] = []
    for index, span in enumerate(spans, start=1):
        key = (span.start, span.end, span.label)
        if key not in first:
            first[key] = len(kept)
            kept.append(span)
            continue
        where = first[key]
        earlier = kept[where]
        place = f"{span.start}-{span.end} {span.label!r}"
        if span.value is not None and earlier.value is not None and span.value != earlier.value:
            return InputError(
                record.path,
                f"span {index}: same place and label as an earlier span ({place}) but"
                f" value {span.value!r} instead of {earlier.value!r}",
                line=record.line,
            )
        if earlier.value is None and span.value is not None:
            kept[where] = earlier._replace(value=span.value)
        notes.append(
            InputError(
                record.path,
                f"span {index}: repeats an earlier span ({place}); imported once",
                line=record.line,
            )
        )
    return (kept, notes) if notes else (spans, notes)


def _check_record(
    record: RawRecord, schema: LabelSchema, new_labels: dict[str, Label], add_labels: bool
) -> tuple[Document, list[NewSpan]] | InputError:
    text = record.document.text
    length = len(text)
    spans = []
    imported = Origin.IMPORTED
    document = record.document
    problem = unstorable_string(
        {"title": document.title, "source": document.source, "meta": document.meta}
    )
    if problem is not None:
        return InputError(record.path, problem, line=record.line)
    for index, raw in enumerate(record.spans, start=1):
        if type(raw) is not dict:
            return InputError(record.path, f"span {index}: must be an object", line=record.line)
        start, end, label = raw.get("start"), raw.get("end"), raw.get("label")
        value, annotator_name = raw.get("value"), raw.get("annotator", "")
        # Most spans are plain and valid: check them cheaply, and explain the rest.
        plain = (
            type(start) is int
            and type(end) is int
            and 0 <= start < end <= length
            and type(label) is str
            and label in schema
            and "text" not in raw
            and value is None
            and type(annotator_name) is str
            and not (annotator_name and unstorable_string(annotator_name))
        )
        if not plain:
            problem = _span_problem(text, raw, schema, new_labels, add_labels)
            if problem is not None:
                return InputError(record.path, f"span {index}: {problem}", line=record.line)
        spans.append(NewSpan(start, end, label, annotator_name, value, imported))
    return record.document, spans


def _span_problem(
    text: str, raw: dict, schema: LabelSchema, new_labels: dict[str, Label], add_labels: bool
) -> str | None:
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
    if problem is not None or label in schema or label in new_labels:
        return problem
    if not add_labels:
        return (
            f"unknown label {label!r} (known: {', '.join(schema.names())};"
            " use --add-labels to add it)"
        )
    try:
        new_labels[label] = LabelSchema([*schema, *new_labels.values()]).with_added(label)
    except EditError as exc:
        return str(exc)
    return None


SQLITE_INTEGERS = range(-(2**63), 2**63)


def _number_problem(value: object) -> str | None:
    if isinstance(value, int) and value not in SQLITE_INTEGERS:
        return f"value {value} is too large to store (64-bit integers only)"
    if isinstance(value, float) and not math.isfinite(value):
        return f"value {value} is not a finite number (SQLite would store NaN as nothing)"
    return None
