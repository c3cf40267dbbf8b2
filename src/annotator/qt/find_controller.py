"""Find for the window: fills the panel's query, searches, and opens the chosen hit.

The project's search index is built the first time a search needs it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from annotator.arabic.search import SearchHit, SearchIndex, find_occurrences
from annotator.qt.article_view import ArticleView
from annotator.qt.find_panel import RESULT_LIMIT, FindPanel
from annotator.storage.accepted_forms import AcceptedForms
from annotator.storage.project_search import ProjectSearch

QUERY_FROM_SELECTION = 100  # longer selections are not taken as the query


class FindController:
    """Answers the find panel: searches the open document or the project, shows a hit."""

    def __init__(
        self,
        *,
        panel: FindPanel,
        view: ArticleView,
        project_search: ProjectSearch,
        accepted_forms: AcceptedForms,
        current_document: Callable[[], int | None],
        open_document: Callable[[int], None],
    ):
        self._panel = panel
        self._view = view
        self._project_search = project_search
        self._accepted_forms = accepted_forms
        self._current_document = current_document
        self._open_document = open_document

    def start(self) -> None:
        selected = self._view.selected_offsets()
        if selected is not None and 0 < selected[1] - selected[0] <= QUERY_FROM_SELECTION:
            self._panel.query.setText(self._view.text()[selected[0] : selected[1]].strip())
        self._panel.start()

    def search_index(self) -> SearchIndex:
        """The project's search index; built (under a wait cursor) when first needed."""
        if self._project_search.is_built():
            return self._project_search.index()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return self._project_search.index()
        finally:
            QApplication.restoreOverrideCursor()

    def find(self, query: str, whole_project: bool) -> None:
        document = self._current_document()
        if whole_project:
            lexicon = self._accepted_forms.lexicon()
            hits = self.search_index().search(query, lexicon, RESULT_LIMIT + 1)
        elif document is not None:
            # The words of this text decide its clitic rules: no need to fold every form.
            text = self._view.text()
            lexicon = self._accepted_forms.lexicon_for(text)
            hits = [SearchHit(document, s, e) for s, e in find_occurrences(text, query, lexicon)]
        else:
            hits = []
        self._panel.show_hits(hits[:RESULT_LIMIT], len(hits) > RESULT_LIMIT)

    def show_hit(self, hit: SearchHit) -> None:
        """Open the hit's document and select the match in the article."""
        if hit.document_id != self._current_document():
            self._open_document(hit.document_id)
        self._view.select_span(None)
        self._view.select_offsets(hit.start, hit.end)
        self._view.ensureCursorVisible()
        self._view.setFocus()
