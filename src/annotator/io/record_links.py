"""A record's links and span attributes (native JSONL), checked before anything is stored.

Spans are named in a record by their "id" (local to the record); a link is
``{"event": id, "argument": id, "role": name}``, attributes an object per span. Both
are checked against the project's event schema as the record is read, so a bad one
is a one-line error naming the file and line and nothing is imported; they are
stored once the spans are (``storage.links.LinkTable.store_record_links``).
"""

from __future__ import annotations

from typing import Any

from annotator.core.errors import EditError, InputError
from annotator.core.events import VALUE_ATTRIBUTE, EventSchema, RecordLinks, attributes_of
from annotator.io.registry import RawRecord


def record_links(record: RawRecord, schema: EventSchema) -> RecordLinks | InputError | None:
    """The record's links and attributes by span place; None when it has neither."""
    spans = record.spans
    if not record.links and not any("attributes" in raw for raw in spans):
        return None
    try:
        return _checked(record, schema)
    except _Refused as exc:
        return InputError(record.path, str(exc), line=record.line)


class _Refused(Exception):
    pass


def _checked(record: RawRecord, schema: EventSchema) -> RecordLinks:
    by_id: dict[int, tuple[int, int, str]] = {}
    attributes = []
    for index, raw in enumerate(record.spans, start=1):
        key = (raw["start"], raw["end"], raw["label"])
        local = raw.get("id")
        if local is not None:
            if type(local) is not int:
                raise _Refused(f"span {index}: id must be a whole number (got {local!r})")
            if local in by_id:
                raise _Refused(f"span {index}: id {local} is given to an earlier span too")
            by_id[local] = key
        given = raw.get("attributes")
        if given is None:
            continue
        if type(given) is not dict:
            raise _Refused(f"span {index}: attributes must be an object")
        if VALUE_ATTRIBUTE in given:
            raise _Refused(f'span {index}: "value" is the span\'s own field, not an attribute')
        for name, value in given.items():
            if type(value) not in (int, float, str):
                raise _Refused(f"span {index}: attribute {name!r} must be a number or text")
            try:
                schema.check_attribute(key[2], name, value)
            except EditError as exc:
                raise _Refused(f"span {index}: {exc}") from None
        if given:
            attributes.append((key, attributes_of(given)))
    links = []
    seen: set[tuple[int, int, str]] = set()
    for index, raw in enumerate(record.links, start=1):
        links.append(_link(index, raw, by_id, schema, seen))
    return RecordLinks(record.document.content_hash, tuple(attributes), tuple(links))


def _link(
    index: int,
    raw: Any,
    by_id: dict[int, tuple[int, int, str]],
    schema: EventSchema,
    seen: set[tuple[int, int, str]],
) -> tuple[tuple[int, int, str], tuple[int, int, str], str]:
    if type(raw) is not dict:
        raise _Refused(f'link {index}: must be an object {{"event", "argument", "role"}}')
    event, argument, role = raw.get("event"), raw.get("argument"), raw.get("role")
    for name, local in (("event", event), ("argument", argument)):
        if type(local) is not int or local not in by_id:
            raise _Refused(f"link {index}: {name} {local!r} is not the id of a span of the record")
    assert type(event) is int and type(argument) is int
    if event == argument:
        raise _Refused(f"link {index}: span {event} cannot be its own argument")
    if type(role) is not str:
        raise _Refused(f"link {index}: role must be a name (got {role!r})")
    try:
        schema.check_link(by_id[event][2], by_id[argument][2], role)
    except EditError as exc:
        raise _Refused(f"link {index}: {exc}") from None
    if (event, argument, role) in seen:
        raise _Refused(f"link {index}: repeats an earlier link")
    seen.add((event, argument, role))
    return by_id[event], by_id[argument], role
