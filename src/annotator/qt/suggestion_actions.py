"""The suggestion workflow of the window: step, accept, reject, propose all occurrences.

Every change goes through the editing context's undo stack as a core edit (``push``).
Its strings keep the MainWindow translation context, where they have always been.

"Propose all occurrences in the project" searches in the window's worker and
stores what it found a slice of documents at a time (``BackgroundWork.run_in_steps``),
so the window answers keys while thousands of documents get their proposals.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QCoreApplication

from annotator.arabic.suggest import Suggestion
from annotator.core.edits import RejectSuggestion, SetOrigin
from annotator.core.model import Origin
from annotator.qt.actions import ACCEPT_PROPOSED_KEY
from annotator.qt.bidi import shortcut_text
from annotator.qt.counts import Counts
from annotator.qt.editing import Editing
from annotator.qt.suggesting import OpenSuggester
from annotator.storage.suggestions import (
    accept_all,
    accept_spans,
    occurrences_reader,
    project_occurrences,
    propose,
    reject_all,
)

STEP_SECONDS = 0.025  # storing proposals, per event-loop turn: the window answers in between
STEP_DOCUMENTS = 50  # documents per transaction


class SuggestionActions:
    """What the suggestion keys and menu entries do to the open document."""

    def __init__(self, editing: Editing, suggester: OpenSuggester):
        self._editing = editing
        self._project = editing.project
        self._view = editing.view
        self._push = editing.push
        self._say = editing.say
        self._suggester = suggester
        self._proposed: list[int] = []  # what the last "propose all occurrences" stored
        self._storing: int | None = None  # the job storing them, step by step
        self._finish_storing: Callable[[], object] = lambda: None  # stores the rest at once

    def _selected(self) -> int | None:
        span_id = self._view.selected_span()
        if span_id is None:
            return None
        span = next((h.span for h in self._view.highlights() if h.span.id == span_id), None)
        return span_id if span is not None and span.origin is Origin.SUGGESTED else None

    def _in_view(self) -> list[int]:
        return [
            h.span.id
            for h in self._view.highlights()
            if h.span.origin is Origin.SUGGESTED and h.span.id is not None
        ]

    def _after(self, span_id: int) -> int | None:
        suggestions = self._in_view()
        index = suggestions.index(span_id)
        rest = suggestions[index + 1 :] or suggestions[:index]
        return rest[0] if rest else None

    def step(self, delta: int) -> None:
        """Select the next (or previous) suggestion of the document, wrapping around."""
        suggestions = self._in_view()
        if not suggestions:
            self._say(
                QCoreApplication.translate("MainWindow", "No suggestions in this document."), 4000
            )
            return
        current = self._view.selected_span()
        if current in suggestions:
            target = suggestions[(suggestions.index(current) + delta) % len(suggestions)]
        else:
            target = suggestions[0 if delta > 0 else -1]
        self._view.clear_text_selection()
        self._view.select_span(target, scroll=True)

    def _nothing_selected(self) -> None:
        """Enter or Backspace with no suggestion selected: say why nothing changed."""
        if self._view.selected_span() is not None:
            message = QCoreApplication.translate(
                "MainWindow", "Nothing changed: the selected span is not a suggestion."
            )
        else:
            message = QCoreApplication.translate(
                "MainWindow", "Nothing changed: select a suggestion first (Tab)."
            )
        self._say(message, 6000)

    def accept_selected(self) -> None:
        span_id = self._selected()
        if span_id is None:
            self._nothing_selected()
            return
        following = self._after(span_id)
        if self._push(SetOrigin(span_id, Origin.MANUAL, self._editing.annotator_name)) is not None:
            # On to the next suggestion; the last one accepted stays selected.
            self._view.select_span(span_id if following is None else following, scroll=True)

    def reject_selected(self) -> None:
        span_id = self._selected()
        if span_id is None:
            self._nothing_selected()
            return
        following = self._after(span_id)
        if self._push(RejectSuggestion(span_id)) is not None and following is not None:
            self._view.select_span(following, scroll=True)

    def accept_all(self) -> None:
        document = self._editing.document_id
        if document is not None:
            edit = accept_all(self._project, document, self._editing.annotator_name)
            if edit.edits:
                self._push(edit)

    def reject_all(self) -> None:
        document = self._editing.document_id
        if document is not None:
            edit = reject_all(self._project, document)
            if edit.edits:
                self._push(edit)

    def set_suggest_on_open(self, enabled: bool) -> None:
        self._suggester.enabled = enabled
        self._editing.settings.setValue("suggestions/on_open", enabled)
        document = self._editing.document_id
        if enabled and document is not None and not self._editing.loading():
            self._suggester.document_shown(document)  # (else once its spans are all read)

    def label_all_occurrences(self, whole_project: bool) -> None:
        """Propose every other occurrence of the selected span's text, with its label."""
        span_id = self._view.selected_span()
        document = self._editing.document_id
        if span_id is None or document is None:
            self._say(QCoreApplication.translate("MainWindow", "Select a span first."), 4000)
            return
        text = self._view.text()
        span = self._project.get_span(span_id)
        span_text = span.text_in(text)
        if whole_project:
            # The index is built in a worker the first time; the search follows then.
            self._editing.with_search_index(partial(self._search_project, span_text, span.label))
            return
        # The words of this text decide its clitic rules: no need to fold every form.
        found = project_occurrences(
            self._project,
            span_text,
            span.label,
            document_ids=[document],
            lexicon=self._editing.accepted_forms.lexicon_for(text),
        )
        self._propose(found)

    def _search_project(self, span_text: str, label: str, index) -> None:
        message = QCoreApplication.translate("MainWindow", "Finding the occurrences…")
        self._editing.with_lexicon(partial(self._find_in, span_text, label, index), message)

    def _find_in(self, span_text: str, label: str, index, lexicon: frozenset[str]) -> None:
        reader = occurrences_reader(self._project, span_text, label, index, lexicon)
        if reader is None:  # a project in memory: small, searched here
            found = project_occurrences(
                self._project, span_text, label, index=index, lexicon=lexicon
            )
            self._propose(found)
            return
        message = QCoreApplication.translate("MainWindow", "Finding the occurrences…")
        self._editing.background.run(reader, self._propose_in_steps, message)

    def _propose_in_steps(self, found: dict[int, list[Suggestion]]) -> None:
        """Store ``found`` a slice of documents per event-loop turn, then say what was."""
        self._editing.background.cancel(self._storing)  # an earlier request's rest is dropped
        pending = sorted(found.items(), reverse=True)  # popped from the end: document order
        stored: dict[int, list[int]] = {}
        self._proposed = []

        def step(budget: float = STEP_SECONDS) -> str | None:
            deadline = time.perf_counter() + budget
            while pending:  # one batch at least, then as many as the budget allows
                batch = dict(pending[-STEP_DOCUMENTS:])
                del pending[-STEP_DOCUMENTS:]
                stored.update(propose(self._project, batch))
                if time.perf_counter() >= deadline:
                    break
            if pending:
                return (
                    QCoreApplication.translate("MainWindow", "Proposing occurrences: %1 of %2…")
                    .replace("%1", str(len(found) - len(pending)))
                    .replace("%2", str(len(found)))
                )
            self._storing, self._finish_storing = None, lambda: None
            self._announce(stored)
            return None

        self._finish_storing = lambda: step(float("inf"))
        message = QCoreApplication.translate("MainWindow", "Proposing occurrences…")
        self._storing = self._editing.background.run_in_steps(step, message)

    def _propose(self, found: dict[int, list[Suggestion]]) -> None:
        self._editing.background.cancel(self._storing)
        self._storing, self._finish_storing = None, lambda: None
        self._announce(propose(self._project, found) if found else {})

    def _announce(self, stored: dict[int, list[int]]) -> None:
        self._proposed = [span_id for ids in stored.values() for span_id in ids]
        message = Counts().proposed(len(self._proposed), len(stored))
        if self._proposed:
            message += "; " + QCoreApplication.translate(
                "MainWindow", "%1 accepts them all."
            ).replace("%1", shortcut_text(ACCEPT_PROPOSED_KEY))
        self._say(message, 10000)

    def accept_proposed(self) -> None:
        """Accept, as one undoable step, what the last "propose all occurrences" stored."""
        if self._storing is not None:  # still storing: the rest first, then all of it
            storing = self._storing
            self._finish_storing()
            self._editing.background.cancel(storing)
        edit = accept_spans(self._project, self._proposed, self._editing.annotator_name)
        self._proposed = []
        if not edit.edits:
            self._say(
                QCoreApplication.translate("MainWindow", "Nothing proposed is left to accept."),
                4000,
            )
            return
        if self._push(edit) is not None:
            self._say(Counts().accepted_proposed(len(edit.edits)), 6000)
