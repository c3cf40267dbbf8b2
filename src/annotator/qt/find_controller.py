"""Find for the window: fills the panel's query, searches, and opens the chosen hit.

The project's search index is built in a worker the first time a search needs
it, and that first search runs there too (``Editing.search_project``); the hits
are shown when they are ready, for the latest search asked.
"""

from __future__ import annotations

from annotator.arabic.search import SearchHit, find_occurrences
from annotator.core.errors import AnnotatorError
from annotator.qt.editing import Editing
from annotator.qt.find_panel import RESULT_LIMIT, FindPanel

QUERY_FROM_SELECTION = 100  # longer selections are not taken as the query


class FindController:
    """Answers the find panel: searches the open document or the project, shows a hit."""

    def __init__(self, editing: Editing, panel: FindPanel):
        self._editing = editing
        self._panel = panel
        self._view = editing.view
        panel.searchRequested.connect(self.find)
        panel.hitChosen.connect(self.show_hit)
        self._asked = 0  # searches asked so far: only the latest one's hits are shown

    def start(self) -> None:
        selected = self._view.selected_offsets()
        if selected is not None and 0 < selected[1] - selected[0] <= QUERY_FROM_SELECTION:
            self._panel.query.setText(self._view.text()[selected[0] : selected[1]].strip())
        self._panel.start()

    def step(self, delta: int) -> None:
        """Show the next (``delta`` > 0) or previous result; search first if none is shown."""
        if not self._panel.query.text().strip():
            self.start()  # nothing to look for yet: ask for it
            return
        self._panel.step(delta)

    def find(self, query: str, whole_project: bool) -> None:
        self._asked += 1
        document = self._editing.document_id
        forms = self._editing.accepted_forms
        if whole_project:
            asked = self._asked

            def show(hits: list[SearchHit]) -> None:
                if asked == self._asked:
                    self._show(hits)

            self._editing.search_project(query, RESULT_LIMIT + 1, show)
            return
        if document is not None:
            # The words of this text decide its clitic rules: no need to fold every form.
            text = self._view.text()
            lexicon = forms.lexicon_for(text)
            hits = [SearchHit(document, s, e) for s, e in find_occurrences(text, query, lexicon)]
        else:
            hits = []
        self._show(hits)

    def _show(self, hits: list[SearchHit]) -> None:
        self._panel.show_hits(hits[:RESULT_LIMIT], len(hits) > RESULT_LIMIT)

    def show_hit(self, hit: SearchHit) -> None:
        """Open the hit's document and select the match in the article."""
        try:
            self._editing.show_document(hit.document_id)
        except AnnotatorError as error:  # deleted since the search
            self._editing.report_error(error)
            return
        self._view.select_span(None)
        self._view.select_offsets(hit.start, hit.end)
        self._view.ensureCursorVisible()
        self._view.setFocus()
