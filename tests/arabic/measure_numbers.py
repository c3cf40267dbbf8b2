"""Precision and recall of number suggestions on the hand-made gold (real news).

    python -m tests.arabic.measure_numbers [--part dev|heldout|all] [--errors]

For each part of tests/arabic/data/numbers_gold_*.txt, runs what the window and
``annotator suggest`` propose as number spans (``number_suggestions``) on every
sentence and prints:

- precision and recall of quantities, a proposal being right when its start,
  end and value are exactly the gold's (targets: precision >= 95%, recall >= 90%);
- unit and kind agreement on the right proposals;
- how many of the numbers that are not quantities (dates, years, times, codes,
  ordinals, ...) were proposed anyway.

``--errors`` lists every wrong, missed and disagreeing proposal.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field

from annotator.arabic.suggest import number_suggestions

from .numbers_gold import PARTS, GoldSentence, load_part


@dataclass
class Score:
    gold: int = 0
    proposed: int = 0
    right: int = 0
    kind_agrees: int = 0
    unit_agrees: int = 0
    others: int = 0
    others_proposed: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.right / self.proposed if self.proposed else 0.0

    @property
    def recall(self) -> float:
        return self.right / self.gold if self.gold else 0.0


def _same(a: int | float | None, b: int | float | None) -> bool:
    return a is not None and b is not None and a == b


def score(sentences: list[GoldSentence]) -> Score:
    result = Score()
    for sentence in sentences:
        text = sentence.text
        proposed = {(s.start, s.end): s for s in number_suggestions(text)}
        gold = {(n.start, n.end): n for n in sentence.quantities}
        result.gold += len(gold)
        result.proposed += len(proposed)
        for extent, suggestion in proposed.items():
            written = text[slice(*extent)]
            expected = gold.get(extent)
            if expected is None or not _same(suggestion.value, expected.value):
                wanted = "not a quantity" if expected is None else f"gold {expected.value}"
                result.errors.append(
                    f"WRONG   {written!r} = {suggestion.value} ({wanted}) in {sentence.source}"
                )
                continue
            result.right += 1
            result.kind_agrees += suggestion.kind == expected.kind
            result.unit_agrees += suggestion.unit == expected.unit
            if (suggestion.kind, suggestion.unit) != (expected.kind, expected.unit):
                result.errors.append(
                    f"KIND    {written!r}: {suggestion.kind}/{suggestion.unit}, gold"
                    f" {expected.kind}/{expected.unit} in {sentence.source}"
                )
        for extent, expected in gold.items():
            if not (extent in proposed and _same(proposed[extent].value, expected.value)):
                result.errors.append(
                    f"MISSED  {expected.written!r} = {expected.value} in {sentence.source}"
                )
        for number in sentence.numbers:
            if number.is_quantity:
                continue
            result.others += 1
            if any(s < number.end and number.start < e for s, e in proposed):
                result.others_proposed += 1
    return result


def report(name: str, result: Score) -> str:
    right = result.right or 1
    return (
        f"{name}: {result.gold} quantities, {result.proposed} proposed, {result.right} right"
        f" (exact extent and value): precision {result.precision:.1%}, recall"
        f" {result.recall:.1%}; kind agrees {result.kind_agrees / right:.1%}, unit agrees"
        f" {result.unit_agrees / right:.1%}; {result.others_proposed} of {result.others}"
        f" non-quantity numbers proposed"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=(*PARTS, "all"), default="all")
    parser.add_argument("--errors", action="store_true", help="List every error.")
    args = parser.parse_args(argv)
    parts = PARTS if args.part == "all" else (args.part,)
    for part in parts:
        result = score(load_part(part))
        print(report(part, result))
        if args.errors:
            print("\n".join(f"  {line}" for line in result.errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
