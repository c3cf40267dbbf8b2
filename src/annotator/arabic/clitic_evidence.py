"""The evidence clitic splitting looks up: word frequencies and decisions made from them.

``clitic_evidence.json.gz`` (built by tests/arabic/build_clitic_evidence.py; data
derived from wordfreq's Arabic list, CC BY-SA 4.0, and UD Arabic-PUD, CC BY-SA 3.0:
see clitic_evidence.LICENSE.txt) lists about 480,000 folded Arabic words, each with
how often it occurs and, for a word that begins with proclitic letters, the
proclitic its evidence says to split off ('' to keep it whole). It is read once,
when first needed (about 0.2 s), and kept as one string per word length, searched
by bisection: a few megabytes where a dict would take fifty.
"""

from __future__ import annotations

import gzip
import json
import threading
from pathlib import Path
from typing import Any, NamedTuple

DATA_FILE = Path(__file__).with_name("clitic_evidence.json.gz")
LOG_FLOOR = -9.0  # log10 frequency given to a word the list does not have
FREQ_STEP = 0.05  # the stored log10 frequencies are rounded to this

# How often a word is written with each proclitic, relative to the bare word
# (pooled over wordfreq's 20,000 most frequent words that begin with no proclitic
# letter): the prior a split starts from.
_USUAL_RATES = {"و": 0.06, "ب": 0.04, "ل": 0.023, "ك": 0.008, "ف": 0.005, "س": 0.006}


def usual_rate(proclitic: str) -> float:
    rate = 1.0
    for letter in proclitic:
        rate *= _USUAL_RATES[letter]
    return rate * (10.0 if len(proclitic) == 2 else 1.0)


class Entry(NamedTuple):
    log_frequency: float
    proclitic: str  # what the evidence splits off ('' keeps the word whole)


class Evidence:
    """The word list, searched by length and bisection."""

    def __init__(self, data: dict[str, Any]):
        self._proclitics = ("", *data["proclitics"])
        self._floor = float(data["log_floor"])
        self._step = float(data["freq_step"])
        self._groups = {int(length): tuple(pair) for length, pair in data["groups"].items()}

    @classmethod
    def load(cls, path: Path = DATA_FILE) -> Evidence:
        with gzip.open(path, "rt", encoding="utf-8") as source:
            return cls(json.load(source))

    def __len__(self) -> int:
        return sum(len(codes) for _, codes in self._groups.values())

    def lookup(self, word: str) -> Entry | None:
        group = self._groups.get(len(word))
        if group is None:
            return None
        words, codes = group
        width = len(word)
        low, high = 0, len(codes)
        while low < high:
            middle = (low + high) // 2
            found = words[middle * width : middle * width + width]
            if found < word:
                low = middle + 1
            elif found > word:
                high = middle
            else:
                code = ord(codes[middle])
                return Entry(self._floor + (code >> 4) * self._step, self._proclitics[code & 15])
        return None

    def frequency(self, word: str) -> float | None:
        entry = self.lookup(word)
        return None if entry is None else 10.0**entry.log_frequency


_loading = threading.Lock()
_read: Evidence | None = None


def evidence() -> Evidence:
    """The shipped word list, read on first use; a thread asking while another reads it
    waits for that reading rather than reading it again (a window reads it at start)."""
    global _read
    read = _read
    if read is None:
        with _loading:
            if _read is None:
                _read = Evidence.load()
            read = _read
    return read
