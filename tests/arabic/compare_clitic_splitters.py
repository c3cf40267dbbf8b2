"""Compare proclitic splitting: our rules against Tashaphyne and Qalsadi (PyPI).

    .venv/bin/pip install tashaphyne qalsadi
    .venv/bin/python -m tests.arabic.compare_clitic_splitters [path/to/ar_pud-ud-test.conllu]

Scores the hand-made cases (clitic_cases.py) and, when given or found under
/work/shared/corpora, the UD Arabic PUD treebank, whose tokens split proclitics
(a word written "لأوباما" is the tokens "ل" + "أوباما" with SpaceAfter=No).
Prints accuracy (words whose split proclitic equals the gold one), false splits
(a whole word broken: the error that cuts names) and missed splits.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from annotator.arabic.tokens import PROCLITICS, proclitic_length

from .clitic_cases import CASES, HARD_CASES, PROJECT_LEXICON

PUD = Path("/work/shared/corpora/ud-arabic-pud/ar_pud-ud-test.conllu")
Splitter = Callable[[str], str]


def ours(lexicon: frozenset[str]) -> Splitter:
    return lambda word: word[: proclitic_length(word, lexicon)]


def tashaphyne() -> Splitter:
    from tashaphyne.stemming import ArabicLightStemmer

    stemmer = ArabicLightStemmer()

    def split(word: str) -> str:
        stemmer.light_stem(word)
        prefix = stemmer.get_prefix()
        # Tashaphyne counts the article as a prefix; keep only proclitic letters.
        prefix = prefix[:-2] if prefix.endswith("ال") else prefix
        return prefix if prefix in PROCLITICS else ""

    return split


def qalsadi() -> Splitter:
    import qalsadi.analex

    analyzer = qalsadi.analex.Analex()

    def split(word: str) -> str:
        cases = analyzer.check_word(word)
        if not cases:
            return ""
        best = max(cases, key=lambda case: vars(case).get("freq") or 0)
        affix = vars(best).get("affix") or ("",)
        prefix = affix[0] or ""
        prefix = prefix[:-2] if prefix.endswith("ال") else prefix
        return prefix if prefix in PROCLITICS else ""

    return split


def pud_words(path: Path) -> Iterator[tuple[str, str]]:
    """(surface word, gold proclitic) for words whose tokens concatenate to the surface."""
    group: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        if "-" in cols[0] or "." in cols[0]:
            continue
        group.append(cols[1])
        if "SpaceAfter=No" in cols[9]:
            continue
        word = "".join(group)
        if word.isalpha():
            clitic = ""
            for token in group[:-1]:
                if token in ("و", "ف", "ب", "ل", "ك", "س") and clitic + token in PROCLITICS:
                    clitic += token
                else:
                    break
            yield word, clitic
        group = []


def score(splitter: Splitter, cases: list[tuple[str, str]]) -> str:
    """Accuracy, then the errors that matter apart: breaking a whole word vs missing a split."""
    right = false_splits = missed = 0
    for word, gold in cases:
        found = splitter(word)
        right += found == gold
        false_splits += bool(found) and not gold
        missed += bool(gold) and found != gold
    return f"accuracy {right / len(cases):.3f}  false splits {false_splits}  missed {missed}"


def main(argv: list[str]) -> int:
    sets = {"hand-made cases": CASES + HARD_CASES}
    pud = Path(argv[0]) if argv else PUD
    if pud.exists():
        sets["UD Arabic PUD words"] = list(pud_words(pud))
    splitters = {"ours (shipped lexicon)": ours(PROJECT_LEXICON)}
    for name, factory in (("tashaphyne", tashaphyne), ("qalsadi", qalsadi)):
        try:
            splitters[name] = factory()
        except ImportError:
            print(f"{name}: not installed")
    for set_name, cases in sets.items():
        with_clitic = sum(1 for _, gold in cases if gold)
        print(f"{set_name}: {len(cases)} words, {with_clitic} with a proclitic")
        for name, splitter in splitters.items():
            print(f"  {name:24} {score(splitter, cases)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
