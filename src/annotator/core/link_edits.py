"""Edits of links and span attributes, on the same path as every other edit
(``core.edits``): each checks what it is given, returns its inverse and its ``Changes``.

A link is refused unless its head is an event span, the role accepts the argument's
label, both spans are accepted (not suggestions) in one document, the two differ and
the same link is not there already.
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.core.changes import Changes
from annotator.core.edits import Applied, Edit, SpanStore
from annotator.core.errors import EditError
from annotator.core.events import (
    TYPE_ATTRIBUTE,
    VALUE_ATTRIBUTE,
    AttributeValue,
    Link,
    attribute,
    with_attribute,
)
from annotator.core.model import Origin, Span


def _document_of(span: Span) -> int:
    assert span.document_id is not None
    return span.document_id


def check_link(store: SpanStore, event_id: int, argument_id: int, role: str) -> int:
    """Refuse a link the schema or the spans do not allow; its document's id."""
    if event_id == argument_id:
        raise EditError(f"span {event_id} cannot be its own argument")
    event, argument = store.get_span(event_id), store.get_span(argument_id)
    if event.document_id != argument.document_id:
        raise EditError(
            f"spans {event_id} and {argument_id} are in different documents"
            f" ({event.document_id}, {argument.document_id})"
        )
    for span in (event, argument):
        if span.origin is Origin.SUGGESTED:
            raise EditError(f"span {span.id} is a suggestion: accept it before linking it")
    store.event_schema().check_link(event.label, argument.label, role)
    existing = store.find_link(event_id, argument_id, role)
    if existing is not None:
        raise EditError(
            f"span {argument_id} is already {role} of event {event_id} (link {existing.id});"
            " nothing was changed"
        )
    return _document_of(event)


@dataclass(frozen=True)
class AddLink(Edit):
    event: int
    argument: int
    role: str

    @property
    def description(self) -> str:
        return f"Link as {self.role}"

    def apply(self, store: SpanStore) -> Applied:
        document = check_link(store, self.event, self.argument, self.role)
        link = store.insert_link(Link(self.event, self.argument, self.role))
        assert link.id is not None
        return Applied(RemoveLink(link.id), Changes.of_links(document))


@dataclass(frozen=True)
class RestoreLink(Edit):
    """Put back a removed link with its id and time, so later edits naming it apply."""

    link: Link

    @property
    def description(self) -> str:
        return f"Restore {self.link.role} link"

    def apply(self, store: SpanStore) -> Applied:
        link = self.link
        assert link.id is not None
        document = check_link(store, link.event, link.argument, link.role)
        store.insert_link(link)
        return Applied(RemoveLink(link.id), Changes.of_links(document))


@dataclass(frozen=True)
class RemoveLink(Edit):
    link_id: int

    @property
    def description(self) -> str:
        return "Remove link"

    def apply(self, store: SpanStore) -> Applied:
        link = store.get_link(self.link_id)
        document = _document_of(store.get_span(link.event))
        store.remove_link(self.link_id)
        return Applied(RestoreLink(link), Changes.of_links(document))


@dataclass(frozen=True)
class ChangeLinkRole(Edit):
    link_id: int
    role: str

    @property
    def description(self) -> str:
        return f"Change role to {self.role}"

    def apply(self, store: SpanStore) -> Applied:
        link = store.get_link(self.link_id)
        event, argument = store.get_span(link.event), store.get_span(link.argument)
        inverse = ChangeLinkRole(self.link_id, link.role)
        if link.role == self.role:
            return Applied(inverse, Changes())
        store.event_schema().check_link(event.label, argument.label, self.role)
        existing = store.find_link(link.event, link.argument, self.role)
        if existing is not None:
            raise EditError(
                f"span {link.argument} is already {self.role} of event {link.event}"
                f" (link {existing.id}); nothing was changed"
            )
        store.update_link(self.link_id, self.role)
        return Applied(inverse, Changes.of_links(_document_of(event)))


@dataclass(frozen=True)
class SetAttribute(Edit):
    """Set (or, with None, clear) an attribute the span's label declares; ``value`` is
    the span's own value field, every other attribute is in its attributes."""

    span_id: int
    name: str
    value: AttributeValue | None

    @property
    def description(self) -> str:
        return f"Set {self.name}"

    def apply(self, store: SpanStore) -> Applied:
        span = store.get_span(self.span_id)
        store.event_schema().check_attribute(span.label, self.name, self.value)
        if self.name == VALUE_ATTRIBUTE:
            old = span.value
            if old != self.value or type(old) is not type(self.value):
                store.update_span(self.span_id, value=self.value)
        else:
            old = attribute(span.attributes, self.name)
            attributes = with_attribute(span.attributes, self.name, self.value)
            if attributes != span.attributes:
                store.update_span(self.span_id, attributes=attributes)
        inverse = type(self)(self.span_id, self.name, old)
        if old == self.value and type(old) is type(self.value):
            return Applied(inverse, Changes())
        return Applied(
            inverse,
            Changes.of_spans(_document_of(span), suggested=span.origin is Origin.SUGGESTED),
        )


@dataclass(frozen=True)
class SetEventType(Edit):
    """An event span's type (one of the project's event types), or None for none."""

    span_id: int
    event_type: str | None

    @property
    def description(self) -> str:
        return "Set event type"

    def apply(self, store: SpanStore) -> Applied:
        span = store.get_span(self.span_id)
        if span.label not in store.event_schema().event_labels:
            raise EditError(f"span {self.span_id} is not an event ({span.label!r})")
        applied = SetAttribute(self.span_id, TYPE_ATTRIBUTE, self.event_type).apply(store)
        old = attribute(span.attributes, TYPE_ATTRIBUTE)
        assert old is None or isinstance(old, str)
        return Applied(SetEventType(self.span_id, old), applied.changes)
