"""brat's annotation rules, written from its documentation (annotation.conf), for the tests.

What brat's validation checks on entities: every text-bound annotation has a type declared
under ``[entities]`` or ``[events]`` (an event's trigger), and two overlapping entities
(triggers are not checked for overlap) are an error unless an ``<OVERLAP>`` rule in
``[relations]`` allows their overlap type (``equal``, ``contain``, ``cross`` or ``<ANY>``)
between their types (``Arg1``/``Arg2``: a type, ``<ENTITY>`` or ``<ANY>``). Without any
rule, brat allows no overlap at all.

On events (``E1<TAB>TYPE:T3 ROLE:T1 ROLE2:T2``): the type is declared under ``[events]``
as ``TYPE<TAB>ROLE:T1|T2, ROLE?:T, ROLE*:T, ROLE+:T`` and is the trigger's type; a role is
read without its trailing digits (``agent2`` is ``agent``) and must be declared for the
type, with an argument of one of its types (``<EVENT>``: any event's trigger,
``<ENTITY>``: any entity, ``<ANY>``); a role without ``*``/``+`` takes one argument and one
without ``?``/``*`` is required. On attributes (``A1<TAB>NAME ID VALUE``): the name is
declared under ``[attributes]`` as ``NAME<TAB>Arg:TYPES, Value:V1|V2``, the annotation's
type (an E's: its event type, matched by ``<EVENT>``) is one of its ``Arg`` types, and the
value is one listed (a binary attribute, declared without values, takes none).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class OverlapRule:
    arg1: frozenset[str]
    arg2: frozenset[str]
    kinds: frozenset[str]


@dataclass(frozen=True)
class EventRole:
    types: frozenset[str]
    many: bool  # * or +
    required: bool  # neither ? nor *


@dataclass
class BratConfig:
    entities: set[str]
    overlaps: list[OverlapRule]
    events: dict[str, dict[str, EventRole]] = field(default_factory=dict)
    attributes: dict[str, tuple[frozenset[str], frozenset[str]]] = field(default_factory=dict)

    @classmethod
    def read(cls, path: Path) -> BratConfig:
        section = None
        entities: set[str] = set()
        overlaps: list[OverlapRule] = []
        events: dict[str, dict[str, EventRole]] = {}
        attributes: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
        for raw in path.read_text(encoding="utf-8").splitlines():
            line = raw.split("#", 1)[0].strip() if not raw.lstrip().startswith("<") else raw.strip()
            if not line:
                continue
            if re.fullmatch(r"\[\w+\]", line):
                section = line[1:-1]
                continue
            if section == "entities":
                entities.add(line.split()[0].lstrip("!"))
            elif section == "events":
                name, _, rest = line.partition("\t") if "\t" in line else line.partition(" ")
                roles = {}
                for part in filter(None, (p.strip() for p in rest.split(","))):
                    role, _, types = part.partition(":")
                    bare = role.rstrip("?*+")
                    mark = role[len(bare) :]
                    roles[bare] = EventRole(
                        frozenset(types.split("|")), mark in ("*", "+"), mark in ("", "+")
                    )
                events[name.lstrip("!")] = roles
            elif section == "attributes":
                name, _, rest = line.partition("\t") if "\t" in line else line.partition(" ")
                keys = dict(
                    part.strip().partition(":")[::2] for part in rest.split(",") if part.strip()
                )
                values = frozenset(keys["Value"].split("|")) if "Value" in keys else frozenset()
                attributes[name.lstrip("!")] = (frozenset(keys["Arg"].split("|")), values)
            elif section == "relations":
                name, _, rest = line.partition("\t") if "\t" in line else line.partition(" ")
                if name != "<OVERLAP>":
                    continue
                args = {}
                for part in rest.split(","):
                    key, _, values = part.strip().partition(":")
                    args[key] = frozenset(values.split("|"))
                overlaps.append(
                    OverlapRule(args["Arg1"], args["Arg2"], args.get("<OVL-TYPE>", frozenset()))
                )
        return cls(entities, overlaps, events, attributes)

    def _matches(self, allowed: frozenset[str], label: str) -> bool:
        return (
            label in allowed
            or "<ANY>" in allowed
            or ("<ENTITY>" in allowed and label in self.entities)
            or ("<EVENT>" in allowed and label in self.events)
        )

    def overlap_kinds(self, first: str, second: str) -> set[str]:
        kinds: set[str] = set()
        for rule in self.overlaps:
            if self._matches(rule.arg1, first) and self._matches(rule.arg2, second):
                kinds |= rule.kinds
        return kinds

    def allows(self, kind: str, outer: str, inner: str) -> bool:
        forward, backward = self.overlap_kinds(outer, inner), self.overlap_kinds(inner, outer)
        if kind == "contain":
            return "contain" in forward or "<ANY>" in forward or "<ANY>" in backward
        return bool({kind, "<ANY>"} & (forward | backward))


def text_bounds(ann: Path) -> list[tuple[str, str, int, int]]:
    found = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            ident, where, _ = line.split("\t")
            label, *pieces = re.split(r"[ ;]", where)
            found.append((ident, label, int(pieces[0]), int(pieces[-1])))
    return found


def brat_errors(folder: Path) -> list[str]:
    """What brat's validation reports as errors for the .ann files of an exported folder."""
    config = BratConfig.read(folder / "annotation.conf")
    errors = []
    for ann in sorted(folder.glob("*.ann")):
        bounds = text_bounds(ann)
        for ident, label, _, _ in bounds:
            if label not in config.entities and label not in config.events:
                errors.append(f"{ann.name} {ident}: {label} is not a known textbound type")
        entities = [bound for bound in bounds if bound[1] in config.entities]
        for number, (id1, type1, start1, end1) in enumerate(entities):
            for id2, type2, start2, end2 in entities[number + 1 :]:
                if not (start2 < end1 and end2 > start1):
                    continue
                if (start1, end1) == (start2, end2):
                    kind, outer, inner = "equal", type1, type2
                elif start1 <= start2 and end2 <= end1:
                    kind, outer, inner = "contain", type1, type2
                elif start2 <= start1 and end1 <= end2:
                    kind, outer, inner = "contain", type2, type1
                else:
                    kind, outer, inner = "cross", type1, type2
                if not config.allows(kind, outer, inner):
                    errors.append(f"{ann.name} {id1}/{id2}: {outer} cannot {kind} {inner}")
        errors.extend(f"{ann.name} {error}" for error in _event_errors(ann, config, bounds))
    return errors


def _event_errors(
    ann: Path, config: BratConfig, bounds: list[tuple[str, str, int, int]]
) -> list[str]:
    types = {ident: label for ident, label, _, _ in bounds}
    errors = []
    lines = ann.read_text(encoding="utf-8").splitlines()
    for line in lines:
        if not line.startswith("E"):
            continue
        ident, body = line.split("\t")
        head, *arguments = body.split(" ")
        event_type, _, trigger = head.partition(":")
        types[ident] = event_type
        if event_type not in config.events:
            errors.append(f"{ident}: {event_type} is not a known event type")
            continue
        if types.get(trigger) != event_type:
            errors.append(f"{ident}: trigger {trigger} is not of type {event_type}")
        roles = config.events[event_type]
        found: dict[str, list[str]] = {}
        for argument in arguments:
            role, _, target = argument.partition(":")
            found.setdefault(role.rstrip("0123456789"), []).append(target)
        for role, targets in found.items():
            declared = roles.get(role)
            if declared is None:
                errors.append(f"{ident}: {event_type} cannot take a {role} argument")
                continue
            if len(targets) > 1 and not declared.many:
                errors.append(f"{ident}: {event_type} cannot take multiple {role} arguments")
            for target in targets:
                if not config._matches(declared.types, types.get(target, "")):
                    errors.append(
                        f"{ident}: {role} argument {target} cannot be of type {types.get(target)}"
                    )
        errors.extend(
            f"{ident}: {role} required for event"
            for role, declared in roles.items()
            if declared.required and role not in found
        )
    for line in lines:
        if not line.startswith("A"):
            continue
        ident, body = line.split("\t")
        name, target, *value = body.split(" ")
        if name not in config.attributes:
            errors.append(f"{ident}: {name} is not a known attribute")
            continue
        owners, values = config.attributes[name]
        if not config._matches(owners, types.get(target, "")):
            errors.append(f"{ident}: {name} cannot be set on {types.get(target)} ({target})")
        if (value[0] if value else None) not in (values or {None}):
            errors.append(f"{ident}: {value} is not a value of {name}")
    return errors
