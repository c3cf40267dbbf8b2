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

from typing import Final

from annotator.core.values import Value, fields

Ids = frozenset[int]
_NONE: Ids = frozenset()


class Changes(Value):
    """Ids of the documents changed, by kind of change; empty when nothing changed."""

    __slots__ = (
        "spans",
        "suggestions",
        "statuses",
        "added",
        "removed",
        "links",
        "titles",
        "labels",
        "roles",
    )
    spans: Final[Ids]  # accepted (not suggested) spans added, removed or altered
    suggestions: Final[Ids]  # suggested spans added, removed or altered
    statuses: Final[Ids]  # to do / in progress / done
    added: Final[Ids]  # new documents, with whatever spans they came with
    removed: Final[Ids]  # documents gone, with their spans
    links: Final[Ids]  # links between spans added, removed or given another role
    titles: Final[Ids]  # a document renamed
    labels: Final[bool]  # names, colours or keys of the project's labels
    roles: Final[bool]  # the project's roles or event types (core.events.EventSchema)

    def __init__(
        self,
        spans: Ids = _NONE,
        suggestions: Ids = _NONE,
        statuses: Ids = _NONE,
        added: Ids = _NONE,
        removed: Ids = _NONE,
        links: Ids = _NONE,
        titles: Ids = _NONE,
        labels: bool = False,
        roles: bool = False,
    ) -> None:
        self.spans = spans
        self.suggestions = suggestions
        self.statuses = statuses
        self.added = added
        self.removed = removed
        self.links = links
        self.titles = titles
        self.labels = labels
        self.roles = roles

    def __or__(self, other: Changes) -> Changes:
        """Both changes, as one (a batch of edits, several steps of one operation)."""
        if not other:
            return self
        if not self:
            return other
        both = zip(fields(self), fields(other), strict=True)
        return Changes(*(mine | theirs for mine, theirs in both))

    def __bool__(self) -> bool:
        return any(fields(self))

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
