"""Edits: the one way a project changes.

Every change made by the window, the CLI or a test is an ``Edit``. Applying an
edit returns its inverse, so an undo stack only has to keep edits, and what it
changed (``core.changes.Changes``), which the store publishes to views once the
edit's transaction has committed (see ``storage.connection.ProjectConnection.perform``).

A document holds one span per (start, end, label), whatever its origin: an edit
that would make a second one is refused (the project file's unique index says
the same, for every other way in).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import NamedTuple, Protocol

from annotator.core.changes import Changes
from annotator.core.errors import EditError
from annotator.core.events import EventSchema, Link
from annotator.core.model import Origin, Span, SpanValue, Status, StoredDocument
from annotator.core.values import replace


class SpanStore(Protocol):
    """What edits need from storage; ``storage.project.Project`` provides it."""

    def document_length(self, document_id: int) -> int: ...
    def has_label(self, name: str) -> bool: ...
    def get_span(self, span_id: int) -> Span: ...
    def find_span(self, document_id: int, start: int, end: int, label: str) -> Span | None: ...
    def insert_span(self, span: Span) -> Span: ...
    def remove_span(self, span_id: int) -> None: ...
    def update_span(self, span_id: int, **fields: object) -> None: ...
    def get_status(self, document_id: int) -> Status: ...
    def set_status(self, document_id: int, status: Status) -> None: ...
    def remember_rejection(self, span: Span) -> None: ...
    def forget_rejection(self, span: Span) -> None: ...
    def remove_document(self, document_id: int) -> StoredDocument: ...
    def restore_document(self, stored: StoredDocument) -> None: ...
    def get_title(self, document_id: int) -> str: ...
    def set_title(self, document_id: int, title: str) -> None: ...
    def event_schema(self) -> EventSchema: ...
    def links_of_span(self, span_id: int) -> list[Link]: ...
    def get_link(self, link_id: int) -> Link: ...
    def find_link(self, event: int, argument: int, role: str) -> Link | None: ...
    def insert_link(self, link: Link) -> Link: ...
    def remove_link(self, link_id: int) -> None: ...
    def update_link(self, link_id: int, role: str) -> None: ...


class Applied(NamedTuple):
    """An edit once made: the edit that undoes it, and what it changed."""

    inverse: Edit
    changes: Changes


class Edit(ABC):
    @property
    @abstractmethod
    def description(self) -> str:
        """Short text for the Undo menu."""

    @abstractmethod
    def apply(self, store: SpanStore) -> Applied:
        """Make the change; return the edit that undoes it and what changed."""


def _span_changed(span: Span) -> Changes:
    assert span.document_id is not None
    return Changes.of_spans(span.document_id, suggested=span.origin is Origin.SUGGESTED)


def check_span(store: SpanStore, document_id: int, start: int, end: int, label: str) -> None:
    length = store.document_length(document_id)
    if not (0 <= start < end <= length):
        raise EditError(
            f"span {start}-{end} is outside document {document_id} (0-{length}) or empty"
        )
    if not store.has_label(label):
        raise EditError(f"unknown label {label!r}")


def check_free(
    store: SpanStore, document_id: int, start: int, end: int, label: str, what: str
) -> None:
    """Refuse a second span with the same place and label in one document."""
    existing = store.find_span(document_id, start, end, label)
    if existing is not None:
        kind = "a suggestion" if existing.origin is Origin.SUGGESTED else "a span"
        raise EditError(
            f"{what}: document {document_id} already has {kind} {start}-{end} labelled"
            f" {label!r} (span {existing.id}); nothing was changed"
        )


@dataclass(frozen=True)
class AddSpan(Edit):
    document: int
    start: int
    end: int
    label: str
    annotator: str = ""
    value: SpanValue = None
    origin: Origin = Origin.MANUAL

    @property
    def description(self) -> str:
        return f"Add {self.label}"

    def apply(self, store: SpanStore) -> Applied:
        check_span(store, self.document, self.start, self.end, self.label)
        check_free(store, self.document, self.start, self.end, self.label, "not added")
        span = store.insert_span(
            Span(
                start=self.start,
                end=self.end,
                label=self.label,
                document_id=self.document,
                annotator=self.annotator,
                value=self.value,
                origin=self.origin,
            )
        )
        assert span.id is not None
        return Applied(DeleteSpan(span.id), _span_changed(span))


@dataclass(frozen=True)
class RestoreSpan(Edit):
    """Put back a deleted span with its id, so later edits that name it still apply,
    and the links it had (same ids: their other spans are there again by then)."""

    span: Span
    links: tuple[Link, ...] = ()

    @property
    def description(self) -> str:
        return f"Restore {self.span.label}"

    def apply(self, store: SpanStore) -> Applied:
        span = self.span
        assert span.document_id is not None and span.id is not None
        check_span(store, span.document_id, span.start, span.end, span.label)
        check_free(store, span.document_id, span.start, span.end, span.label, "not put back")
        store.insert_span(span)
        for link in self.links:
            store.insert_link(link)
        changed = _span_changed(span)
        if self.links:
            changed |= Changes.of_links(span.document_id)
        return Applied(DeleteSpan(span.id), changed)


@dataclass(frozen=True)
class DeleteSpan(Edit):
    """Delete a span with its links (the schema's cascade); the inverse restores both."""

    span_id: int

    @property
    def description(self) -> str:
        return "Delete span"

    def apply(self, store: SpanStore) -> Applied:
        span = store.get_span(self.span_id)
        links = tuple(store.links_of_span(self.span_id))
        store.remove_span(self.span_id)
        changed = _span_changed(span)
        if links:
            assert span.document_id is not None
            changed |= Changes.of_links(span.document_id)
        return Applied(RestoreSpan(span, links), changed)


@dataclass(frozen=True)
class RelabelSpan(Edit):
    span_id: int
    label: str

    @property
    def description(self) -> str:
        return f"Relabel as {self.label}"

    def apply(self, store: SpanStore) -> Applied:
        if not store.has_label(self.label):
            raise EditError(f"unknown label {self.label!r}")
        old = store.get_span(self.span_id)
        if old.label != self.label:
            assert old.document_id is not None
            check_free(store, old.document_id, old.start, old.end, self.label, "not relabelled")
            _check_relabel_keeps_links(store, old, self.label)
        store.update_span(self.span_id, label=self.label)
        return Applied(RelabelSpan(self.span_id, old.label), _span_changed(old))


@dataclass(frozen=True)
class SetSpanValue(Edit):
    span_id: int
    value: SpanValue

    @property
    def description(self) -> str:
        return "Set value"

    def apply(self, store: SpanStore) -> Applied:
        old = store.get_span(self.span_id)
        store.update_span(self.span_id, value=self.value)
        return Applied(SetSpanValue(self.span_id, old.value), _span_changed(old))


def _check_relabel_keeps_links(store: SpanStore, span: Span, label: str) -> None:
    """A relabelled span keeps its links and attributes only where the new label allows
    them; otherwise the relabelling is refused (remove them first)."""
    schema = store.event_schema()
    for link in store.links_of_span(span.id or 0):
        if link.event == span.id:
            event_label, argument_label = label, store.get_span(link.argument).label
        else:
            event_label, argument_label = store.get_span(link.event).label, label
        try:
            schema.check_link(event_label, argument_label, link.role)
        except EditError as exc:
            raise EditError(f"span {span.id} not relabelled: its link {link.id}: {exc}") from None
    for name, value in span.attributes:
        try:
            schema.check_attribute(label, name, value)
        except EditError as exc:
            raise EditError(f"span {span.id} not relabelled: {exc}") from None


@dataclass(frozen=True)
class SetOrigin(Edit):
    """Accepting a suggestion is setting its origin to manual (it then exports)."""

    span_id: int
    origin: Origin
    annotator: str = ""

    @property
    def description(self) -> str:
        return "Accept suggestion" if self.origin is Origin.MANUAL else "Set origin"

    def apply(self, store: SpanStore) -> Applied:
        old = store.get_span(self.span_id)
        inverse = SetOrigin(self.span_id, old.origin, old.annotator)
        if old.origin is self.origin:
            # Accepting what is already accepted (twice, or from a second window): a no-op.
            return Applied(inverse, Changes())
        store.update_span(self.span_id, origin=self.origin, annotator=self.annotator)
        # A suggestion accepted leaves the suggestions and joins the accepted spans.
        new = replace(old, origin=self.origin)
        return Applied(inverse, _span_changed(old) | _span_changed(new))


@dataclass(frozen=True)
class RejectSuggestion(Edit):
    """Delete a suggested span and remember its place, so no source proposes it again."""

    span_id: int

    @property
    def description(self) -> str:
        return "Reject suggestion"

    def apply(self, store: SpanStore) -> Applied:
        span = store.get_span(self.span_id)
        if span.origin is not Origin.SUGGESTED:
            raise EditError(f"span {self.span_id} is not a suggestion; delete it instead")
        store.remember_rejection(span)
        store.remove_span(self.span_id)
        return Applied(RestoreSuggestion(span), _span_changed(span))


@dataclass(frozen=True)
class RestoreSuggestion(Edit):
    """Undo a rejection: the suggestion is back with its id and no longer remembered."""

    span: Span

    @property
    def description(self) -> str:
        return "Restore suggestion"

    def apply(self, store: SpanStore) -> Applied:
        span = self.span
        assert span.document_id is not None and span.id is not None
        if span.origin is not Origin.SUGGESTED:
            raise EditError(f"span {span.id} is not a suggestion")
        check_span(store, span.document_id, span.start, span.end, span.label)
        check_free(store, span.document_id, span.start, span.end, span.label, "not put back")
        store.forget_rejection(span)
        store.insert_span(span)
        return Applied(RejectSuggestion(span.id), _span_changed(span))


@dataclass(frozen=True)
class SetStatus(Edit):
    document: int
    status: Status

    @property
    def description(self) -> str:
        return f"Mark {self.status.value.replace('_', ' ')}"

    def apply(self, store: SpanStore) -> Applied:
        old = store.get_status(self.document)
        store.set_status(self.document, self.status)
        changed = Changes(statuses=frozenset((self.document,))) if old != self.status else Changes()
        return Applied(SetStatus(self.document, old), changed)


@dataclass(frozen=True)
class DeleteDocument(Edit):
    """Delete a document with its spans, suggestions and remembered rejections; the
    inverse puts all of it back as it was (same ids)."""

    document: int

    @property
    def description(self) -> str:
        return "Delete document"

    def apply(self, store: SpanStore) -> Applied:
        stored = store.remove_document(self.document)
        return Applied(RestoreDocument(stored), Changes(removed=frozenset((self.document,))))


@dataclass(frozen=True)
class RestoreDocument(Edit):
    """Undo a deletion: the document and everything that hung off it, exactly as stored."""

    stored: StoredDocument

    @property
    def description(self) -> str:
        return "Restore document"

    def apply(self, store: SpanStore) -> Applied:
        store.restore_document(self.stored)
        return Applied(DeleteDocument(self.stored.id), Changes(added=frozenset((self.stored.id,))))


@dataclass(frozen=True)
class RenameDocument(Edit):
    document: int
    title: str

    @property
    def description(self) -> str:
        return "Rename document"

    def apply(self, store: SpanStore) -> Applied:
        # Taken as given (the CLI and the window strip what is typed), so undoing puts
        # back an imported title exactly, spaces and all.
        if not self.title.strip():
            raise EditError(f"document {self.document}: a title cannot be empty")
        old = store.get_title(self.document)
        store.set_title(self.document, self.title)
        changed = Changes(titles=frozenset((self.document,))) if old != self.title else Changes()
        return Applied(RenameDocument(self.document, old), changed)


@dataclass(frozen=True)
class Batch(Edit):
    """Several edits applied and undone as one (e.g. accepting all suggestions)."""

    edits: tuple[Edit, ...]
    label_text: str = "Edit"

    @property
    def description(self) -> str:
        return self.label_text

    def apply(self, store: SpanStore) -> Applied:
        inverses, changes = [], Changes()
        for edit in self.edits:
            inverse, changed = edit.apply(store)
            inverses.append(inverse)
            changes |= changed
        return Applied(Batch(tuple(reversed(inverses)), self.label_text), changes)
