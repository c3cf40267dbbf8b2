"""Arabic normalisation that remembers where every character came from.

Folds (each one character to one character, so offsets survive):
  - alef forms أ إ آ ٱ -> ا, alef maqsura ى -> ي
  - optionally teh marbuta ة -> ه (``fold_teh_marbuta=True``; search uses it)
  - Arabic-Indic ٠-٩ and Persian ۰-۹ digits -> 0-9
Removes (deleted, so the map skips them):
  - Arabic diacritics (harakat, tanween, shadda, sukun, dagger alef, Quranic marks)
  - tatweel ـ

Every kept character comes from exactly one original character, so a range
``[s, e)`` of the normalised text maps back to ``[offset(s), offset(e))`` of the
original, where ``offset(len(normalised)) == len(original)``. Characters removed
right after a match (a final tanween, a tatweel) fall inside the original range,
so a highlighted word keeps its marks.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property

# Diacritics and Quranic annotation marks in the Arabic blocks.
DIACRITICS = (
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"
    "\u08d3-\u08e1\u08e3-\u08ff"
)
TATWEEL = "\u0640"
_REMOVED = re.compile(f"[{DIACRITICS}{TATWEEL}]")
_REMOVED_RUN = re.compile(f"[{DIACRITICS}{TATWEEL}]+")

_FOLDS = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ى": "ي",
    **{chr(0x0660 + d): str(d) for d in range(10)},
    **{chr(0x06F0 + d): str(d) for d in range(10)},
}


def _table(fold_teh_marbuta: bool) -> dict[int, str | None]:
    table: dict[int, str | None] = {ord(k): v for k, v in _FOLDS.items()}
    if fold_teh_marbuta:
        table[ord("ة")] = "ه"
    for ch in _removed_chars():
        table[ord(ch)] = None
    return table


def _removed_chars() -> list[str]:
    return [chr(cp) for cp in range(0x0600, 0x0900) if _REMOVED.match(chr(cp))]


_TABLES = {False: _table(False), True: _table(True)}


_LETTER_FOLDS = [(k, v) for k, v in _FOLDS.items() if not v.isdigit()]
_OTHER_DIGIT = re.compile("[\u0660-\u0669\u06f0-\u06f9]")
_DIGIT_TABLE = {ord(k): v for k, v in _FOLDS.items() if v.isdigit()}


# Characters normalised by one call. Every fold and removal is of one character, so
# pieces normalised apart join to the whole's form; a 5 MB text in one regex call held
# the interpreter (and so the window, while a worker proposed for it) for 300 ms.
PIECE = 1 << 16


def normalize_text(text: str, *, fold_teh_marbuta: bool = False) -> str:
    """The normalised text alone.

    Same result as ``text.translate(...)`` with the full table, several times
    faster on news text: each fold is a ``str.replace`` run only when needed. A long
    text is normalised ``PIECE`` characters at a time, so that other threads run
    between the pieces.
    """
    if len(text) > PIECE:
        return "".join(
            _normalize_piece(text[at : at + PIECE], fold_teh_marbuta)
            for at in range(0, len(text), PIECE)
        )
    return _normalize_piece(text, fold_teh_marbuta)


def _normalize_piece(text: str, fold_teh_marbuta: bool) -> str:
    for source, target in _LETTER_FOLDS:
        if source in text:
            text = text.replace(source, target)
    if fold_teh_marbuta and "ة" in text:
        text = text.replace("ة", "ه")
    if _OTHER_DIGIT.search(text):
        text = text.translate(_DIGIT_TABLE)
    if _REMOVED.search(text):
        text = _REMOVED_RUN.sub("", text)
    return text


def reference_normalize_text(text: str, *, fold_teh_marbuta: bool = False) -> str:
    """One ``str.translate`` with the whole table: the definition the fast path must equal."""
    return text.translate(_TABLES[fold_teh_marbuta])


@dataclass(frozen=True)
class Normalized:
    """Normalised text with the way back to the original's offsets."""

    original: str
    text: str

    @cached_property
    def _removed_runs(self) -> tuple[list[int], list[int]]:
        """Normalised positions where removed runs sat, and the running total removed."""
        positions: list[int] = []
        removed_before: list[int] = [0]
        # Folds are one-to-one, so equal lengths mean nothing was removed.
        if len(self.text) != len(self.original):
            for run in _REMOVED_RUN.finditer(self.original):
                positions.append(run.start() - removed_before[-1])
                removed_before.append(removed_before[-1] + run.end() - run.start())
        return positions, removed_before

    @property
    def is_identity(self) -> bool:
        """Nothing was removed: normalised offsets are the original's."""
        return not self._removed_runs[0]

    def offset(self, index: int) -> int:
        """Original offset of normalised position ``index`` (0..len(text) inclusive).

        Characters removed just before position ``index`` are skipped, so the
        offset is that of the character the normalised one came from.
        """
        if not 0 <= index <= len(self.text):
            raise IndexError(index)
        positions, removed_before = self._removed_runs
        return index + removed_before[bisect_right(positions, index)]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The original range a normalised range came from."""
        return self.offset(start), self.offset(end)


def normalize(text: str, *, fold_teh_marbuta: bool = False) -> Normalized:
    return Normalized(text, normalize_text(text, fold_teh_marbuta=fold_teh_marbuta))
