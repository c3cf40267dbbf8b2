"""Moving through the documents: previous and next in the list, done and on to the next."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from annotator.core.edits import SetStatus
from annotator.core.model import Status
from annotator.qt.editing import Editing
from annotator.qt.models import DocumentListModel


class DocumentNavigation:
    """Opens documents in the order of the (filtered) document list."""

    def __init__(self, editing: Editing, documents: DocumentListModel):
        self._editing = editing
        self._documents = documents

    def step(self, delta: int) -> None:
        """Open the document ``delta`` rows away from the open one (the first if none is)."""
        documents = self._documents
        current = self._editing.document_id
        row = documents.row_of(current) if current is not None else None
        target = 0 if row is None else row + delta
        if 0 <= target < documents.rowCount():
            self._editing.open_document(documents.document_id(target))

    def mark_done_and_next(self) -> None:
        editing = self._editing
        current = editing.document_id
        if current is None:
            return
        if editing.project.get_status(current) is not Status.DONE:
            editing.push(SetStatus(current, Status.DONE))
        following = self._next_not_done(current)
        if following is None:
            editing.say(QCoreApplication.translate("MainWindow", "Every document is done."), 5000)
            return
        editing.open_document(following)

    def _next_not_done(self, after: int) -> int | None:
        project = self._editing.project
        waiting = sorted(
            project.document_ids(Status.TODO) + project.document_ids(Status.IN_PROGRESS)
        )
        later = [doc for doc in waiting if doc > after]
        if later or waiting:
            return (later or waiting)[0]
        return None
