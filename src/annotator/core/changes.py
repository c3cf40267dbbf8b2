"""What one operation changed, so that each view can decide what to refresh.

An edit returns its ``Changes`` with its inverse (``core.edits.Applied``); an
import, stored suggestions and label changes describe theirs the same way. The
project publishes one ``Changes`` per committed operation (``Project.subscribe``):
a document list refreshes the rows whose status or span count changed, the
article redraws when its own document's spans or links did, a cache of accepted
span texts re-reads only documents whose accepted spans changed. Nobody needs
to hear about the others first.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

Ids = frozenset[int]
_NONE: Ids = frozenset()


@dataclass(frozen=True, slots=True)
class Changes:
    """Ids of the documents changed, by kind of change; empty when nothing changed."""

    spans: Ids = _NONE  # accepted (not suggested) spans added, removed or altered
    suggestions: Ids = _NONE  # suggested spans added, removed or altered
    statuses: Ids = _NONE  # to do / in progress / done
    added: Ids = _NONE  # new documents, with whatever spans they came with
    removed: Ids = _NONE  # documents gone, with their spans
    links: Ids = _NONE  # links between spans added, removed or given another role
    titles: Ids = _NONE  # a document renamed
    labels: bool = False  # names, colours or keys of the project's labels
    roles: bool = False  # the project's roles or event types (core.events.EventSchema)

    def __or__(self, other: Changes) -> Changes:
        """Both changes, as one (a batch of edits, several steps of one operation)."""
        if not other:
            return self
        if not self:
            return other
        return Changes(*(getattr(self, f.name) | getattr(other, f.name) for f in fields(Changes)))

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(Changes))

    def shown_in(self, document_id: int) -> bool:
        """Whether a view of this document (its text, highlights, span list) is out of date."""
        return (
            self.labels
            or self.roles
            or any(
                document_id in ids
                for ids in (self.spans, self.suggestions, self.links, self.added, self.removed)
            )
        )

    def documents(self) -> Ids:
        """Every document this operation touched, whatever the kind of change."""
        return (
            self.spans
            | self.suggestions
            | self.statuses
            | self.added
            | self.removed
            | self.links
            | self.titles
        )

    @classmethod
    def of_links(cls, document_id: int) -> Changes:
        return cls(links=frozenset((document_id,)))

    @classmethod
    def of_spans(cls, document_id: int, *, suggested: bool) -> Changes:
        """A span of ``document_id`` changed: a suggestion, or an accepted span."""
        ids = frozenset((document_id,))
        return cls(suggestions=ids) if suggested else cls(spans=ids)
