"""A project's documents in a search index, built when first asked and kept up to date.

Folding 10,000 documents takes most of a second, so nothing is read until the
first project-wide search (or "label all occurrences in the project"). From
then on, documents the project announces as added (an import) are added to it;
removed ones are dropped; a document's text never changes once imported.
"""

from __future__ import annotations

from annotator.arabic.search import SearchIndex
from annotator.core.changes import Changes
from annotator.storage.project import Project


class ProjectSearch:
    """The search index of ``project``; call ``close`` to stop listening."""

    def __init__(self, project: Project):
        self._project = project
        self._index: SearchIndex | None = None
        self._indexed: set[int] = set()
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

    def _on_change(self, changes: Changes) -> None:
        if self._index is None:
            return
        for document_id in changes.removed & self._indexed:
            self._index.remove(document_id)
            self._indexed.discard(document_id)
        for document_id in sorted(changes.added - self._indexed):
            self._index.add(document_id, self._project.get_document(document_id).text)
            self._indexed.add(document_id)
