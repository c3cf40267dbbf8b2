"""brat's annotation rules, written from its documentation (annotation.conf), for the tests.

What brat's validation checks on entities: every text-bound annotation has a type declared
under ``[entities]``, and two overlapping spans are an error unless an ``<OVERLAP>`` rule in
``[relations]`` allows their overlap type (``equal``, ``contain``, ``cross`` or ``<ANY>``)
between their types (``Arg1``/``Arg2``: a type, ``<ENTITY>`` or ``<ANY>``). Without any
rule, brat allows no overlap at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class OverlapRule:
    arg1: frozenset[str]
    arg2: frozenset[str]
    kinds: frozenset[str]


@dataclass
class BratConfig:
    entities: set[str]
    overlaps: list[OverlapRule]

    @classmethod
    def read(cls, path: Path) -> BratConfig:
        section = None
        entities: set[str] = set()
        overlaps: list[OverlapRule] = []
        for raw in path.read_text(encoding="utf-8").splitlines():
            line = raw.split("#", 1)[0].strip() if not raw.lstrip().startswith("<") else raw.strip()
            if not line:
                continue
            if re.fullmatch(r"\[\w+\]", line):
                section = line[1:-1]
                continue
            if section == "entities":
                entities.add(line.split()[0].lstrip("!"))
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
        return cls(entities, overlaps)

    def _matches(self, allowed: frozenset[str], label: str) -> bool:
        return (
            label in allowed
            or "<ANY>" in allowed
            or ("<ENTITY>" in allowed and label in self.entities)
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
            if label not in config.entities:
                errors.append(f"{ann.name} {ident}: {label} is not a known textbound type")
        for number, (id1, type1, start1, end1) in enumerate(bounds):
            for id2, type2, start2, end2 in bounds[number + 1 :]:
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
    return errors
