"""Draw the sentences of the number gold files from the shared corpora (reproducibly).

    python -m tests.arabic.numbers_gold_sample dev|heldout [--corpora DIR]

Prints each drawn sentence as the head of a gold block (source, licence, part,
text) with the stretches that might be numbers marked on a line below, for a
person to read and annotate by hand (tests/arabic/data/numbers_gold_*.txt). The
marks come from a loose pattern of digits and number stems written here, not
from the detector under test, and only help the reader: every number in the
sentence is annotated, marked or not.

Sentences are those with a digit or a word on a number stem; they are shuffled
with a fixed seed and cut into the two parts, so the held-out part is fixed
before any rule is tuned and never overlaps the development part.
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
from pathlib import Path

CORPORA = Path("/work/shared/corpora")
GSR = ("assault_gsr.csv", "protest_gsr.csv")
PUD = "ud-arabic-pud/ar_pud-ud-test.conllu"
SEED = 20240610
PARTS = {
    "dev": {"gsr": (0, 190), "pud": (0, 70)},
    "heldout": {"gsr": (190, 300), "pud": (70, 110)},
}

_DIGITS = r"[0-9\u0660-\u0669\u06f0-\u06f9]+(?:[.,\u060c\u066b\u066cر:/\-][0-9\u0660-\u0669\u06f0-\u06f9]+)*"
_STEMS = (
    "واحد|اثن|إثن|ثلاث|ثلث|اربع|أربع|خمس|ست|سبع|ثمان|تسع|عشر|مئ|مائ|ألف|الف|آلاف|ألوف"
    "|مليون|ملايين|مليار|ترليون|تريليون|نصف|ربع|بضع|عشرات|مئات|أحد|إحدى|حادي"
)
_CANDIDATE = re.compile(
    rf"{_DIGITS}|[%٪$€£]|(?<![^\W_])(?:[وفبلك]{{0,2}}(?:ال)?)(?:{_STEMS})[^\W\d_]{{0,4}}(?![^\W_])"
)


def gsr_sentences(corpora: Path) -> list[tuple[str, str, str]]:
    """(source, licence, text) of each distinct GSR sentence, in file order."""
    seen, found = set(), []
    for name in GSR:
        path = corpora / "openeventdata-arabic-event-gsr" / name
        with path.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                text = row["text"].strip()
                if text and text not in seen:
                    seen.add(text)
                    found.append(
                        (f"openeventdata-arabic-event-gsr/{name}:{row['id']}", "MIT", text)
                    )
    return found


def pud_sentences(corpora: Path) -> list[tuple[str, str, str]]:
    found, sent_id = [], ""
    for line in (corpora / PUD).read_text(encoding="utf-8").splitlines():
        if line.startswith("# sent_id = "):
            sent_id = line.split("=", 1)[1].strip()
        elif line.startswith("# text = "):
            found.append(
                (f"ud-arabic-pud:{sent_id}", "CC BY-SA 3.0", line.split("=", 1)[1].strip())
            )
    return found


def drawn(corpora: Path, part: str) -> list[tuple[str, str, str]]:
    chosen = []
    for corpus, sentences in (("gsr", gsr_sentences(corpora)), ("pud", pud_sentences(corpora))):
        candidates = [s for s in sentences if _CANDIDATE.search(s[2])]
        random.Random(SEED).shuffle(candidates)
        first, last = PARTS[part][corpus]
        chosen += candidates[first:last]
    return chosen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("part", choices=sorted(PARTS))
    parser.add_argument("--corpora", type=Path, default=CORPORA)
    args = parser.parse_args(argv)
    for source, licence, text in drawn(args.corpora, args.part):
        print(f"@ {source} | {licence} | {args.part}")
        print(text)
        print("# " + "  ".join(m.group() for m in _CANDIDATE.finditer(text)))
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
