"""Read the hand-made number gold files (tests/arabic/data/numbers_gold_*.txt).

The format is described at the top of each file. A mention is located in its
sentence by what it says, never by offsets, so the gold does not depend on the
detector; a mention that is missing or ambiguous is an error naming the line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
PARTS = ("dev", "heldout")
QUANTITY_KINDS = frozenset({"count", "money", "percent", "measure"})
OTHER_KINDS = frozenset({"date", "year", "time", "code", "ordinal", "other"})
_PROCLITIC_RUN = re.compile(r"(?<![^\W\d_])[وفبلك]{1,3}$")
_NUMBER_INSIDE = ".,\u060c\u066b\u066cر:"


@dataclass(frozen=True)
class GoldNumber:
    start: int
    end: int
    written: str
    value: int | float | None  # None for a number that is not a quantity
    kind: str
    unit: str | None

    @property
    def is_quantity(self) -> bool:
        return self.kind in QUANTITY_KINDS


@dataclass(frozen=True)
class GoldSentence:
    source: str
    licence: str
    part: str
    text: str
    numbers: tuple[GoldNumber, ...]

    @property
    def quantities(self) -> list[GoldNumber]:
        return [n for n in self.numbers if n.is_quantity]


class GoldError(ValueError):
    pass


def _number(text: str) -> int | float:
    value = Decimal(text)
    return int(value) if value == value.to_integral_value() else float(value)


def _starts_ok(text: str, at: int, written: str, glued: bool) -> bool:
    if at == 0 or glued:
        return True
    before = text[at - 1]
    if written[0].isdigit():
        inside = before in _NUMBER_INSIDE and at >= 2 and text[at - 2].isdigit()
        return not before.isdigit() and not inside
    if not before.isalpha():
        return True
    return _PROCLITIC_RUN.search(text, 0, at) is not None


def _ends_ok(text: str, end: int, written: str) -> bool:
    if end == len(text):
        return True
    after = text[end]
    if written[-1].isdigit():
        inside = after in _NUMBER_INSIDE and end + 1 < len(text) and text[end + 1].isdigit()
        return not after.isdigit() and not inside
    return not after.isalpha()


def locate(text: str, written: str) -> tuple[int, int]:
    """Where ``WRITTEN[#k]`` (optionally ``~WRITTEN``) stands in ``text``."""
    glued = written.startswith("~")
    written = written.removeprefix("~")
    written, _, nth = written.partition("#")
    found = []
    at = text.find(written)
    while at != -1:
        end = at + len(written)
        if _starts_ok(text, at, written, glued) and _ends_ok(text, end, written):
            found.append((at, end))
        at = text.find(written, at + 1)
    if not found:
        raise GoldError(f"{written!r} is not in the sentence")
    if not nth:
        if len(found) > 1:
            raise GoldError(f"{written!r} occurs {len(found)} times: say which with #k")
        return found[0]
    k = int(nth)
    if not 1 <= k <= len(found):
        raise GoldError(f"{written!r}#{k}: only {len(found)} occurrences")
    return found[k - 1]


def _parse_line(text: str, line: str) -> GoldNumber:
    sign, rest = line[0], line[1:].strip()
    fields = [f.strip() for f in rest.split("|")]
    written = fields[0]
    start, end = locate(text, written)
    if sign == "+":
        if len(fields) not in (3, 4) or fields[2] not in QUANTITY_KINDS:
            raise GoldError(f"expected '+ WRITTEN | VALUE | KIND [| UNIT]', got {line!r}")
        unit = fields[3] if len(fields) == 4 else None
        if (unit is None) != (fields[2] == "count"):
            raise GoldError(f"a count has no unit and every other quantity has one: {line!r}")
        return GoldNumber(start, end, written, _number(fields[1]), fields[2], unit)
    if len(fields) != 2 or fields[1] not in OTHER_KINDS:
        raise GoldError(f"expected '- WRITTEN | KIND', got {line!r}")
    return GoldNumber(start, end, written, None, fields[1], None)


def load(path: Path) -> list[GoldSentence]:
    sentences: list[GoldSentence] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.startswith("@ "):
            if line.strip() and not line.startswith("#"):
                raise GoldError(f"{path.name}:{i + 1}: expected a block starting with '@'")
            i += 1
            continue
        source, licence, part = (f.strip() for f in line[2:].split("|"))
        if part not in PARTS:
            raise GoldError(f"{path.name}:{i + 1}: unknown part {part!r}")
        text = lines[i + 1]
        numbers = []
        i += 2
        while i < len(lines) and lines[i][:1] in ("+", "-"):
            try:
                numbers.append(_parse_line(text, lines[i]))
            except GoldError as error:
                raise GoldError(f"{path.name}:{i + 1}: {error}") from None
            i += 1
        sentences.append(GoldSentence(source, licence, part, text, tuple(numbers)))
    return sentences


def load_part(part: str) -> list[GoldSentence]:
    return load(DATA / f"numbers_gold_{part}.txt")
