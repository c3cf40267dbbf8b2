"""brat standoff: a folder with ``doc-000123.txt`` and ``doc-000123.ann`` per document.

File names come from document ids only, never from titles. The ``.txt`` holds
the text exactly as stored (CRLF kept, written with ``newline=''``), so brat's
character offsets are ours. Each span is a text-bound annotation::

    T1<TAB>actor 5 11<TAB>روسيا
    #1<TAB>AnnotatorNotes T1<TAB>value=1500      # a span's value, when it has one

Events, links and attributes (a document with links or span attributes; one
without is written exactly as before)::

    T3<TAB>attack 40 44<TAB>هاجم          # an event span: its brat type is its event type,
    E1<TAB>attack:T3 agent:T1 target:T2     # or its label when it has none
    A1<TAB>country T1 PAK                   # any other attribute; on an event, of its E

Every span labelled as an event (``EventSchema.event_labels``) is a trigger with an
``E`` line, even without arguments; a second argument in one role is ``agent2``, a
third ``agent3`` (brat's numbering). The event's type is its brat type rather than
an attribute, as brat users expect; reading maps a brat type back to the label when
it names one, else to the project's event label with that type. An attribute value
must be a brat name (no spaces, none of ``, | : = # < >``, which annotation.conf
reserves): a value that is not is left out and counted in the report, never altered.
The number's ``value`` stays an AnnotatorNotes line.

``annotation.conf`` lists the labels as entity types, the event labels and types
under ``[events]`` with the roles their arguments may take (``agent*:actor``: any
number, none required) and under ``[attributes]`` each attribute with the values
the export wrote (brat lists an attribute's values); its ``<OVERLAP>`` rule allows
any overlap between entities, so brat's validation accepts nested spans.

Read the ``.txt`` files as bytes or with ``newline=''``: text mode turns CRLF
into LF and shifts every later offset.

A span that crosses a line break is written as brat writes it, in fragments
split at the line breaks (``T2<TAB>event 40 52;53 60<TAB>...``), because the
.ann line cannot hold a line break; reading joins the fragments back.
"""

from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from annotator.core.errors import EditError, InputError
from annotator.core.events import (
    TYPE_ATTRIBUTE,
    VALUE_ATTRIBUTE,
    AttributeKind,
    AttributeValue,
    EventSchema,
    Link,
    attribute,
)
from annotator.core.labels import LabelSchema
from annotator.core.model import Document, Span, title_from_text
from annotator.io.decoding import decode_bytes, read_regular_file
from annotator.io.registry import (
    Exporter,
    Importer,
    RawRecord,
    RecordSink,
)
from annotator.io.report import ExportContext

VALUE_PREFIX = "value="
_LINE_BREAK = re.compile(r"\r\n|[\n\r\u2028\u2029\x0b\x0c\x85]")


def document_stem(document: Document, fallback: int) -> str:
    """doc-000123: the document's id (or its position when it has none), nothing else."""
    number = document.id if isinstance(document.id, int) and document.id >= 0 else fallback
    return f"doc-{number:06d}"


def fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The pieces of [start, end) between line breaks, without empty pieces."""
    pieces = []
    begin = start
    for match in _LINE_BREAK.finditer(text, start, end):
        if match.start() > begin:
            pieces.append((begin, match.start()))
        begin = match.end()
    if end > begin:
        pieces.append((begin, end))
    return pieces


def ann_lines(
    document: Document,
    spans: list[Span],
    links: Sequence[Link] = (),
    context: ExportContext | None = None,
) -> list[str]:
    """The .ann lines of a document: T lines (and value notes), then, when the document
    has links or attributes, its E and A lines."""
    events = context.events if context is not None else EventSchema()
    linked = bool(links) or any(span.attributes for span in spans)
    event_labels = events.event_labels if linked else frozenset()
    text = document.text
    lines: list[str] = []
    append = lines.append
    notes = 0
    # The brat type of each event span, by T number (its E line names it again).
    event_kinds: dict[int, str] = {}
    for number, span in enumerate(spans, start=1):
        start, end, kind = span.start, span.end, span.label
        piece = text[start:end]
        if kind in event_labels:
            kind = event_kinds[number] = _event_brat_type(span)
        if piece.isprintable():  # one piece: every line break is an unprintable character
            append(f"T{number}\t{kind} {start} {end}\t{piece}")
        else:
            pieces = fragments(text, start, end) or [(start, end)]
            where = ";".join(f"{a} {b}" for a, b in pieces)
            quoted = " ".join(text[a:b] for a, b in pieces)
            append(f"T{number}\t{kind} {where}\t{quoted}")
        if span.value is not None:
            notes += 1
            value = span.value
            shown = repr(value) if type(value) is int else json.dumps(value)  # as json writes it
            append(f"#{notes}\tAnnotatorNotes T{number}\t{VALUE_PREFIX}{shown}")
    if linked:
        lines.extend(_event_and_attribute_lines(spans, links, events, event_kinds, context))
    return lines


def _event_brat_type(span: Span) -> str:
    """An event span's brat type: its event type, or its label when it has none (any
    other span's brat type is its label)."""
    event_type = attribute(span.attributes, TYPE_ATTRIBUTE)
    return str(event_type) if event_type is not None else span.label


# What annotation.conf reserves: a name (attribute value) holds none of these.
_BRAT_NAME = re.compile(r"[^\s,|:=#<>]+")
NOT_A_NAME = (
    "attribute value(s) not written (brat values are names: no spaces, none of , | : = # < >)"
)


def _event_and_attribute_lines(
    spans: list[Span],
    links: Sequence[Link],
    events: EventSchema,
    event_kinds: dict[int, str],
    context: ExportContext | None,
) -> list[str]:
    """E lines (``event_kinds``: each event span's brat type by T number, in order), then
    A lines."""
    lines: list[str] = []
    event_of: dict[int, int] = {}  # T number -> E number
    arguments: dict[int | None, list[tuple[int, int, str]]] = {}
    if links:
        number_of = {span.id: number for number, span in enumerate(spans, start=1)}
        role_order = {role.name: place for place, role in enumerate(events.roles)}
        unknown = len(role_order)
        for link in links:
            role = link.role
            found = arguments.get(link.event)
            if found is None:
                found = arguments[link.event] = []
            found.append((role_order.get(role, unknown), number_of[link.argument], role))
    for number, kind in event_kinds.items():
        event = event_of[number] = len(event_of) + 1
        taken = arguments.get(spans[number - 1].id)
        if not taken:
            lines.append(f"E{event}\t{kind}:T{number}")
            continue
        parts = [f"{kind}:T{number}"]
        seen: dict[str, int] = {}
        for _, argument, role in sorted(taken):
            count = seen[role] = seen.get(role, 0) + 1
            parts.append(f"{role}{count if count > 1 else ''}:T{argument}")
        lines.append(f"E{event}\t{' '.join(parts)}")
    written = 0
    for number, span in enumerate(spans, start=1):
        if not span.attributes:
            continue
        is_event = number in event_of
        target = f"E{event_of[number]}" if is_event else f"T{number}"
        for key, value in span.attributes:
            if is_event and key == TYPE_ATTRIBUTE:
                continue  # the event's brat type
            shown = json.dumps(value) if type(value) is not str else value
            if not _BRAT_NAME.fullmatch(shown):
                if context is not None:
                    context.report.not_held[NOT_A_NAME] += 1
                continue
            written += 1
            lines.append(f"A{written}\t{key} {target} {shown}")
            if context is not None:
                values = context.shared.setdefault("brat", {})
                assert isinstance(values, dict)
                values.setdefault(key, set()).add(shown)
    return lines


class BratSink(RecordSink):
    def __init__(self, folder: Path, context: ExportContext):
        self.folder = folder
        self.context = context
        self.count = 0

    def add(self, document: Document, spans: list[Span]) -> None:
        self.add_linked(document, spans, [])

    def add_linked(self, document: Document, spans: list[Span], links: list[Link]) -> None:
        self.count += 1
        stem = os.path.join(self.folder, document_stem(document, self.count))
        # The text exactly as stored (CRLF kept), the .ann with LF.
        write_new_file(f"{stem}.txt", document.text.encode("utf-8"))
        lines = ann_lines(document, spans, links, self.context)
        lines.append("")  # the last line's line break
        write_new_file(f"{stem}.ann", "\n".join(lines).encode("utf-8") if len(lines) > 1 else b"")
        self.context.report.spans_written += len(spans)


_NEW_FILE = (
    os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
)


def write_new_file(path: str, data: bytes) -> None:
    """``data`` as the file at ``path``, by the system's calls: a file object for each of
    20,000 files (and its three more calls: stat, ioctl, seek) cost more than the writing."""
    handle = os.open(path, _NEW_FILE, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(handle, view) :]
    finally:
        os.close(handle)


class BratExporter(Exporter):
    def open(
        self, target: TextIO | Path, labels: LabelSchema, context: ExportContext, part: str | None
    ) -> RecordSink:
        assert isinstance(target, Path)
        return BratSink(target, context)

    def finish_folder(self, root: Path, labels: LabelSchema, context: ExportContext) -> None:
        # brat's own configuration, so the folder opens in brat with our labels.
        values = context.shared.get("brat", {})
        assert isinstance(values, dict)
        (root / "annotation.conf").write_text(
            annotation_conf(labels.names(), context.events, values),
            encoding="utf-8",
            newline="\n",
        )


# Spans of a project may nest, overlap or coincide, whatever their labels; without this rule
# brat reports each nested span as an error ("weapon cannot contain number").
OVERLAP_RULE = "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>"


def annotation_conf(
    labels: list[str],
    events: EventSchema | None = None,
    values: dict[str, set[str]] | None = None,
) -> str:
    """brat's configuration: entities, the overlap rule, events with their arguments and
    the attributes with the values written (``values``: attribute name -> values)."""
    events = events or EventSchema()
    values = values or {}
    event_labels = [label for label in labels if label in events.event_labels]
    entities = "".join(f"{label}\n" for label in labels if label not in events.event_labels)
    arguments = []
    for role in events.roles:
        accepted = [label for label in labels if label in role.accepts]
        if accepted:
            kinds = ["<EVENT>" if label in events.event_labels else label for label in accepted]
            arguments.append(f"{role.name}*:{'|'.join(dict.fromkeys(kinds))}")
    event_lines = ""
    if event_labels:
        names = dict.fromkeys([*event_labels, *events.event_type_names()])
        event_lines = "".join(f"{name}\t{', '.join(arguments)}\n" for name in names)
    attribute_lines = ""
    for name, written in sorted(values.items()):
        owners = [key.label for key in events.attribute_keys if key.name == name]
        kinds = ["<EVENT>" if label in events.event_labels else label for label in owners]
        where = "|".join(dict.fromkeys(kinds)) or "<ANY>"
        attribute_lines += f"{name}\tArg:{where}, Value:{'|'.join(sorted(written))}\n"
    return (
        f"[entities]\n{entities}[relations]\n{OVERLAP_RULE}\n"
        f"[events]\n{event_lines}[attributes]\n{attribute_lines}"
    )


class BratImporter(Importer):
    """Reads a .txt with the .ann beside it (a folder: give --format brat and the folder)."""

    def read(self, path: Path, encoding: str | None) -> Iterator[RawRecord | InputError]:
        text_path = path.with_suffix(".txt")
        ann_path = path.with_suffix(".ann")
        source = str(ann_path)
        try:
            text = decode_bytes(read_regular_file(text_path), str(text_path), encoding)
            ann = decode_bytes(read_regular_file(ann_path), source, encoding)
        except FileNotFoundError as exc:
            yield InputError(exc.filename, "missing (brat needs the .txt and the .ann)")
            return
        except InputError as exc:
            yield exc
            return
        if not text.strip():
            yield InputError(str(text_path), "is empty; nothing to annotate")
            return
        try:
            spans, links = read_ann(ann, text, source, self.events)
        except InputError as exc:
            yield exc
            return
        document = Document(
            title=title_from_text(text, path.stem), text=text, source=str(text_path)
        )
        yield RawRecord(document, source, spans, links=links)


def read_ann(
    ann: str, text: str, source: str, events: EventSchema | None = None
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The spans of an .ann (each with an "id", its place in the list, and its
    "attributes") and the links of its E lines by those ids. E and A lines are read
    after all T lines, whatever their order in the file."""
    events = events or EventSchema()
    spans: dict[str, dict[str, Any]] = {}
    later: list[tuple[int, list[str]]] = []
    for number, line in enumerate(ann.split("\n"), start=1):
        line = line.rstrip("\r")
        if not line.strip():
            continue
        fields = line.split("\t")
        if line.startswith("T"):
            if len(fields) < 2:
                raise InputError(source, "a T line is ID<TAB>TYPE START END<TAB>TEXT", line=number)
            if fields[0] in spans:
                raise InputError(
                    source,
                    f"{fields[0]} is defined twice (first on line {spans[fields[0]]['line']})",
                    line=number,
                )
            label, _, where = fields[1].partition(" ")
            pieces = _pieces(where)
            if pieces is None:
                raise InputError(source, f"offsets {where!r} are not START END", line=number)
            if any(b[0] < a[1] for a, b in zip(pieces, pieces[1:], strict=False)):
                raise InputError(
                    source, f"fragments {where!r} overlap or are out of order", line=number
                )
            start, end = pieces[0][0], pieces[-1][1]
            gaps_blank = all(
                not text[a[1] : b[0]].strip() for a, b in zip(pieces, pieces[1:], strict=False)
            )
            if not gaps_blank:
                raise InputError(
                    source, "discontinuous spans (text between fragments) are not supported", number
                )
            spans[fields[0]] = {"start": start, "end": end, "label": label, "line": number}
        elif line.startswith("#") and len(fields) >= 3:
            kind, _, target = fields[1].partition(" ")
            note = fields[2]
            if kind == "AnnotatorNotes" and target in spans and note.startswith(VALUE_PREFIX):
                raw = note[len(VALUE_PREFIX) :]
                try:
                    spans[target]["value"] = json.loads(raw)
                except json.JSONDecodeError:
                    spans[target]["value"] = raw
        elif line[:1] in ("E", "A"):
            later.append((number, fields))
        # Relations and normalisations have no place in a project: skipped.
    for local, span in enumerate(spans.values(), start=1):
        span["id"] = local
    reader = _EventReader(spans, events, source)
    for number, fields in later:
        if fields[0].startswith("E"):
            reader.event(number, fields)
    for span in spans.values():  # a typed trigger no E line names (brat warns of it)
        if "event_of" not in span and span["label"] in events.event_type_names():
            reader.untriggered(span)
    for number, fields in later:
        if fields[0].startswith("A"):
            reader.attribute(number, fields)
    for span in spans.values():
        for key in ("line", "event_of", "brat_type"):
            span.pop(key, None)
        if not span.get("attributes"):
            span.pop("attributes", None)
    return list(spans.values()), reader.links


class _EventReader:
    """E and A lines into links and attributes, checked against the project as read."""

    def __init__(self, spans: dict[str, dict[str, Any]], events: EventSchema, source: str):
        self.spans = spans
        self.events = events
        self.source = source
        self.triggers: dict[str, dict[str, Any]] = {}  # E id -> its trigger's span
        self.links: list[dict[str, Any]] = []
        self.event_line: dict[str, int] = {}

    def _refuse(self, reason: str, line: int) -> InputError:
        return InputError(self.source, reason, line=line)

    def _span(self, ident: str, line: int) -> dict[str, Any]:
        if ident in self.spans:
            return self.spans[ident]
        if ident in self.triggers:  # an event as an argument: its trigger
            return self.triggers[ident]
        raise self._refuse(f"{ident} is not a T or E line of this file", line)

    def event(self, line: int, fields: list[str]) -> None:
        ident = fields[0]
        if len(fields) < 2 or ":" not in fields[1]:
            raise self._refuse("an E line is ID<TAB>TYPE:TRIGGER ROLE:ARGUMENT ...", line)
        if ident in self.event_line:
            raise self._refuse(
                f"{ident} is defined twice (first on line {self.event_line[ident]})", line
            )
        self.event_line[ident] = line
        head, *arguments = fields[1].split()
        event_type, _, trigger_id = head.partition(":")
        trigger = self.spans.get(trigger_id)
        if trigger is None:
            raise self._refuse(f"trigger {trigger_id!r} is not a T line of this file", line)
        if trigger.get("event_of") is not None:
            raise self._refuse(
                f"{trigger_id} is already the trigger of {trigger['event_of']}", line
            )
        if trigger["label"] != event_type and trigger.get("brat_type") != event_type:
            raise self._refuse(
                f"event type {event_type!r} differs from its trigger's type"
                f" {trigger['label']!r} (brat gives both the same)",
                line,
            )
        self._event_label(trigger, event_type, line)
        trigger["event_of"] = ident
        self.triggers[ident] = trigger
        for argument in arguments:
            role, _, target = argument.partition(":")
            role = self._role(role, line)
            span = self._span(target, line)
            try:
                self.events.check_link(trigger["label"], span["label"], role)
            except EditError as exc:
                raise self._refuse(f"{ident}: {exc}", line) from None
            self.links.append({"event": trigger["id"], "argument": span["id"], "role": role})

    def _event_label(self, trigger: dict[str, Any], brat_type: str, line: int) -> None:
        """A trigger's brat type is an event label, or an event type of the project's
        one event label."""
        if brat_type in self.events.event_labels:
            return
        if brat_type not in self.events.event_type_names():
            raise self._refuse(
                f"event type {brat_type!r} is neither an event label nor an event type of"
                f" the project (types: {', '.join(self.events.event_type_names()) or 'none'})",
                line,
            )
        if len(self.events.event_labels) != 1:
            raise self._refuse(
                f"event type {brat_type!r}: the project has"
                f" {len(self.events.event_labels)} event labels, so the span's label is unknown",
                line,
            )
        trigger["brat_type"] = brat_type
        trigger["label"] = next(iter(self.events.event_labels))
        trigger.setdefault("attributes", {})[TYPE_ATTRIBUTE] = brat_type

    def untriggered(self, span: dict[str, Any]) -> None:
        if span["label"] not in self.events.event_labels:
            self._event_label(span, span["label"], span["line"])

    def _role(self, written: str, line: int) -> str:
        """brat numbers a role's second argument ``agent2``: the role is ``agent``."""
        if self.events.has_role(written):
            return written
        bare = written.rstrip("0123456789")
        if bare and self.events.has_role(bare):
            return bare
        names = ", ".join(role.name for role in self.events.roles) or "none"
        raise self._refuse(f"unknown role {written!r} (the project has {names})", line)

    def attribute(self, line: int, fields: list[str]) -> None:
        parts = fields[1].split(" ") if len(fields) >= 2 else []
        if len(parts) != 3:
            raise self._refuse(
                "an A line is ID<TAB>NAME TARGET VALUE (binary attributes have no place)", line
            )
        name, target, written = parts
        span = self._span(target, line)
        if name == VALUE_ATTRIBUTE:
            raise self._refuse('"value" is an AnnotatorNotes line (value=...), not an A line', line)
        if name == TYPE_ATTRIBUTE and span["label"] in self.events.event_labels:
            raise self._refuse("an event's type is the type of its E line, not an A line", line)
        try:
            kind = self.events.attribute_key(span["label"], name).kind
            value = _typed(written, kind)
            self.events.check_attribute(span["label"], name, value)
        except EditError as exc:
            raise self._refuse(str(exc), line) from None
        given = span.setdefault("attributes", {})
        if name in given:
            raise self._refuse(f"{target} has attribute {name!r} twice", line)
        given[name] = value


def _typed(written: str, kind: AttributeKind) -> AttributeValue:
    """A brat value as the attribute's kind holds it: numbers read back as numbers."""
    if kind in (AttributeKind.NUMBER, AttributeKind.VALUE):
        try:
            number = json.loads(written)
        except ValueError:
            return written
        if type(number) is int or (type(number) is float and math.isfinite(number)):
            return number
    return written


def _pieces(where: str) -> list[tuple[int, int]] | None:
    """'0 5' or '0 5;6 9' as pairs, or None when it is not that."""
    pieces = []
    for part in where.split(";"):
        numbers = part.split()
        if len(numbers) != 2 or not all(n.isascii() and n.isdigit() for n in numbers):
            return None
        pieces.append((int(numbers[0]), int(numbers[1])))
    return pieces
