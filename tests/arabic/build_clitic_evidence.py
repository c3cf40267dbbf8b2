"""Build src/annotator/arabic/clitic_evidence.json.gz: the evidence clitic splitting ships with.

    .venv/bin/pip install wordfreq        # the word list (not a dependency of the app)
    .venv/bin/python -m tests.arabic.build_clitic_evidence [--check]

Evidence, and what is taken from each:

- wordfreq's large Arabic list (620,000 words from Wikipedia, subtitles, news, web
  text and Twitter; data CC BY-SA 4.0): how often each written word occurs. Folded
  like the app folds (alef forms, ى, ة -> ه, marks removed) and summed.
- UD Arabic-PUD's gold segmentation (CC BY-SA 3.0): fits the 12 weights of a
  logistic model over frequency features (below), and its words' majority gold
  split is kept as a decision of its own (so PUD is evidence: the measure script's
  PUD figure is in-sample; this script prints the 10-fold cross-validated one, and
  tests.arabic.measure_clitics a held-out corpus).

For a word w that begins with a proclitic p and would leave r, the features are how
often w and r occur, the proclitic's usual rate, and above all whether w itself
takes a prefix that cannot stand before p + r (بعقوبة occurs as ببعقوبة, so it is a
stem; 'ب + ب + عقوبة' is not Arabic). The model's decision for every word of the
list that begins with a proclitic letter is stored with the word, so the app only
looks words up; it is split only when the model gives the split a probability above
THRESHOLD (chosen for names: a real name cut is worse than a clitic kept).
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

from annotator.arabic.clitic_evidence import DATA_FILE, FREQ_STEP, LOG_FLOOR, usual_rate
from annotator.arabic.tokens import PROCLITICS, candidates, fold

from .pud_words import find_pud, pud_words

THRESHOLD = 0.85
_ARABIC_WORD = re.compile("[\u0621-\u064a]+")
_ALL_PREFIXES = ("و", "ف", "ب", "ل", "ك", "ال")


def frequency_table() -> dict[str, float]:
    from wordfreq import get_frequency_dict

    table: dict[str, float] = defaultdict(float)
    for word, frequency in get_frequency_dict("ar", wordlist="large").items():
        folded = fold(word)
        if _ARABIC_WORD.fullmatch(folded):
            table[folded] += frequency
    return dict(table)


def log_frequency(table: dict[str, float], word: str) -> float:
    frequency = table.get(word, 0.0)
    return max(math.log10(frequency), LOG_FLOOR) if frequency > 0 else LOG_FLOOR


def impossible_prefixes(proclitic: str, word: str) -> tuple[str, ...]:
    """Prefixes that can stand before the stem ``word`` but never before ``proclitic`` + r.

    'ب' is left out after و: بو begins many names (بوتفليقة); 'ل' before a word in
    ل: لل is the preposition with the article.
    """
    if proclitic[-1] in "وف":
        return ("و", "ف", "ل", "ك", "ال")
    return ("ب", "ك", "ال") + (() if word.startswith("ل") else ("ل",))


def features(table: dict[str, float], word: str, proclitic: str, rest: str) -> list[float]:
    lf = log_frequency
    outer = sum(table.get(q + word, 0.0) for q in impossible_prefixes(proclitic, word))
    whole, remainder = table.get(word, 0.0), table.get(rest, 0.0)
    article = rest.startswith("ال") and len(rest) >= 4
    relative_outer = (math.log10(outer) - lf(table, word)) if outer and whole else -6.0
    paradigm = sum(
        table.get(q + rest, 0.0)
        for q in _ALL_PREFIXES
        if q + rest != word and not (q == "ل" and rest.startswith("ل"))
    )
    relative_paradigm = (
        (max(math.log10(paradigm), LOG_FLOOR) if paradigm else LOG_FLOOR) - lf(table, rest)
        if remainder
        else -3.0
    )
    return [
        1.0,
        lf(table, word),
        lf(table, rest),
        math.log10(usual_rate(proclitic)),
        float(outer > 0),
        relative_outer,
        float(article),
        float(whole == 0),
        float(remainder == 0),
        min(len(rest), 8) / 8,
        float(len(proclitic) == 2),
        relative_paradigm,
    ]


def word_candidates(table: dict[str, float], word: str) -> list[tuple[str, str]]:
    return list(candidates(word, table.get))


class Model:
    def __init__(self, rows: list[tuple[str, str, list[float], float]], l2: float = 0.003):
        x = np.array([row[2] for row in rows])
        y = np.array([row[3] for row in rows])
        self.mean, self.scale = x.mean(0), x.std(0) + 1e-9
        self.mean[0], self.scale[0] = 0.0, 1.0
        xn = (x - self.mean) / self.scale
        self.weights = np.zeros(x.shape[1])
        for _ in range(4000):
            predicted = 1 / (1 + np.exp(-(xn @ self.weights)))
            self.weights -= 0.2 * (xn.T @ (predicted - y) / len(y) + l2 * self.weights)

    def decide(self, table: dict[str, float], word: str, threshold: float = THRESHOLD) -> str:
        # Longest first: a rest that still begins with a proclitic was itself a
        # clitic form (ولروسيا: ول + روسيا rather than و + لروسيا).
        for proclitic, rest in word_candidates(table, word):
            z = ((np.array(features(table, word, proclitic, rest)) - self.mean) / self.scale) @ (
                self.weights
            )
            if 1 / (1 + math.exp(-float(z))) > threshold:
                return proclitic
        return ""


def training_rows(table, words):
    rows = []
    for word, expected in words:
        for proclitic, rest in word_candidates(table, word):
            rows.append(
                (
                    word,
                    proclitic,
                    features(table, word, proclitic, rest),
                    float(proclitic == expected),
                )
            )
    return rows


def majority(words) -> dict[str, str]:
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for word, expected in words:
        votes[word][expected] += 1
    return {word: counts.most_common(1)[0][0] for word, counts in votes.items()}


def cross_validate(table, pud) -> None:
    """10-fold by word: the model and the PUD decisions from nine folds decide the tenth."""
    folded = [(fold(w.word), w.expected) for w in pud]
    types = sorted({word for word, _ in folded})
    random.Random(1).shuffle(types)
    fold_of = {word: i % 10 for i, word in enumerate(types)}
    decided: dict[str, str] = {}
    for k in range(10):
        train = [(w, e) for w, e in folded if fold_of[w] != k]
        model = Model(training_rows(table, train))
        seen = majority(train)
        for word in types:
            if fold_of[word] == k:
                decided[word] = seen.get(word, model.decide(table, word))
    nouns = [w for w in pud if w.gold and w.head_pos in ("NOUN", "PROPN")]
    right = sum(decided[fold(w.word)] == w.expected for w in nouns)
    cuts = sum(len(decided[fold(w.word)]) > len(w.expected) for w in pud)
    print(
        f"10-fold cross-validation on PUD: nouns and proper nouns with a proclitic right "
        f"{right}/{len(nouns)} = {right / len(nouns):.1%}; words cut too far {cuts}/{len(pud)}"
    )


def compose(decisions: dict[str, str]) -> None:
    """A conjunction split off a word whose rest is itself split: فبالنسبة -> ف + ب + النسبة."""
    for word, proclitic in list(decisions.items()):
        inner = decisions.get(word[len(proclitic) :], "") if proclitic else ""
        if inner and proclitic + inner in PROCLITICS:
            decisions[word] = proclitic + inner


def encode(table: dict[str, float], decisions: dict[str, str]) -> dict:
    index = {proclitic: i + 1 for i, proclitic in enumerate(PROCLITICS)}
    groups: dict[int, list[tuple[str, int]]] = defaultdict(list)
    for word in sorted(set(table) | set(decisions)):
        level = round((log_frequency(table, word) - LOG_FLOOR) / FREQ_STEP)
        groups[len(word)].append((word, level * 16 + index.get(decisions.get(word, ""), 0)))
    return {
        "format": 1,
        "proclitics": list(PROCLITICS),
        "log_floor": LOG_FLOOR,
        "freq_step": FREQ_STEP,
        "groups": {
            str(length): ["".join(w for w, _ in items), "".join(chr(c) for _, c in items)]
            for length, items in sorted(groups.items())
        },
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--no-cv", action="store_true", help="skip the 10-fold check")
    args = parser.parse_args(argv)
    pud_path = find_pud()
    if pud_path is None:
        print("UD Arabic-PUD not found (see tests/arabic/pud_words.py)", file=sys.stderr)
        return 1
    table = frequency_table()
    pud = list(pud_words(pud_path))
    print(f"wordfreq: {len(table)} folded Arabic words; PUD: {len(pud)} words")
    if not args.no_cv:
        cross_validate(table, pud)
    folded = [(fold(w.word), w.expected) for w in pud]
    model = Model(training_rows(table, folded))
    print("weights", np.round(model.weights, 2).tolist())
    decisions = {
        word: model.decide(table, word) for word in table if word[0] in "وفبلكس" and len(word) > 2
    }
    decisions.update(majority(folded))
    compose(decisions)
    # Every word of the list is in the file (with PUD's words), so a word found there
    # has its decision; a word kept whole has decision 0.
    data = encode(table, decisions)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    path = Path(DATA_FILE)
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as out:
        out.write(text)
    print(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB, {sum(1 for _ in table)} words)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
