"""Events with their participants: roles, event types, links and span attributes.

A ``Link`` joins an event span (the head: a span whose label is one of the schema's
``event_labels``) to an argument span with a ``Role``; a role accepts arguments of
some labels (agent and target: actor). A span may carry attributes (key = value)
declared per label by ``AttributeKey``: the number's value, unit and kind, the
event's type (one of the project's ``EventType``s), an actor's country code. The
``value`` attribute is the span's own ``value`` field (``Span.value``); every other
one is in ``Span.attributes``, a sorted tuple of (key, value) pairs.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from enum import StrEnum
from functools import lru_cache
from typing import Final

from annotator.core.errors import EditError
from annotator.core.values import Value

AttributeValue = int | float | str
Attributes = tuple[tuple[str, AttributeValue], ...]
NO_ATTRIBUTES: Attributes = ()

# The attribute kept in the span's own ``value`` field, never in ``attributes``.
VALUE_ATTRIBUTE = "value"
# The attribute of event spans naming their event type.
TYPE_ATTRIBUTE = "type"
BUILT_IN_ATTRIBUTES = frozenset({VALUE_ATTRIBUTE, TYPE_ATTRIBUTE})

_NAME = re.compile(r"^[^\s\x00-\x1f\x7f]{1,64}$")


def check_name(what: str, name: object) -> str:
    if not isinstance(name, str) or not _NAME.match(name):
        raise EditError(f"{what} name {name!r} must be 1-64 characters without spaces")
    return name


class AttributeKind(StrEnum):
    NUMBER = "number"  # int or float
    TEXT = "text"
    VALUE = "value"  # a number or text, as typed (``core.model.parse_value``)
    EVENT_TYPE = "event_type"  # the name of one of the project's event types


class Role(Value):
    __slots__ = ("name", "display_name", "accepts", "key")
    name: Final[str]
    display_name: Final[str]
    accepts: Final[frozenset[str]]  # label names of its arguments
    key: Final[str]

    def __init__(
        self, name: str, display_name: str, accepts: frozenset[str] = frozenset(), key: str = ""
    ) -> None:
        self.name = check_name("role", name)
        self.display_name = display_name
        self.accepts = accepts
        self.key = key


def check_role_key(role: Role, others: Iterable[Role]) -> None:
    """A role's key is one letter no other role has: while linking, the key names the role,
    and digits already name roles by their place in the list."""
    key = role.key
    if not key:
        return
    if len(key) != 1 or not key.isalpha():
        raise EditError(f"role key {key!r} must be one letter (digits pick roles by place)")
    for other in others:
        if other.name != role.name and other.key.lower() == key.lower():
            raise EditError(f"role key {key!r} is already the key of role {other.name!r}")


class EventType(Value):
    __slots__ = ("name", "display_name")
    name: Final[str]
    display_name: Final[str]

    def __init__(self, name: str, display_name: str) -> None:
        self.name = check_name("event type", name)
        self.display_name = display_name


class AttributeKey(Value):
    __slots__ = ("label", "name", "kind")
    label: Final[str]
    name: Final[str]
    kind: Final[AttributeKind]

    def __init__(self, label: str, name: str, kind: AttributeKind) -> None:
        self.label = label
        self.name = name
        self.kind = kind


class Link(Value):
    """An event span's argument in a role. Both spans are in one document."""

    __slots__ = ("event", "argument", "role", "id", "created")
    event: Final[int]
    argument: Final[int]
    role: Final[str]
    id: Final[int | None]
    created: Final[str]

    def __init__(
        self, event: int, argument: int, role: str, id: int | None = None, created: str = ""
    ) -> None:
        self.event = event
        self.argument = argument
        self.role = role
        self.id = id
        self.created = created


SpanPlace = tuple[int, int, str]  # start, end, label: one span of a document


class RecordLinks(Value):
    """An imported document's span attributes and links, by span place; stored once
    its spans are (the document is found again by its text's hash)."""

    __slots__ = ("content_hash", "attributes", "links")
    content_hash: Final[str]
    attributes: Final[tuple[tuple[SpanPlace, Attributes], ...]]
    links: Final[tuple[tuple[SpanPlace, SpanPlace, str], ...]]

    def __init__(
        self,
        content_hash: str,
        attributes: tuple[tuple[SpanPlace, Attributes], ...],
        links: tuple[tuple[SpanPlace, SpanPlace, str], ...],
    ) -> None:
        self.content_hash = content_hash
        self.attributes = attributes
        self.links = links


# Arabic display names: the label ``actor`` is already فاعل, so the agent role is
# منفذ (who carried the event out), and a span's label and role never read alike.
DEFAULT_ROLES: tuple[Role, ...] = (
    Role("agent", "منفذ", frozenset({"actor"}), "a"),
    Role("target", "مستهدف", frozenset({"actor"}), "t"),
    Role("instrument", "أداة", frozenset({"weapon"}), "i"),
    Role("quantity", "كمية", frozenset({"number"}), "q"),
)
DEFAULT_EVENT_LABEL = "event"
DEFAULT_EVENT_TYPES: tuple[EventType, ...] = (
    EventType("attack", "هجوم"),
    EventType("deployment", "نشر قوات"),
    EventType("agreement", "اتفاق"),
    EventType("meeting", "اجتماع"),
    EventType("protest", "احتجاج"),
    EventType("arms_transfer", "نقل أسلحة"),
)
DEFAULT_ATTRIBUTE_KEYS: tuple[AttributeKey, ...] = (
    AttributeKey("number", VALUE_ATTRIBUTE, AttributeKind.VALUE),
    AttributeKey("number", "unit", AttributeKind.TEXT),
    AttributeKey("number", "kind", AttributeKind.TEXT),
    AttributeKey("event", TYPE_ATTRIBUTE, AttributeKind.EVENT_TYPE),
    AttributeKey("actor", "country", AttributeKind.TEXT),
    # The actor's CAMEO role code (GOV, MIL, OPP, ...), beside its country code: what the
    # OpenEventData GSR gives each actor (``io/corpora.py``).
    AttributeKey("actor", "cameo_role", AttributeKind.TEXT),
)


class EventSchema(Value):
    """A project's roles, event labels, event types and attribute keys, in order."""

    __slots__ = ("roles", "event_labels", "event_types", "attribute_keys", "_roles")
    roles: Final[tuple[Role, ...]]
    event_labels: Final[frozenset[str]]
    event_types: Final[tuple[EventType, ...]]
    attribute_keys: Final[tuple[AttributeKey, ...]]
    _roles: Final[dict[str, Role]]  # by name

    def __init__(
        self,
        roles: tuple[Role, ...] = DEFAULT_ROLES,
        event_labels: frozenset[str] = frozenset({DEFAULT_EVENT_LABEL}),
        event_types: tuple[EventType, ...] = DEFAULT_EVENT_TYPES,
        attribute_keys: tuple[AttributeKey, ...] = DEFAULT_ATTRIBUTE_KEYS,
    ) -> None:
        self.roles = roles
        self.event_labels = event_labels
        self.event_types = event_types
        self.attribute_keys = attribute_keys
        self._roles = {role.name: role for role in roles}

    def role(self, name: str) -> Role:
        try:
            return self._roles[name]
        except KeyError:
            raise EditError(f"unknown role {name!r}") from None

    def has_role(self, name: str) -> bool:
        return name in self._roles

    def event_type_names(self) -> list[str]:
        return [event_type.name for event_type in self.event_types]

    def attribute_key(self, label: str, name: str) -> AttributeKey:
        for key in self.attribute_keys:
            if key.label == label and key.name == name:
                return key
        raise EditError(f"label {label!r} has no attribute {name!r}")

    def check_link(self, event_label: str, argument_label: str, role: str) -> None:
        """Refuse a link whose head is not an event or whose argument the role refuses."""
        if event_label not in self.event_labels:
            raise EditError(f"a link starts at an event span; this one is labelled {event_label!r}")
        accepted = self.role(role).accepts
        if argument_label not in accepted:
            allowed = ", ".join(sorted(accepted)) or "no label"
            raise EditError(
                f"role {role!r} takes {allowed}, not a span labelled {argument_label!r}"
            )

    def check_attribute(self, label: str, name: str, value: AttributeValue | None) -> None:
        """Refuse an attribute the label does not declare, or a value of the wrong kind
        (None clears it, always allowed for a declared key)."""
        kind = self.attribute_key(label, name).kind
        if value is None:
            return
        if kind is AttributeKind.NUMBER:
            ok = type(value) in (int, float)
        elif kind is AttributeKind.TEXT:
            ok = type(value) is str
        elif kind is AttributeKind.VALUE:
            ok = type(value) in (int, float, str)
        else:
            ok = value in self.event_type_names()
            if not ok:
                raise EditError(
                    f"unknown event type {value!r} (the project has"
                    f" {', '.join(self.event_type_names()) or 'none'})"
                )
        if not ok:
            raise EditError(f"attribute {name!r} of {label!r} takes {kind.value}, not {value!r}")


def attributes_of(
    pairs: Mapping[str, AttributeValue] | Iterable[tuple[str, AttributeValue]],
) -> Attributes:
    """Attributes as a span holds them: sorted (key, value) pairs, None values dropped."""
    items = pairs.items() if isinstance(pairs, Mapping) else pairs
    return tuple(sorted((key, value) for key, value in items if value is not None))


def with_attribute(attributes: Attributes, name: str, value: AttributeValue | None) -> Attributes:
    kept = [(key, old) for key, old in attributes if key != name]
    if value is not None:
        kept.append((name, value))
    return tuple(sorted(kept))


def attribute(attributes: Attributes, name: str) -> AttributeValue | None:
    return next((value for key, value in attributes if key == name), None)


def encode_attributes(attributes: Attributes) -> str | None:
    """The stored form: one compact JSON object, keys sorted; None for no attributes."""
    if not attributes:
        return None
    return json.dumps(dict(attributes), ensure_ascii=False, separators=(",", ":"))


def decode_attributes(stored: object) -> Attributes | None:
    """Attributes from their stored form; None when it is not a JSON object of
    numbers and texts without ``value`` (the caller reports the damage)."""
    if stored is None:
        return NO_ATTRIBUTES
    if type(stored) is not str:
        return None
    return _decoded(stored)


@lru_cache(maxsize=4096)
def _decoded(stored: str) -> Attributes | None:
    """Most spans share a few stored forms ({"type":"attack"}): each is parsed once
    (the result is an immutable tuple, so sharing it is safe)."""
    try:
        values = json.loads(stored)
    except (ValueError, RecursionError):
        return None
    if type(values) is not dict or VALUE_ATTRIBUTE in values:
        return None
    if not all(type(value) in (int, float, str) for value in values.values()):
        return None
    return tuple(sorted(values.items()))
