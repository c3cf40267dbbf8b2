"""Links between spans, and the schema they follow: roles (with the labels each
accepts), event labels, event types and attribute keys.

A link goes with either of its spans (ON DELETE CASCADE) and follows a renamed role
(ON UPDATE CASCADE). A document's links are read in one query, joined to their
spans; every row read is checked (``storage.rows.link_from_row``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import groupby
from operator import itemgetter
from typing import TypeVar

from annotator.core.changes import Changes
from annotator.core.errors import EditError
from annotator.core.events import (
    BUILT_IN_ATTRIBUTES,
    TYPE_ATTRIBUTE,
    VALUE_ATTRIBUTE,
    AttributeKey,
    AttributeKind,
    EventSchema,
    EventType,
    Link,
    RecordLinks,
    Role,
    check_name,
    check_role_key,
    encode_attributes,
)
from annotator.core.model import Document, Span, Status
from annotator.storage.connection import now
from annotator.storage.rows import damaged, link_from_row, links_from_rows
from annotator.storage.spans import SpanTable

_BUILT_IN = "value: the span's own value; type: the event type"

_LINK_JOIN = " FROM links l JOIN spans e ON e.id = l.event_id JOIN spans a ON a.id = l.argument_id"
_LINK_ROWS = (
    "SELECT l.id, l.event_id, l.argument_id, l.role, l.created, e.document_id, a.document_id"
    + _LINK_JOIN
)

T = TypeVar("T")


class LinkTable(SpanTable):
    """Reads and writes ``links``, ``roles``, ``role_labels``, ``event_labels``,
    ``event_types`` and ``attribute_keys``."""

    # -- the schema ----------------------------------------------------------------------

    def event_schema(self) -> EventSchema:
        accepts: dict[str, set[str]] = {}
        for role, label in self.conn.execute("SELECT role, label FROM role_labels"):
            accepts.setdefault(role, set()).add(label)
        roles = tuple(
            Role(name, display_name, frozenset(accepts.get(name, ())), key)
            for name, display_name, key in self.conn.execute(
                "SELECT name, display_name, key FROM roles ORDER BY position, name"
            )
        )
        event_labels = frozenset(
            row[0] for row in self.conn.execute("SELECT label FROM event_labels")
        )
        types = tuple(
            EventType(name, display_name)
            for name, display_name in self.conn.execute(
                "SELECT name, display_name FROM event_types ORDER BY position, name"
            )
        )
        keys = []
        for label, name, kind in self.conn.execute(
            "SELECT label, name, kind FROM attribute_keys ORDER BY position, label, name"
        ):
            try:
                keys.append(AttributeKey(label, name, AttributeKind(kind)))
            except ValueError:
                raise damaged(
                    self._where, "attribute_keys", f"{label}.{name}", f"kind {kind!r}"
                ) from None
        return EventSchema(roles, event_labels, types, tuple(keys))

    def add_role(self, role: Role) -> None:
        if self.event_schema().has_role(role.name):
            raise EditError(f"role {role.name!r} already exists")
        check_role_key(role, self.event_schema().roles)
        self._check_labels(role.accepts)
        with self.transaction():
            position = self._next_position("roles")
            self.conn.execute(
                "INSERT INTO roles (name, display_name, key, position) VALUES (?, ?, ?, ?)",
                (role.name, role.display_name, role.key, position),
            )
            self._set_accepts(role.name, role.accepts)
        self.publish(Changes(roles=True))

    def update_role(
        self,
        name: str,
        *,
        new_name: str | None = None,
        display_name: str | None = None,
        key: str | None = None,
        accepts: Iterable[str] | None = None,
    ) -> Role:
        """Rename a role (its links follow), or change its display name, key or labels."""
        schema = self.event_schema()
        old = schema.role(name)
        updated = Role(
            new_name or old.name,
            display_name if display_name is not None else old.display_name,
            frozenset(accepts) if accepts is not None else old.accepts,
            key if key is not None else old.key,
        )
        if updated.name != old.name and schema.has_role(updated.name):
            raise EditError(f"role {updated.name!r} already exists")
        check_role_key(updated, (role for role in schema.roles if role.name != old.name))
        self._check_labels(updated.accepts)
        with self.transaction():
            if updated.accepts != old.accepts:
                used = {
                    row[0]
                    for row in self.conn.execute(
                        "SELECT DISTINCT a.label FROM links l JOIN spans a ON a.id = l.argument_id"
                        " WHERE l.role = ?",
                        (name,),
                    )
                }
                if used - updated.accepts:
                    raise EditError(
                        f"role {name!r} not changed: it links spans labelled"
                        f" {', '.join(sorted(used - updated.accepts))}"
                    )
            self.conn.execute(
                "UPDATE roles SET name = ?, display_name = ?, key = ? WHERE name = ?",
                (updated.name, updated.display_name, updated.key, name),
            )
            self._set_accepts(updated.name, updated.accepts)
        self.publish(Changes(roles=True))
        return updated

    def remove_role(self, name: str) -> None:
        self.event_schema().role(name)  # refuses an unknown name
        with self.transaction():
            used = self.role_counts().get(name, 0)
            if used:
                raise EditError(f"role {name!r} not removed: {used} links have it")
            self.conn.execute("DELETE FROM roles WHERE name = ?", (name,))
        self.publish(Changes(roles=True))

    def _set_accepts(self, role: str, labels: frozenset[str]) -> None:
        self.conn.execute("DELETE FROM role_labels WHERE role = ?", (role,))
        self.conn.executemany(
            "INSERT INTO role_labels (role, label) VALUES (?, ?)",
            [(role, label) for label in sorted(labels)],
        )

    def _check_labels(self, names: Iterable[str]) -> None:
        for name in names:
            self.labels().get(name)  # refuses an unknown label, naming it

    def add_event_type(self, event_type: EventType) -> None:
        if event_type.name in self.event_schema().event_type_names():
            raise EditError(f"event type {event_type.name!r} already exists")
        with self.transaction():
            position = self._next_position("event_types")
            self.conn.execute(
                "INSERT INTO event_types (name, display_name, position) VALUES (?, ?, ?)",
                (event_type.name, event_type.display_name, position),
            )
        self.publish(Changes(roles=True))

    def update_event_type(
        self, name: str, *, new_name: str | None = None, display_name: str | None = None
    ) -> EventType:
        """Rename an event type (the events of that type follow) or its display name."""
        types = {t.name: t for t in self.event_schema().event_types}
        if name not in types:
            raise EditError(f"unknown event type {name!r}")
        updated = EventType(
            new_name or name,
            display_name if display_name is not None else types[name].display_name,
        )
        if updated.name != name and updated.name in types:
            raise EditError(f"event type {updated.name!r} already exists")
        with self.transaction():
            self.conn.execute(
                "UPDATE event_types SET name = ?, display_name = ? WHERE name = ?",
                (updated.name, updated.display_name, name),
            )
            if updated.name != name:
                changed = self._documents_of_type(name)
                self.conn.execute(
                    "UPDATE spans SET attributes = json_set(attributes, ?, ?), updated = ?"
                    " WHERE json_extract(attributes, ?) = ?",
                    (f"$.{TYPE_ATTRIBUTE}", updated.name, now(), f"$.{TYPE_ATTRIBUTE}", name),
                )
        self.publish(
            Changes(roles=True, spans=changed) if updated.name != name else Changes(roles=True)
        )
        return updated

    def remove_event_type(self, name: str) -> None:
        if name not in self.event_schema().event_type_names():
            raise EditError(f"unknown event type {name!r}")
        with self.transaction():
            used = self.event_type_counts().get(name, 0)
            if used:
                raise EditError(f"event type {name!r} not removed: {used} events have it")
            self.conn.execute("DELETE FROM event_types WHERE name = ?", (name,))
        self.publish(Changes(roles=True))

    def add_attribute_key(self, key: AttributeKey) -> None:
        """Declare an attribute for a label's spans (``value`` and ``type`` are built in)."""
        check_name("attribute", key.name)
        if key.name in BUILT_IN_ATTRIBUTES or key.kind is AttributeKind.EVENT_TYPE:
            raise EditError(f"attribute {key.name!r} is built in ({_BUILT_IN})")
        self._check_labels((key.label,))
        if any(
            (old.label, old.name) == (key.label, key.name)
            for old in self.event_schema().attribute_keys
        ):
            raise EditError(f"label {key.label!r} already has attribute {key.name!r}")
        with self.transaction():
            position = self._next_position("attribute_keys")
            self.conn.execute(
                "INSERT INTO attribute_keys (label, name, kind, position) VALUES (?, ?, ?, ?)",
                (key.label, key.name, key.kind.value, position),
            )
        self.publish(Changes(roles=True))

    def remove_attribute_key(self, label: str, name: str) -> None:
        """Remove an attribute no span of the label holds."""
        self.event_schema().attribute_key(label, name)  # refuses an undeclared one
        if name in BUILT_IN_ATTRIBUTES:
            raise EditError(f"attribute {name!r} is built in ({_BUILT_IN})")
        with self.transaction():
            held = self.attribute_counts().get((label, name), 0)
            if held:
                raise EditError(
                    f"attribute {name!r} of {label!r} not removed: {held} spans have it"
                )
            self.conn.execute(
                "DELETE FROM attribute_keys WHERE label = ? AND name = ?", (label, name)
            )
        self.publish(Changes(roles=True))

    def attribute_counts(self) -> dict[tuple[str, str], int]:
        """Spans holding each declared attribute, by (label, name), in the schema's order
        (the span's own ``value`` counted where it is set)."""
        counts = {(key.label, key.name): 0 for key in self.event_schema().attribute_keys}
        bad = self.conn.execute(
            "SELECT id FROM spans WHERE attributes IS NOT NULL"
            " AND CASE WHEN json_valid(attributes) THEN json_type(attributes) != 'object'"
            " ELSE 1 END LIMIT 1"
        ).fetchone()
        if bad:  # json_each would fail on it with SQLite's own message
            raise damaged(self._where, "spans", bad[0], "attributes are not a JSON object")
        for label, name, count in self.conn.execute(
            "SELECT s.label, a.key, count(*) FROM spans s, json_each(s.attributes) a"
            " WHERE s.attributes IS NOT NULL GROUP BY 1, 2"
            " UNION ALL SELECT label, ?, count(*) FROM spans WHERE value IS NOT NULL"
            " GROUP BY 1",
            (VALUE_ATTRIBUTE,),
        ):
            if (label, name) in counts:
                counts[(label, name)] = count
        return counts

    def _documents_of_type(self, name: str) -> frozenset[int]:
        rows = self.conn.execute(
            "SELECT DISTINCT document_id FROM spans WHERE json_extract(attributes, ?) = ?",
            (f"$.{TYPE_ATTRIBUTE}", name),
        )
        return frozenset(row[0] for row in rows)

    # -- links ---------------------------------------------------------------------------

    def links_of_document(self, document_id: int) -> list[Link]:
        """The document's links, by id, in one query."""
        rows = self.conn.execute(
            _LINK_ROWS + " WHERE e.document_id = ? ORDER BY l.id", (document_id,)
        )
        return links_from_rows(rows, self._role_names(), self._where)

    def iter_links(self, ids: tuple[int, int] | None = None) -> Iterator[tuple[int, list[Link]]]:
        """(document id, its links) for every document with links, in id order: one
        query for the whole project (or the documents whose id lies between ``ids``), for
        exports."""
        where, params = _in_range(ids)
        rows = self.conn.cursor().execute(
            _LINK_ROWS + where + " ORDER BY e.document_id, l.id", params
        )
        roles, where = self._role_names(), self._where
        for document_id, group in groupby(rows, itemgetter(5)):
            yield document_id, links_from_rows(group, roles, where)

    def iter_documents_with_links(
        self, status: Iterable[Status] | None = None, ids: tuple[int, int] | None = None
    ) -> Iterator[tuple[Document, list[Span], list[Link]]]:
        """``iter_documents`` (accepted spans) with each document's links."""
        return _beside(self.iter_documents(status, ids), self.iter_links(ids), list)

    def iter_documents_with_link_ends(
        self, status: Iterable[Status] | None = None, ids: tuple[int, int] | None = None
    ) -> Iterator[tuple[Document, list[Span], list[tuple[int, int]]]]:
        """``iter_documents`` with each document's links as (event, argument) span ids,
        unchecked: for an export that only counts the links it cannot hold (making and
        checking each link took four times as long)."""
        return _beside(self.iter_documents(status, ids), self._iter_link_ends(ids), list)

    def iter_documents_with_link_counts(
        self, status: Iterable[Status] | None = None, ids: tuple[int, int] | None = None
    ) -> Iterator[tuple[Document, list[Span], int]]:
        """``iter_documents`` with the number of each document's links, counted by SQLite."""
        where, params = _in_range(ids)
        rows = self.conn.cursor().execute(
            "SELECT e.document_id, count(*)" + _LINK_JOIN + where + " GROUP BY e.document_id",
            params,
        )
        return _beside(self.iter_documents(status, ids), rows, int)

    def _iter_link_ends(
        self, ids: tuple[int, int] | None
    ) -> Iterator[tuple[int, list[tuple[int, int]]]]:
        where, params = _in_range(ids)
        rows = self.conn.cursor().execute(
            "SELECT e.document_id, l.event_id, l.argument_id"
            + _LINK_JOIN
            + where
            + " ORDER BY e.document_id",
            params,
        )
        for document_id, group in groupby(rows, itemgetter(0)):
            yield document_id, [(event, argument) for _, event, argument in group]

    def links_of_span(self, span_id: int) -> list[Link]:
        rows = self.conn.execute(
            _LINK_ROWS + " WHERE l.event_id = ? OR l.argument_id = ? ORDER BY l.id",
            (span_id, span_id),
        )
        return links_from_rows(rows, self._role_names(), self._where)

    def get_link(self, link_id: int) -> Link:
        row = self.conn.execute(_LINK_ROWS + " WHERE l.id = ?", (link_id,)).fetchone()
        if row is None:
            raise EditError(f"no link {link_id} (was it removed elsewhere?)")
        return link_from_row(row, self._role_names(), self._where)

    def find_link(self, event: int, argument: int, role: str) -> Link | None:
        row = self.conn.execute(
            _LINK_ROWS + " WHERE l.event_id = ? AND l.argument_id = ? AND l.role = ?",
            (event, argument, role),
        ).fetchone()
        return link_from_row(row, self._role_names(), self._where) if row is not None else None

    def insert_link(self, link: Link) -> Link:
        if (
            link.id is not None
            and self.conn.execute("SELECT 1 FROM links WHERE id = ?", (link.id,)).fetchone()
        ):
            raise EditError(
                f"cannot put back link {link.id}: that id is in use again; nothing was changed"
            )
        cursor = self.conn.execute(
            "INSERT INTO links (id, event_id, argument_id, role, created) VALUES (?, ?, ?, ?, ?)",
            (link.id, link.event, link.argument, link.role, link.created or now()),
        )
        assert cursor.lastrowid is not None
        self._touch_document(self.get_span(link.event).document_id)
        return self.get_link(link.id if link.id is not None else cursor.lastrowid)

    def remove_link(self, link_id: int) -> None:
        link = self.get_link(link_id)
        self.conn.execute("DELETE FROM links WHERE id = ?", (link_id,))
        self._touch_document(self.get_span(link.event).document_id)

    def update_link(self, link_id: int, role: str) -> None:
        link = self.get_link(link_id)
        self.conn.execute("UPDATE links SET role = ? WHERE id = ?", (role, link_id))
        self._touch_document(self.get_span(link.event).document_id)

    def store_record_links(self, added: range, records: Iterable[RecordLinks]) -> int:
        """Within an import's transaction, once its spans are written: the attributes
        and links of each imported document (found by its hash among ``added``; one
        already in the project is skipped with its record). The number of links."""
        stored = 0
        for record in records:
            row = self.conn.execute(
                "SELECT id FROM documents WHERE content_hash = ?", (record.content_hash,)
            ).fetchone()
            if row is None or row[0] not in added:
                continue
            document_id, stamp = row[0], now()

            def span_id(place: tuple[int, int, str], document_id: int = document_id) -> int:
                found = self.conn.execute(
                    'SELECT id FROM spans WHERE document_id = ? AND start = ? AND "end" = ?'
                    " AND label = ?",
                    (document_id, *place),
                ).fetchone()
                assert found is not None, "an imported span is missing"
                return int(found[0])

            self.conn.executemany(
                "UPDATE spans SET attributes = ? WHERE id = ?",
                [
                    (encode_attributes(values), span_id(place))
                    for place, values in record.attributes
                ],
            )
            self.conn.executemany(
                "INSERT INTO links (event_id, argument_id, role, created) VALUES (?, ?, ?, ?)",
                [
                    (span_id(event), span_id(argument), role, stamp)
                    for event, argument, role in record.links
                ],
            )
            stored += len(record.links)
        return stored

    def _role_names(self) -> set[str]:
        return {row[0] for row in self.conn.execute("SELECT name FROM roles")}

    # -- counts --------------------------------------------------------------------------

    def role_counts(self) -> dict[str, int]:
        """Links by role, every role of the project (0 when unused), in its order."""
        counts = {role.name: 0 for role in self.event_schema().roles}
        for role, count in self.conn.execute("SELECT role, count(*) FROM links GROUP BY role"):
            counts[role] = count
        return counts

    def event_type_counts(self) -> dict[str, int]:
        """Accepted event spans by type, every type of the project, in its order; events
        without a type are counted under ''."""
        counts = dict.fromkeys(self.event_schema().event_type_names(), 0)
        for event_type, count in self.conn.execute(
            "SELECT coalesce(json_extract(attributes, ?), ''), count(*) FROM spans"
            " WHERE origin != 'suggested' AND label IN (SELECT label FROM event_labels)"
            " GROUP BY 1",
            (f"$.{TYPE_ATTRIBUTE}",),
        ):
            counts[event_type] = count
        return counts


def _in_range(ids: tuple[int, int] | None) -> tuple[str, list[int]]:
    """The WHERE clause keeping the links of the documents whose id lies between ``ids``."""
    if ids is None:
        return "", []
    return " WHERE e.document_id BETWEEN ? AND ?", list(ids)


def _beside(
    documents: Iterator[tuple[Document, list[Span]]],
    by_document: Iterator[tuple[int, T]],
    empty: Callable[[], T],
) -> Iterator[tuple[Document, list[Span], T]]:
    """Each document with its item of ``by_document`` ((document id, item) in id order),
    or a new ``empty()``."""
    pending = next(by_document, None)
    for document, spans in documents:
        while pending is not None and document.id is not None and pending[0] < document.id:
            pending = next(by_document, None)
        if pending is not None and pending[0] == document.id:
            yield document, spans, pending[1]
            pending = next(by_document, None)
        else:
            yield document, spans, empty()
