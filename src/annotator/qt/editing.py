"""The editing context: what the window's parts work on together.

Tagging, suggestions, find, the File menu and the actions get this one object
rather than a handful of the window's attributes each: the project and its undo
stack, the open document and its article view, the caches snapping and search
read, and where messages go. Its strings keep the MainWindow translation context.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from functools import partial

from PySide6 import QtCore, QtGui
from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QMainWindow

from annotator.arabic.clitic_evidence import evidence
from annotator.arabic.numbers import ready_number_words
from annotator.arabic.search import SearchHit, SearchIndex
from annotator.arabic.tokens import known_forms
from annotator.core.changes import Changes
from annotator.core.edits import AddSpan, Batch, Edit, SetStatus
from annotator.core.errors import AnnotatorError
from annotator.core.model import Span
from annotator.qt import collector
from annotator.qt.article_view import ArticleView
from annotator.qt.background import BackgroundWork, UiIdle
from annotator.qt.commands import push_edit
from annotator.qt.message_boxes import show_warning
from annotator.qt.span_pages import FIRST_PAGE, SpanPages
from annotator.storage.accepted_forms import AcceptedForms
from annotator.storage.project import Project
from annotator.storage.project_search import Built, ProjectSearch

MESSAGE_MS = 6000
GIL_SWITCH_SECONDS = 0.0005
SEARCHED_HERE = 500  # documents: a smaller project's built index is searched on this thread
# Qt classes whose Python type PySide makes only when a call first needs it, which the
# first tag would otherwise wait for (0.1 ms each): the span list selecting the new
# span's row (QItemSelectionModel.select's overloads name QItemSelection) and the
# outline of a selected span (QPen's constructor names QBrush).
_TYPES_A_TAG_MAKES = ((QtCore, "QItemSelection"), (QtGui, "QBrush"))


class Editing(QObject):
    """One project edited in one window: its document, undo stack, caches and messages."""

    documentOpened = Signal(int)  # the article view already shows it, with its first spans
    spansLoaded = Signal(int)  # ... and now every one of them (at once but for long documents)
    saved = Signal()  # an edit reached the project file
    projectRequested = Signal(str, bool)  # path, create a new file (the app owns windows)

    def __init__(
        self,
        window: QMainWindow,
        project: Project,
        settings: QSettings,
        view: ArticleView,
        annotator_name: str,
    ):
        super().__init__(window)
        self.window = window  # dialogs open over it; its status bar shows messages
        self.project = project
        self.settings = settings
        self.view = view
        self.annotator_name = annotator_name
        self.undo_stack = QUndoStack(self)
        self.ui_idle = UiIdle()  # the project's reading in a worker pauses while keys are handled
        self.accepted_forms = AcceptedForms(project, pause=self.ui_idle.pacer())
        self.project_search = ProjectSearch(project)
        self.background = BackgroundWork(window, self)  # work that would freeze the window
        self._document_id: int | None = None
        self._loading: int | None = None  # the job reading a long document's other spans
        self._pages: SpanPages | None = None  # ... and what it reads them with
        self._adding = False  # the edit being pushed only adds spans (a tag)
        self._index_wanted: list[Callable[[SearchIndex], None]] = []  # waiting for the index
        # Worker threads (reading the project, building indexes) hold the GIL for up to
        # the switch interval each time the UI thread asks for it back, after every Qt or
        # SQLite call that released it: 5 ms by default, which made a tag wait 10-20 ms.
        sys.setswitchinterval(GIL_SWITCH_SECONDS)
        collector.freeze_long_lived()  # a full collection walked it all, the window waiting
        # Snapping's word list takes a tenth of a second to read, and its shipped forms
        # milliseconds to fold: not at the first key press. The number finder's pattern
        # takes 50 ms to compile, in one call that keeps the GIL: not while an article opens.
        # Started now, while the window is being built, rather than once it shows: a key
        # pressed soon after would wait for that call, or read the word list itself.
        threading.Thread(target=_ready_finders, name="ready-finders", daemon=True).start()
        # In the first turn of the event loop, before a key can be pressed.
        QTimer.singleShot(0, self, self._ready_first_tag)

    def _ready_first_tag(self) -> None:
        """Do now what the first tag after opening would otherwise do first (a
        millisecond of it): compile the project's statements for a tag, make the Python
        types of the Qt classes a tag is the first to use."""
        self.project.prepare_tagging()
        for module, name in _TYPES_A_TAG_MAKES:
            getattr(module, name)

    def close(self) -> None:
        """Stop the caches listening to the project (the window is closing)."""
        self._stop_loading()  # its reader's connection closes before the project's
        self.background.close()
        collector.thaw()
        self.ui_idle.close()
        self.accepted_forms.close()
        self.project_search.close()

    # -- the open document ------------------------------------------------------------------

    @property
    def document_id(self) -> int | None:
        return self._document_id

    def open_document(self, document_id: int) -> None:
        """Show ``document_id`` in the article view, then tell the window's parts.

        A document of more than ``FIRST_PAGE`` spans is shown with its first ones, the
        others read in the next turns of the event loop (``qt.span_pages``):
        ``spansLoaded`` says when all are shown.
        """
        self._stop_loading()
        document = self.project.get_document(document_id)
        spans = self.project.spans_page(document_id, None, FIRST_PAGE + 1)  # one more: all?
        self._document_id = document_id
        self.view.set_document(document.text, spans)
        if len(spans) <= FIRST_PAGE:
            self.documentOpened.emit(document_id)
            self.spansLoaded.emit(document_id)
            return
        pages = SpanPages(self.project, document_id, spans)
        self.view.hold_layout(True)  # the spans first: what is on screen is laid out

        def step() -> str | None:
            if not pages.step(self.view.extend_spans):
                return message
            self._stop_loading()
            self.spansLoaded.emit(document_id)
            return None

        message = QCoreApplication.translate("MainWindow", "Reading the spans…")
        self._loading = self.background.run_in_steps(step, message)  # from the next turn
        self._pages = pages
        self.documentOpened.emit(document_id)

    def close_document(self) -> None:
        """Show no document (the last one of the project was deleted)."""
        self._stop_loading()
        self._document_id = None
        self.view.set_document("", [])

    def loading(self) -> bool:
        """Whether the open document's spans are still being read (``spansLoaded`` to come)."""
        return self._loading is not None

    def show_spans_again(self) -> list[Span]:
        """Read the open document's spans and show them all (the project changed them)."""
        document_id = self._document_id
        assert document_id is not None
        spans = self.project.spans(document_id)
        self.view.set_spans(spans)
        if self._loading is not None:  # read whole here: its pages would be out of date
            self._stop_loading()
            self.spansLoaded.emit(document_id)
        return spans

    def _stop_loading(self) -> None:
        self.background.cancel(self._loading)
        self._loading = None
        if self._pages is not None:
            self._pages.close()
            self._pages = None
            self.view.hold_layout(False)

    def show_document(self, document_id: int) -> None:
        if document_id != self._document_id:
            self.open_document(document_id)

    # -- changes ----------------------------------------------------------------------------

    def push(
        self, edit: Edit, report: Callable[[AnnotatorError], None] | None = None
    ) -> Edit | None:
        """Apply ``edit`` as an undoable command; its inverse, or None if it was refused
        (told to ``report``, by default a message box). Its undo or redo, if the project
        refuses it later, is told in a message box, like every other edit's."""
        self._adding = _adds_spans_only(edit)
        try:
            inverse = push_edit(
                self.undo_stack,
                self.project,
                edit,
                report or self.report_error,
                self.show_document,
                history_report=self.report_error,
            )
        finally:
            self._adding = False
        if inverse is not None:
            self.saved.emit()
        return inverse

    def request_project(self, path: str, create: bool) -> None:
        self.projectRequested.emit(path, create)

    # -- messages ---------------------------------------------------------------------------

    def say(self, message: str, ms: int = MESSAGE_MS) -> None:
        self.window.statusBar().showMessage(message, ms)

    def report_error(self, error: AnnotatorError) -> None:
        show_warning(self.window, QCoreApplication.translate("MainWindow", "annotator"), str(error))

    # -- caches -----------------------------------------------------------------------------

    def spans_added(self, changes: Changes) -> list[Span] | None:
        """The open document's spans ``changes`` added, when adding spans is all they
        did (proposals arriving for a big article, a tag pushed here): only the new ones
        are read.

        None when anything else changed: read the document's spans again.
        """
        document_id = self._document_id
        assert document_id is not None
        if self._loading is not None:
            return None  # not all of them are shown yet
        proposals = changes == Changes(suggestions=changes.suggestions)
        # A tag's Changes say "spans" as a relabel's do: only the edit tells them apart.
        tag = self._adding and changes == Changes(spans=changes.spans, statuses=changes.statuses)
        if not (proposals or tag):
            return None
        shown = self.view.spans()
        if not shown:
            return None
        newest = max(span.id or 0 for span in shown)
        # (none added: something else changed, a label perhaps)
        return self.project.spans_added_since(document_id, len(shown), newest) or None

    def with_lexicon(self, then: Callable[[frozenset[str]], None], message: str) -> None:
        """``then(lexicon)`` of the project's accepted forms: now if they are read, else
        once their reading in the background is done (``message`` in the status bar
        meanwhile): the window never waits for that reading."""
        forms = self.accepted_forms
        if forms.reading():
            read = lambda: not forms.reading()  # noqa: E731
            self.background.run_when(read, lambda: then(forms.lexicon()), message)
            return
        then(forms.lexicon())

    def with_search_index(self, then: Callable[[SearchIndex], None]) -> None:
        """``then(index)``: now if the search index is built, else once a worker built it."""
        search = self.project_search
        if search.is_built():
            then(search.index())
            return
        self._index_wanted.append(then)
        if len(self._index_wanted) > 1:
            return  # already being built
        reader = search.reader()
        if reader is None:  # a project in memory: small, built here
            self._on_index_built(None)
            return
        message = QCoreApplication.translate("MainWindow", "Building the search index…")
        self.background.run(reader, self._on_index_built, message)

    def search_project(
        self, query: str, limit: int, then: Callable[[list[SearchHit]], None]
    ) -> None:
        """``then(hits)`` of ``query`` in the whole project, at most ``limit`` of them.

        The search runs in a worker, so the window's thread only shows the hits: on a
        copy of the index once it is built, else in the worker that builds it (a
        search of a large project scans every document: tens of milliseconds, more
        while it competes with other work). While the project's accepted forms are
        still being read (a large project just opened), the search starts once they
        are: nothing here waits for that reading.
        """
        forms = self.accepted_forms
        if forms.reading():  # the clitic rules need the project's forms: once they are read
            message = QCoreApplication.translate("MainWindow", "Searching the project…")
            again = partial(self.search_project, query, limit, then)
            self.background.run_when(lambda: not forms.reading(), again, message)
            return
        if self.project_search.is_built():
            # Scanning 10,000 folded documents takes tens of milliseconds (a tenth of a
            # second when the lexicon changed since): a worker scans a copy of the index
            # (this thread keeps updating the index itself as documents come and go).
            index, lexicon = self.project_search.index(), forms.lexicon()
            if len(index) < SEARCHED_HERE or self.project.path is None:  # in milliseconds
                then(index.search(query, lexicon, limit))
                return
            copy = index.copy()
            message = QCoreApplication.translate("MainWindow", "Searching the project…")
            self.background.run(lambda: copy.search(query, lexicon, limit), then, message)
            return
        if self._index_wanted:  # being built: searched here once it is
            message = QCoreApplication.translate("MainWindow", "Searching the project…")
            self.with_search_index(
                lambda index: self.with_lexicon(
                    lambda lexicon: then(index.search(query, lexicon, limit)), message
                )
            )
            return
        reader = self.project_search.reader()
        if reader is None:  # a project in memory: small, searched here
            then(self.search_index().search(query, forms.lexicon(), limit))
            return
        lexicon = forms.lexicon()

        def build_and_search() -> tuple[Built, list[SearchHit]]:
            built = reader()
            return built, built[0].search(query, lexicon, limit)

        def deliver(result: tuple[Built, list[SearchHit]]) -> None:
            built, hits = result
            stale = self.project_search.changed_while_reading()  # an import meanwhile
            self._on_index_built(built)
            if stale:
                hits = self.project_search.index().search(query, lexicon, limit)
            then(hits)

        self._index_wanted.append(lambda _index: None)  # others asking wait for this build
        message = QCoreApplication.translate("MainWindow", "Building the search index…")
        self.background.run(build_and_search, deliver, message)

    def _on_index_built(self, built) -> None:
        index = self.project_search.adopt(built) if built is not None else self.search_index()
        waiting, self._index_wanted = self._index_wanted, []
        for then in waiting:
            then(index)

    def search_index(self) -> SearchIndex:
        """The project's search index; built (under a wait cursor) when first needed."""
        if self.project_search.is_built():
            return self.project_search.index()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return self.project_search.index()
        finally:
            QApplication.restoreOverrideCursor()


def _adds_spans_only(edit: Edit) -> bool:
    """Whether ``edit`` adds spans and at most sets a status (a tag), changing no span."""
    edits = edit.edits if isinstance(edit, Batch) else (edit,)
    kinds = {type(part) for part in edits}
    return AddSpan in kinds and kinds <= {AddSpan, SetStatus}


def _ready_finders() -> None:
    """Read and fold what snapping looks words up in, and compile the number finder's
    pattern (each is kept once made)."""
    evidence()
    known_forms()
    ready_number_words()
