"""Proposing suggestions as documents are opened: numbers, and the project's gazetteer.

Numbers depend on the text alone, so each document gets them once a session.
The gazetteer (accepted span texts with their labels) changes as the annotator
works; a document is proposed its entries again when it is opened after a
change. A large project's gazetteer takes seconds to build (its matcher is
one big pattern), so above ``BACKGROUND_PAIRS`` accepted spans it is built in a
worker thread and the open document gets its proposals when it is ready.
Rejected suggestions are never stored again (``store_suggestions`` skips them).

Proposing itself (numbers and gazetteer over a text of megabytes) runs in the
window's worker (``qt.background``) on the text and spans the view already
holds, once it shows them all (``Editing.spansLoaded``); the proposals are stored
on the UI thread when they arrive, unless the document was closed meanwhile: then
they are dropped, and it is proposed again the next time it is opened.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from functools import partial

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from annotator.arabic.suggest import Gazetteer, Source, suggest_document
from annotator.qt.editing import Editing
from annotator.storage.suggestions import rejected_keys, store_suggestions

BACKGROUND_PAIRS = 20_000
READING_POLL_MS = 200  # how often to look whether the project's reading has arrived


class OpenSuggester(QObject):
    """Stores new suggestions for each document the window opens, when enabled."""

    _gazetteerBuilt = Signal(object, int)  # Gazetteer, version of the forms it was built from

    def __init__(self, editing: Editing, parent: QObject | None = None):
        super().__init__(parent)
        self._project = editing.project
        self._view = editing.view
        self._background = editing.background
        self._ui_idle = editing.ui_idle
        self._job: int | None = None  # proposing for the current document
        self._forms = editing.accepted_forms
        self.enabled = True
        self._numbers_done: set[int] = set()
        self._gazetteer_done: dict[int, int] = {}  # document -> forms version proposed from
        self._gazetteer: Gazetteer | None = None
        self._gazetteer_version = -1
        self._building: Future | None = None
        self._polling = False  # for the project's reading to arrive
        self._current: int | None = None
        self._executor: ThreadPoolExecutor | None = None
        self._gazetteerBuilt.connect(self._on_built)
        editing.documentOpened.connect(self.document_opened)
        editing.spansLoaded.connect(self.document_shown)

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)

    def document_opened(self, _document_id: int) -> None:
        """Another document: the last one's proposing is of no use any more."""
        self._background.cancel(self._job)
        self._job = None
        self._current = None  # proposed for once every span of it is shown

    def document_shown(self, document_id: int) -> None:
        """Every span of the open document is shown: propose what it has not had yet."""
        self._background.cancel(self._job)
        self._job = None
        self._current = document_id
        if self.enabled:
            self._propose_new(document_id, self._gazetteer_for_use(start_build=True))

    def _propose_new(self, document_id: int, gazetteer: Gazetteer | None) -> None:
        """Propose what the document has not been proposed yet, in the worker thread."""
        sources = []
        if document_id not in self._numbers_done:
            sources.append(Source.NUMBERS)
        version = self._gazetteer_version
        if gazetteer is not None and self._gazetteer_done.get(document_id) != version:
            sources.append(Source.GAZETTEER)
        if not sources or document_id != self._current:
            return
        work = partial(
            suggest_document,
            self._view.text(),  # the open document, as shown: no read of the project
            sources,
            gazetteer=gazetteer,
            existing=self._view.spans(),
            rejected=rejected_keys(self._project, document_id),
            lexicon=gazetteer.lexicon if gazetteer is not None else frozenset(),
            pause=self._ui_idle.pacer(),  # the window's work meanwhile is not slowed
        )
        self._background.cancel(self._job)  # a newer gazetteer: propose from it instead
        self._job = self._background.run(
            work,
            partial(self._store, document_id, sources, version),
            QCoreApplication.translate("MainWindow", "Proposing suggestions…"),
        )

    def _store(self, document_id: int, sources: list[Source], version: int, found) -> None:
        self._job = None
        if Source.NUMBERS in sources:
            self._numbers_done.add(document_id)
        if Source.GAZETTEER in sources:
            self._gazetteer_done[document_id] = version
        if found:
            store_suggestions(self._project, {document_id: found})

    def _gazetteer_for_use(self, start_build: bool) -> Gazetteer | None:
        """The gazetteer of the current forms; in a large project, the last one built.

        A small project's gazetteer is rebuilt at once when its forms change. A large
        one is rebuilt in the background (one build at a time) and, until then, the
        previous one is used; None only before the first build is done.
        """
        self._forms.preload()  # a large project is read in the background, once
        if self._forms.reading():
            # Not waiting for the project's reading: numbers now, the gazetteer later.
            if not self._polling:
                self._polling = True
                QTimer.singleShot(READING_POLL_MS, self._after_reading)
            return self._gazetteer
        version = self._forms.current_version()
        if self._gazetteer is not None and self._gazetteer_version == version:
            return self._gazetteer
        if self._building is not None or not start_build:
            return self._gazetteer
        pairs = self._forms.pairs()
        if len(pairs) < BACKGROUND_PAIRS:
            self._gazetteer, self._gazetteer_version = Gazetteer.from_spans(pairs), version
            return self._gazetteer
        if self._executor is None:
            self._executor = ThreadPoolExecutor(1, thread_name_prefix="gazetteer")
        self._building = self._executor.submit(
            partial(Gazetteer.from_spans, pairs, pause=self._ui_idle.pacer())
        )
        self._building.add_done_callback(
            lambda future: (
                None
                if future.cancelled() or future.exception()
                else self._gazetteerBuilt.emit(future.result(), version)
            )
        )
        return self._gazetteer

    def _after_reading(self) -> None:
        if self._forms.reading():
            QTimer.singleShot(READING_POLL_MS, self._after_reading)
            return
        self._polling = False
        if self.enabled and self._current is not None:
            self._propose_new(self._current, self._gazetteer_for_use(start_build=True))

    def _on_built(self, gazetteer: Gazetteer, version: int) -> None:
        self._building = None
        self._gazetteer, self._gazetteer_version = gazetteer, version
        if self.enabled and self._current is not None:
            self._propose_new(self._current, gazetteer)
