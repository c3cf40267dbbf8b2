"""The texts of a project's accepted spans, kept up to date as spans change.

Snapping and search take the project's lexicon (accepted span texts) and the
window proposes spans from a gazetteer of them. Reading every span of a large
project for each key press is too slow, so this cache reads the whole project
once, when first asked, and afterwards re-reads only the documents whose
accepted spans the project reports as changed (all of them when labels change:
a renamed label renames its spans). The lexicon and gazetteer objects stay the same until
their content changes, so caches keyed on them (``tokens.known_forms``) hold.

Snapping needs only what can decide the clitic rule for the words it looks at:
``lexicon_for`` answers with a few words, whose known forms cost nothing to
fold, where the whole lexicon of a large project (100,000 forms) takes a tenth
of a second to fold each time it changes. Until a large project's reading
(``preload``) arrives, ``lexicon_for`` answers with no forms rather than wait: a
key press snaps by the plain clitic rules and is answered at once.
"""

from __future__ import annotations

import re
import sqlite3
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import islice

from annotator.arabic.suggest import Gazetteer
from annotator.arabic.tokens import PROCLITICS, fold
from annotator.core.changes import Changes
from annotator.storage.project import Project
from annotator.storage.schema_check import harden
from annotator.storage.spans import accepted_texts

TextAndLabel = tuple[str, str]
_LONGEST_PROCLITIC = max(map(len, PROCLITICS))
SMALL_PROJECT = 500  # documents: a smaller project is read at once, in milliseconds
READ_CHUNK = 50  # rows read in the background between two pauses (a quarter of a ms)
READ_PAUSE_SECONDS = 0.001


def _short_pause() -> None:
    time.sleep(READ_PAUSE_SECONDS)


_FOLDED_WORD = re.compile(r"(?:[^\W_]|[\u200c\u200d])+")


def _first_word(text: str) -> str:
    folded = fold(text)
    return folded.split(" ", 1)[0]


@dataclass
class _Reading:
    """Everything read from the project at once, before any change is applied to it."""

    by_document: dict[int, list[TextAndLabel]] = field(default_factory=dict)
    pairs: Counter[TextAndLabel] = field(default_factory=Counter)
    texts: Counter[str] = field(default_factory=Counter)
    first_words: Counter[str] = field(default_factory=Counter)  # distinct texts per word

    @classmethod
    def of(cls, conn: sqlite3.Connection, pause: Callable[[], None] | None = None) -> _Reading:
        """Read ``conn``'s accepted spans, calling ``pause()`` between chunks of rows.

        Pausing hands the GIL to the window's thread: a reading in a worker would
        otherwise keep it for most of each key press made while it runs.
        """
        reading = cls()
        # One object per distinct (text, label): a large project repeats most of them.
        same: dict[TextAndLabel, TextAndLabel] = {}
        rows = iter(accepted_texts(conn))
        while chunk := list(islice(rows, READ_CHUNK)):
            for document_id, text, label in chunk:
                pair = same.setdefault((text, label), (text, label))
                reading.by_document.setdefault(document_id, []).append(pair)
            if pause is not None:
                pause()
        for pairs in reading.by_document.values():
            reading.pairs.update(pairs)
        for (text, _), count in reading.pairs.items():
            reading.texts[text] += count
        reading.first_words.update(_first_word(text) for text in reading.texts)
        return reading


class AcceptedForms:
    """Accepted span texts of ``project``; call ``close`` to stop listening."""

    def __init__(self, project: Project, pause: Callable[[], None] = _short_pause):
        """``pause()`` runs between chunks of the background reading (``preload``): a
        window passes one that waits while its thread handles events."""
        self._project = project
        self._pause = pause
        self._by_document: dict[int, list[TextAndLabel]] | None = None
        self._pairs: Counter[TextAndLabel] = Counter()
        self._texts: Counter[str] = Counter()
        self._dirty: set[int] = set()
        self._preloading: threading.Thread | None = None
        self._preloaded: _Reading | None = None
        self._lexicon: frozenset[str] | None = None
        self._gazetteer: Gazetteer | None = None
        self._first_words: Counter[str] = Counter()
        self.version = 0  # grows whenever the (text, label) pairs change
        project.subscribe(self._on_change, cache=True)

    def close(self) -> None:
        self._project.unsubscribe(self._on_change)

    def _on_change(self, changes: Changes) -> None:
        if self._by_document is None and self._preloading is None:
            return  # nothing read yet: the first reading will see the change
        if changes.labels:
            self._forget()
            return
        self._dirty |= changes.spans | changes.added | changes.removed

    def _forget(self) -> None:
        """Read everything again when next asked (a label renamed: any pair may differ)."""
        if self._preloading is not None:
            self._preloading.join()  # its reading may predate the change: dropped
            self._preloading = self._preloaded = None
        self._by_document = None
        self._dirty.clear()

    def preload(self) -> None:
        """Start reading the project in a background thread (a project file only).

        A large project takes a second or more to read; a window calls this once it
        is shown, so that the first key press does not wait. Changes made meanwhile
        are noted and re-read when the reading is taken over.
        """
        path = self._project.path
        if self._by_document is not None or self._preloading is not None or path is None:
            return
        try:
            if self._project.document_count() < SMALL_PROJECT:
                self._refresh()
                return
        except sqlite3.Error:
            return  # closed before the window asked (read when needed, if ever)

        def read() -> None:
            # A connection of the thread's own, read-only (the project is in WAL mode).
            conn = harden(sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True))
            try:
                self._preloaded = _Reading.of(conn, pause=self._pause)
            except sqlite3.Error:
                self._preloaded = None  # read again, on the main connection, when needed
            finally:
                conn.close()

        self._preloading = threading.Thread(target=read, name="accepted-forms", daemon=True)
        self._preloading.start()

    def reading(self) -> bool:
        """Whether the project's reading (``preload``) is still on its way."""
        pending = self._preloading
        return self._by_document is None and pending is not None and pending.is_alive()

    def lexicon(self) -> frozenset[str]:
        """Distinct accepted span texts (``storage.suggestions.project_lexicon``)."""
        self._refresh()
        if self._lexicon is None:
            self._lexicon = frozenset(self._texts)
        return self._lexicon

    def lexicon_for(self, text: str) -> frozenset[str]:
        """A few folded words standing in for the whole lexicon around ``text``.

        The clitic rules only ask whether a word, or the word without a proclitic,
        is a known form or a known form's first word (``tokens.proclitic_of``). For
        each word of ``text`` and each of those remainders, this gives the ones that
        are the first word of an accepted form: snapping within ``text`` with them
        gives what it gives with the whole lexicon, at the cost of a handful of words.
        While the project's reading is still on its way, no forms: nothing waits for it.
        """
        if self.reading():
            return frozenset()
        self._refresh()
        found: set[str] = set()
        for word in _FOLDED_WORD.findall(fold(text)):
            for drop in range(min(_LONGEST_PROCLITIC, len(word) - 1) + 1):
                if self._first_words[word[drop:]] > 0:
                    found.add(word[drop:])
        return frozenset(found)

    def current_version(self) -> int:
        self._refresh()
        return self.version

    def pairs(self) -> list[TextAndLabel]:
        """Every accepted span's (text, label), repeated as often as it is accepted."""
        self._refresh()
        return list(self._pairs.elements())

    def gazetteer(self) -> Gazetteer:
        """``storage.suggestions.project_gazetteer``, rebuilt only when the pairs change."""
        self._refresh()
        if self._gazetteer is None:
            self._gazetteer = Gazetteer.from_spans(self._pairs.elements())
        return self._gazetteer

    def _refresh(self) -> None:
        if self._by_document is None:
            reading = None
            if self._preloading is not None:
                self._preloading.join()
                reading = self._preloaded
                self._preloading = self._preloaded = None
            if reading is None:
                self._dirty.clear()
                reading = _Reading.of(self._project.conn)
            self._by_document = reading.by_document
            self._pairs, self._texts = reading.pairs, reading.texts
            self._first_words = reading.first_words
            self._lexicon = self._gazetteer = None
            self.version += 1
        while self._dirty:
            self._reload_document(self._dirty.pop())

    def _reload_document(self, document_id: int) -> None:
        assert self._by_document is not None
        rows = accepted_texts(self._project.conn, document_id)
        new = [(text, label) for _, text, label in rows]
        old = self._by_document.get(document_id, [])
        if Counter(new) == Counter(old):
            return
        self._by_document[document_id] = new
        touched = {text for text, _ in old} | {text for text, _ in new}
        present_before = {text for text in touched if text in self._texts}
        self._pairs.subtract(old)
        self._pairs.update(new)
        self._texts.subtract(text for text, _ in old)
        self._texts.update(text for text, _ in new)
        for pair in set(old) | set(new):
            if self._pairs[pair] <= 0:
                del self._pairs[pair]
        for text in touched:
            if self._texts[text] <= 0:
                del self._texts[text]
        present_after = {text for text in touched if text in self._texts}
        for text in present_before - present_after:
            self._drop_first_word(_first_word(text))
        for text in present_after - present_before:
            self._first_words[_first_word(text)] += 1
        self._gazetteer = None
        self.version += 1
        if present_after != present_before:
            self._lexicon = None

    def _drop_first_word(self, word: str) -> None:
        self._first_words[word] -= 1
        if self._first_words[word] <= 0:
            del self._first_words[word]
