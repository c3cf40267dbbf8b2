"""Tagging in the window: label the selection (snapped to words), relabel, delete, set values.

Every change goes through the window's undo stack as a core edit (``push``).
Its strings keep the MainWindow translation context, where they have always been.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QStatusBar

from annotator.arabic.snapping import snap_selection
from annotator.core.edits import (
    AddSpan,
    Batch,
    DeleteSpan,
    Edit,
    RelabelSpan,
    SetSpanValue,
    SetStatus,
)
from annotator.core.model import SpanValue, Status
from annotator.qt.article_view import ArticleView
from annotator.storage.accepted_forms import AcceptedForms
from annotator.storage.project import Project

SNAP_CONTEXT = 32  # characters either side of the selection whose forms guide snapping


class TaggingActions:
    """What the label keys, the palette, Delete and the value column do to spans."""

    def __init__(
        self,
        *,
        project: Project,
        view: ArticleView,
        status_bar: QStatusBar,
        push: Callable[[Edit], Edit | None],
        current_document: Callable[[], int | None],
        accepted_forms: AcceptedForms,
        annotator_name: str,
    ):
        self._project = project
        self._view = view
        self._status_bar = status_bar
        self._push = push
        self._current_document = current_document
        self._accepted_forms = accepted_forms
        self._annotator_name = annotator_name

    def tag(self, label: str, exact: bool = False) -> None:
        """Tag the selected text with ``label``, or relabel the selected span."""
        document = self._current_document()
        if document is None:
            return
        selected = self._view.selected_offsets()
        if selected is not None:
            start, end = selected
            if not exact:
                # Snapping widens to whole words: the forms for the words around suffice.
                text = self._view.text()
                around = text[max(0, start - SNAP_CONTEXT) : end + SNAP_CONTEXT]
                lexicon = self._accepted_forms.lexicon_for(around)
                snapped = snap_selection(text, start, end, lexicon)
                if snapped is None:
                    self._status_bar.showMessage(
                        QCoreApplication.translate("MainWindow", "The selection holds no word."),
                        4000,
                    )
                    return
                start, end = snapped
            self._add_span(document, start, end, label)
            return
        span_id = self._view.selected_span()
        if span_id is not None:
            if self._project.get_span(span_id).label != label:
                self._push(RelabelSpan(span_id, label))
            return
        self._status_bar.showMessage(
            QCoreApplication.translate(
                "MainWindow", "Select some text first, then press a label key."
            ),
            4000,
        )

    def _add_span(self, document: int, start: int, end: int, label: str) -> None:
        add = AddSpan(document, start, end, label, annotator=self._annotator_name)
        edit: Edit = add
        if self._project.get_status(document) is Status.TODO:
            edit = Batch((add, SetStatus(document, Status.IN_PROGRESS)), add.description)
        inverse = self._push(edit)
        if inverse is None:
            return
        deletes = inverse.edits if isinstance(inverse, Batch) else (inverse,)
        span_id = next(e.span_id for e in deletes if isinstance(e, DeleteSpan))
        self._view.clear_text_selection()
        self._view.select_span(span_id)

    def delete_selected_span(self) -> None:
        span_id = self._view.selected_span()
        if span_id is not None:
            self._push(DeleteSpan(span_id))

    def set_value(self, span_id: int, value: SpanValue) -> None:
        self._push(SetSpanValue(span_id, value))
