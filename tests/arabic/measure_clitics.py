"""Measure proclitic splitting as the window uses it (``tokens.proclitic_length`` on a whole word).

    .venv/bin/python -m tests.arabic.measure_clitics

1. UD Arabic-PUD (read from the shared corpora; see pud_words.py): accuracy on the
   nouns and proper nouns that carry a proclitic, and the words cut too far (a
   letter that is not a clitic cut off), apart for words the shipped word list has
   and words it lacks. PUD's segmentation is part of the evidence
   (build_clitic_evidence.py), so this figure is in-sample: the build prints the
   10-fold cross-validated one.
2. Held out: names in the OpenEventData Arabic event GSR (tests/arabic/data/gsr_names.tsv,
   counted in running text), in a fresh project and once the names are accepted:
   prefixed names split right (recall), real names cut (their share, and precision
   of the splits made).
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from annotator.arabic.clitic_evidence import LOG_FLOOR, evidence
from annotator.arabic.tokens import fold, proclitic_length

from .pud_words import find_pud, pud_words

GSR_GOLD = Path(__file__).with_name("data") / "gsr_names.tsv"


def split(word: str, lexicon: frozenset[str] = frozenset()) -> str:
    return word[: proclitic_length(word, lexicon)]


def gsr_gold() -> list[tuple[str, str, int, str, bool]]:
    rows = []
    for line in GSR_GOLD.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        word, clitic, count, name, *fused = line.split("\t")
        rows.append((word, clitic, int(count), name, bool(fused)))
    return rows


def measure_pud(path: Path) -> dict[str, float]:
    words = list(pud_words(path))
    listed = evidence()
    nouns = [w for w in words if w.gold and w.head_pos in ("NOUN", "PROPN")]
    right = sum(split(w.word) == w.expected for w in nouns)

    def in_frequency_list(word: str) -> bool:
        entry = listed.lookup(fold(word))  # PUD's own words are listed at the floor
        return entry is not None and entry.log_frequency > LOG_FLOOR

    cut = Counter()
    for w in words:
        if len(split(w.word)) > len(w.expected):
            cut["listed" if in_frequency_list(w.word) else "unlisted"] += 1
    unlisted = sum(1 for w in words if not in_frequency_list(w.word))
    print(f"UD Arabic-PUD ({len(words)} words; in-sample, see the module's note)")
    print(
        f"  nouns and proper nouns with a proclitic: {right}/{len(nouns)} = {right / len(nouns):.1%}"
        " split exactly right"
    )
    print(
        f"  non-clitic initial letters cut: {cut['listed']} on words in the frequency list, "
        f"{cut['unlisted']} on the {unlisted} words absent from it"
    )
    return {"pud_accuracy": right / len(nouns), "pud_cut_unlisted": cut["unlisted"]}


def measure_gsr(label: str, lexicon: frozenset[str]) -> dict[str, float]:
    rows = gsr_gold()
    prefixed = [r for r in rows if r[1]]
    whole = [r for r in rows if not r[1]]
    split_right = sum(
        count for word, clitic, count, *_ in prefixed if split(word, lexicon) == clitic
    )
    any_split = sum(count for word, clitic, count, *_ in prefixed if split(word, lexicon))
    n_prefixed = sum(count for _, _, count, *_ in prefixed)
    cut_rows = [(word, count) for word, _, count, *_ in whole if split(word, lexicon)]
    cut = sum(count for _, count in cut_rows)
    n_whole = sum(count for _, _, count, *_ in whole)
    at_risk = sum(count for word, _, count, *_ in whole if word[0] in "وفبلكس")
    made = any_split + cut
    print(f"OpenEventData GSR names, held out, {label}:")
    print(
        f"  prefixed names split right: {split_right}/{n_prefixed} = {split_right / n_prefixed:.1%}"
        f" (recall; {len({r[0] for r in prefixed})} forms)"
    )
    print(
        f"  real names cut: {cut}/{n_whole} = {cut / n_whole:.2%} ({at_risk} of them begin with a"
        f" proclitic letter); forms cut: {', '.join(f'{w} x{c}' for w, c in cut_rows) or 'none'}"
    )
    print(f"  precision of the splits made: {any_split}/{made} = {any_split / max(made, 1):.1%}")
    return {"gsr_recall": split_right / n_prefixed, "gsr_cut": cut / n_whole}


def main(argv: list[str]) -> int:
    pud = Path(argv[0]) if argv else find_pud()
    if pud is not None and pud.exists():
        measure_pud(pud)
    else:
        print("UD Arabic-PUD not found: set ANNOTATOR_CORPORA (see pud_words.py)")
    measure_gsr("fresh project", frozenset())
    accepted = frozenset(name for _, _, _, name, _ in gsr_gold())
    measure_gsr("with every name accepted", accepted)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
