"""Gold number mentions of the seed article, written by hand.

Each entry is (text just before, mention as written, text just after, value,
kind: "quantity" for any quantity, else the NumberKind); the mention's extent is found by its unique context, so the gold does not depend on the
detector. Run ``python -m tests.arabic.seed_numbers_gold`` to print precision
and recall of annotator.arabic.numbers on the seed.
"""

from __future__ import annotations

import sys

GOLD: list[tuple[str, str, str, int | float, str]] = [
    ("", "01", "-نوفمبر", 1, "date"),
    ("نوفمبر-", "2024", "\n", 2024, "date"),
    ("أرسلت أكثر من ", "1500", " جندي", 1500, "quantity"),
    ("إلى نحو ", "12 ألف", " جندي", 12000, "quantity"),
    ("بشحن نحو ", "6700", " حاوية", 6700, "quantity"),
    ("تتسع لأكثر من ", "ثلاثة ملايين", " طلقة", 3_000_000, "quantity"),
    ("المدفعية عيار ", "152", " ملم", 152, "quantity"),
    ("أو أكثر من ", "500 ألف", " طلقة", 500_000, "quantity"),
    ("المتعددة عيار ", "122", " ملم", 122, "quantity"),
    ("يقدر بأكثر من ", "13 ألف", " حاوية", 13_000, "quantity"),
    ("حزيران/يونيو الماضي ", "2024", "،", 2024, "year"),
    ("حيث شاركت ", "400", " سفينة", 400, "quantity"),
    ('"المحيط ', "2024", '"', 2024, "year"),
    ("منذ عام ", "2012", " تحت", 2012, "year"),
    ("مشاركة نحو ", "19 ألف", " جندي", 19_000, "quantity"),
]


def gold_mentions(text: str) -> list[tuple[int, int, int | float, str]]:
    mentions = []
    for before, written, after, value, kind in GOLD:
        context = before + written + after
        assert text.count(context) == 1, f"context of {written!r} is not unique"
        at = text.index(context) + len(before)
        mentions.append((at, at + len(written), value, kind))
    return mentions


def scores(text: str, kinds: tuple[str, ...] = ("quantity",)) -> tuple[float, float, int]:
    """Precision and recall of the detector on mentions of ``kinds`` (exact extent and value)."""
    from annotator.arabic.numbers import find_numbers

    def group(mention) -> str:
        return "quantity" if mention.is_quantity else mention.kind.value

    gold = {(s, e, v) for s, e, v, k in gold_mentions(text) if k in kinds}
    found = {(m.start, m.end, m.value) for m in find_numbers(text) if group(m) in kinds}
    right = len(gold & found)
    return right / len(found) if found else 0.0, right / len(gold), len(gold)


def main() -> int:
    from annotator.assets import seed_files

    for seed in seed_files():
        text = seed.read_text(encoding="utf-8")
        for kinds in (("quantity",), ("year", "date")):
            precision, recall, count = scores(text, kinds)
            print(
                f"{seed.name} {'/'.join(kinds)}: {count} gold, "
                f"precision {precision:.3f}, recall {recall:.3f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
