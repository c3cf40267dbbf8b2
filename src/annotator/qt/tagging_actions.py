"""Tagging in the window: label the selection (snapped to words), relabel, delete, set values.

Every change goes through the editing context's undo stack as a core edit (``push``).
Its strings keep the MainWindow translation context, where they have always been.
A key press that saves nothing says why in the status bar.

One span per (start, end, label): tagging the place of a pending suggestion with
its label accepts the suggestion (its value kept); tagging what is already a span
selects that span and saves nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from annotator.arabic.snapping import snap_selection
from annotator.arabic.span_values import value_for
from annotator.core.edits import (
    AddSpan,
    Batch,
    DeleteSpan,
    Edit,
    RelabelSpan,
    SetOrigin,
    SetSpanValue,
    SetStatus,
)
from annotator.core.model import Origin, SpanValue, Status
from annotator.qt.editing import Editing

SNAP_CONTEXT = 32  # characters either side of the selection whose forms guide snapping


class TaggingActions:
    """What the label keys, the palette, Delete and the value column do to spans."""

    def __init__(self, editing: Editing):
        self._editing = editing
        self._project = editing.project
        self._view = editing.view
        self._push = editing.push
        self._say = editing.say

    def _label_name(self, label: str) -> str:
        labels = self._project.labels()
        return labels.get(label).display_name if label in labels else label

    def tag(self, label: str, exact: bool = False) -> None:
        """Tag the selected text with ``label``, or relabel the selected span."""
        document = self._editing.document_id
        if document is None:
            self._say(
                QCoreApplication.translate("MainWindow", "Nothing saved: no document is open.")
            )
            return
        selected = self._view.selected_offsets()
        if selected is not None:
            start, end = selected
            if not exact:
                # Snapping widens to whole words: the forms for the words around suffice.
                text = self._view.text()
                around = text[max(0, start - SNAP_CONTEXT) : end + SNAP_CONTEXT]
                lexicon = self._editing.accepted_forms.lexicon_for(around)
                snapped = snap_selection(text, start, end, lexicon, self._view.pointed_offsets())
                if snapped is None:
                    self._say(
                        QCoreApplication.translate(
                            "MainWindow",
                            "Nothing saved: the selection holds no word (only spaces or marks).",
                        )
                    )
                    return
                start, end = snapped
            self._tag_range(document, start, end, label)
            return
        span_id = self._view.selected_span()
        if span_id is not None:
            self._relabel(span_id, label)
            return
        self._say(
            QCoreApplication.translate(
                "MainWindow", "Nothing saved: select some text first, then press a label key."
            )
        )

    def _tag_range(self, document: int, start: int, end: int, label: str) -> None:
        existing = self._project.find_span(document, start, end, label)
        if existing is not None and existing.origin is not Origin.SUGGESTED:
            self._view.clear_text_selection()
            self._view.select_span(existing.id)
            self._say(
                QCoreApplication.translate(
                    "MainWindow", "Nothing saved: “%1” is already tagged %2."
                )
                .replace("%1", self._view.text()[start:end])
                .replace("%2", self._label_name(label))
            )
            return
        if existing is not None:
            # Tagging a pending suggestion with its own label accepts it, value and all.
            assert existing.id is not None  # a stored span
            edit: Edit = SetOrigin(existing.id, Origin.MANUAL, self._editing.annotator_name)
        else:
            value = value_for(label, self._view.text()[start:end])
            edit = AddSpan(
                document, start, end, label, annotator=self._editing.annotator_name, value=value
            )
        if self._project.get_status(document) is Status.TODO:
            edit = Batch((edit, SetStatus(document, Status.IN_PROGRESS)), edit.description)
        inverse = self._push(edit)
        if inverse is None:
            return
        if existing is not None:
            span_id = existing.id
            self._say(QCoreApplication.translate("MainWindow", "Accepted the suggestion."))
        else:
            deletes = inverse.edits if isinstance(inverse, Batch) else (inverse,)
            span_id = next(e.span_id for e in deletes if isinstance(e, DeleteSpan))
        self._view.clear_text_selection()
        self._view.select_span(span_id)

    def _relabel(self, span_id: int, label: str) -> None:
        span = self._project.get_span(span_id)
        if span.label == label:
            self._say(
                QCoreApplication.translate(
                    "MainWindow", "Nothing saved: the selected span is already %1."
                ).replace("%1", self._label_name(label))
            )
            return
        assert span.document_id is not None
        if self._project.find_span(span.document_id, span.start, span.end, label) is not None:
            self._say(
                QCoreApplication.translate(
                    "MainWindow", "Nothing saved: the same text is already tagged %1."
                ).replace("%1", self._label_name(label))
            )
            return
        edit: Edit = RelabelSpan(span_id, label)
        value = value_for(label, span.text_in(self._view.text())) if span.value is None else None
        if value is not None:
            edit = Batch((edit, SetSpanValue(span_id, value)), edit.description)
        self._push(edit)

    def delete_selected_span(self) -> None:
        span_id = self._view.selected_span()
        if span_id is not None:
            self._push(DeleteSpan(span_id))
        else:
            self._say(
                QCoreApplication.translate("MainWindow", "Nothing deleted: click a span first.")
            )

    def set_value(self, span_id: int, value: SpanValue) -> None:
        self._push(SetSpanValue(span_id, value))
