"""A project's documents in a search index, built when first asked and kept up to date.

Folding 10,000 documents takes most of a second, so nothing is read until the
first project-wide search (or "label all occurrences in the project"). From
then on, documents the project announces as added (an import) are added to it;
removed ones are dropped; a document's text never changes once imported.

The window builds it in a worker thread (``reader`` then ``adopt``): the reader has
a read-only connection of its own, and documents added or removed while it reads
are noted here and applied when the index is adopted.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from functools import partial

from annotator.arabic.search import SearchIndex
from annotator.core.changes import Changes
from annotator.storage.documents import document_texts
from annotator.storage.project import Project
from annotator.storage.schema_check import harden

Built = tuple[SearchIndex, set[int]]  # the index and the documents in it


def _read_index(uri: str) -> Built:
    """Every document's text into a new index, on a connection of the calling thread."""
    conn = harden(sqlite3.connect(uri, uri=True))
    try:
        index, indexed = SearchIndex(), set()
        for document_id, text in document_texts(conn):
            index.add(document_id, text)
            indexed.add(document_id)
        return index, indexed
    finally:
        conn.close()


class ProjectSearch:
    """The search index of ``project``; call ``close`` to stop listening."""

    def __init__(self, project: Project):
        self._project = project
        self._index: SearchIndex | None = None
        self._indexed: set[int] = set()
        self._reading = False
        self._added_meanwhile: set[int] = set()
        self._removed_meanwhile: set[int] = set()
        project.subscribe(self._on_change, cache=True)

    def close(self) -> None:
        self._project.unsubscribe(self._on_change)

    def is_built(self) -> bool:
        return self._index is not None

    def index(self) -> SearchIndex:
        if self._index is None:
            index = SearchIndex()
            for document_id, text in self._project.iter_texts():
                index.add(document_id, text)
                self._indexed.add(document_id)
            self._index = index
        return self._index

    def reader(self) -> Callable[[], Built] | None:
        """A function that builds the index in another thread; None for a project in memory.

        Hand what it returns to ``adopt`` on this thread.
        """
        if self._project.path is None:
            return None
        self._reading = True
        self._added_meanwhile.clear()
        self._removed_meanwhile.clear()
        return partial(_read_index, self._project.path.resolve().as_uri() + "?mode=ro")

    def changed_while_reading(self) -> bool:
        """Whether documents came or went while the reader read (``adopt`` applies them)."""
        return bool(self._added_meanwhile or self._removed_meanwhile)

    def adopt(self, built: Built) -> SearchIndex:
        """Take over an index a reader built, with the changes made while it read."""
        self._reading = False
        if self._index is None:
            self._index, self._indexed = built
            missed = Changes(
                added=frozenset(self._added_meanwhile), removed=frozenset(self._removed_meanwhile)
            )
            self._on_change(missed)
        return self._index

    def _on_change(self, changes: Changes) -> None:
        if self._index is None:
            if self._reading:
                self._added_meanwhile |= changes.added
                self._removed_meanwhile |= changes.removed
            return
        for document_id in changes.removed & self._indexed:
            self._index.remove(document_id)
            self._indexed.discard(document_id)
        for document_id in sorted(changes.added - self._indexed):
            self._index.add(document_id, self._project.get_document(document_id).text)
            self._indexed.add(document_id)
