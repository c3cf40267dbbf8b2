"""Words of UD Arabic-PUD with their gold proclitic, for measuring clitic splitting.

UD Arabic-PUD (CC BY-SA 3.0, /work/shared/corpora/ud-arabic-pud, not shipped)
writes a word's proclitics as tokens of their own, joined to the next by
SpaceAfter=No: 'لأوباما' is 'ل' + 'أوباما'. A word here is the first word of such
a group as our tokenizer sees it (trailing punctuation left out).

The expected proclitic is the gold one, except where the preposition ل meets
the article with its alef elided ('للسلطة' = ل + لسلطة): no substring of the word
spells the noun without the clitic, so the right snap keeps that ل (and drops
only a conjunction before it: 'وللسلطة' -> و).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from annotator.arabic.tokens import PROCLITICS, WORD_PATTERN

_FIRST_WORD = re.compile(WORD_PATTERN)
_CLITIC_TOKENS = ("و", "ف", "ب", "ل", "ك", "س")
PUD_NAME = "ud-arabic-pud/ar_pud-ud-test.conllu"


def corpora_dirs() -> list[Path]:
    """Where the shared corpora may be: $ANNOTATOR_CORPORA, the workplace, beside the clone."""
    root = Path(__file__).resolve().parents[2]
    dirs = [Path(os.environ["ANNOTATOR_CORPORA"])] if "ANNOTATOR_CORPORA" in os.environ else []
    return [*dirs, Path("/work/shared/corpora"), root.parent / "shared" / "corpora"]


def find_pud() -> Path | None:
    return next((d / PUD_NAME for d in corpora_dirs() if (d / PUD_NAME).exists()), None)


@dataclass(frozen=True)
class PudWord:
    word: str  # as written, the first word of the group
    expected: str  # the proclitic a snap should drop
    gold: str  # the treebank's proclitic tokens
    head_pos: str  # UPOS of the first token after the proclitics
    sentence: str


def pud_words(path: Path) -> Iterator[PudWord]:
    group: list[tuple[str, str, str]] = []
    sentence = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# sent_id"):
            sentence = line.split("=", 1)[1].strip()
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        if "-" in cols[0] or "." in cols[0]:
            continue
        group.append((cols[1], cols[3], cols[5]))
        if "SpaceAfter=No" in cols[9]:
            continue
        tokens = [token for token, _, _ in group]
        match = _FIRST_WORD.match("".join(tokens))
        if match:
            gold, index = "", 0
            while (
                index < len(tokens) - 1
                and tokens[index] in _CLITIC_TOKENS
                and gold + tokens[index] in PROCLITICS
            ):
                gold += tokens[index]
                index += 1
            expected = gold
            elided_article = "Definite=Def" in group[index][2] and tokens[index].startswith("ل")
            if gold.endswith("ل") and elided_article:
                expected = gold[:-1]
            yield PudWord(match.group(), expected, gold, group[index][1], sentence)
        group = []
