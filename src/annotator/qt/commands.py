"""Undo commands: each wraps one core edit and its inverse, nothing more."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand, QUndoStack

from annotator.core.edits import Edit
from annotator.core.errors import AnnotatorError
from annotator.storage.project import Project

ErrorReporter = Callable[[AnnotatorError], None]
DocumentShower = Callable[[int], None]


class EditCommand(QUndoCommand):
    """An edit already applied to the project; undo and redo apply the inverses.

    The edit is applied before the command is pushed (see ``push_edit``) so that a
    refused edit never reaches the stack. Each undo or redo keeps the inverse that
    ``Project.apply`` returns, so redoing an added span restores it with its id.
    """

    def __init__(
        self,
        project: Project,
        document: int | None,
        inverse: Edit,
        text: str,
        report: ErrorReporter,
        show: DocumentShower,
    ):
        super().__init__(text)
        self._project = project
        self.document = document
        self._pending = inverse  # the edit the next undo() or redo() applies
        self._report = report
        self._show = show
        self._applied = True

    def redo(self) -> None:
        if self._applied:  # the first redo, called by push(): the edit is already in
            return
        self._run()

    def undo(self) -> None:
        self._run()

    def _run(self) -> None:
        try:
            # Undoing a change made in another document shows that document first (which
            # fails like the edit would if the document was deleted meanwhile).
            if self.document is not None:
                self._show(self.document)
            self._pending = self._project.apply(self._pending)
        except AnnotatorError as error:
            # The project changed under us (e.g. the span was deleted from the CLI):
            # nothing was written; drop the history that no longer applies.
            self.setObsolete(True)
            self._report(error)
        self._applied = False


def push_edit(
    stack: QUndoStack,
    project: Project,
    edit: Edit,
    report: ErrorReporter,
    show: DocumentShower,
    text: str = "",
    history_report: ErrorReporter | None = None,
) -> Edit | None:
    """Apply ``edit`` and put it on ``stack``; report (and return None) if it is refused.
    A later undo or redo that the project refuses goes to ``history_report`` (by default
    ``report``): a reporter worded for the first attempt ("Not linked: ...") would
    misname what failed."""
    try:
        inverse, changes = project.perform(edit)
    except AnnotatorError as error:
        report(error)
        return None
    # A deleted document cannot be shown before its deletion is undone.
    touched = changes.documents() - changes.removed
    document = next(iter(touched)) if len(touched) == 1 else None
    later = history_report or report
    stack.push(EditCommand(project, document, inverse, text or edit.description, later, show))
    return inverse
