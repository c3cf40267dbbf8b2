"""The document list's own keys: Delete and F2 delete and rename documents, undoably;
Home and End go to the first and last document; Enter goes on to the article.

Delete asks first, naming how many documents go (their spans, suggestions and
remembered rejections go with them, ``core.edits.DeleteDocument``); Ctrl+Z brings
them back exactly. When the open document is deleted (here, by a redo, or from
another part of the window) the next one in the list opens.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QInputDialog, QLineEdit, QMessageBox, QTableView

from annotator.core.changes import Changes
from annotator.core.edits import Batch, DeleteDocument, Edit, RenameDocument
from annotator.qt.editing import Editing
from annotator.qt.message_boxes import message_box
from annotator.qt.models import DocumentListModel


class RowKeys(QObject):
    """Home and End go to the first and last document, as in any list (a table's own
    Home and End move along the row, which here is one document: they seemed dead)."""

    _KEYS = (Qt.Key.Key_Home, Qt.Key.Key_End)

    def __init__(self, table: QTableView):
        super().__init__(table)
        table.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in self._KEYS
            and not event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            # The same key with Ctrl: Qt's first / last row (Shift still extends).
            moved = QKeyEvent(
                QEvent.Type.KeyPress,
                event.key(),
                event.modifiers() | Qt.KeyboardModifier.ControlModifier,
                event.text(),
            )
            QCoreApplication.sendEvent(watched, moved)
            return True
        return super().eventFilter(watched, event)


class DocumentActions(QObject):
    """Delete and rename for the rows of the document list (or the open document).

    A QObject for ``self.tr``: the form of a counted message (``%n``) that
    ``pyside6-lupdate`` marks as plural.
    """

    def __init__(self, editing: Editing, table: QTableView):
        super().__init__(editing)
        documents = table.model()
        assert isinstance(documents, DocumentListModel)
        self._editing = editing
        self._table = table
        self._documents = documents
        # Right click offers what the list's actions do (Delete, Rename: ``qt.actions``).
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self._row_keys = RowKeys(table)
        # Enter (or a double-click) on a row: done choosing, on to the article to tag.
        table.activated.connect(lambda _index: editing.view.setFocus())
        self._closed = False
        editing.project.subscribe(self._on_changes)

    def close(self) -> None:
        self._closed = True  # a deferred _leave_deleted must not touch the closed project
        self._editing.project.unsubscribe(self._on_changes)

    def selected_ids(self) -> list[int]:
        """The documents selected in the list, in list order; else the open one."""
        rows = sorted(index.row() for index in self._table.selectionModel().selectedRows())
        if rows:
            return [self._documents.document_id(row) for row in rows]
        current = self._editing.document_id
        return [] if current is None else [current]

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        box = message_box(
            QMessageBox.Icon.Question,
            self.tr("Delete documents"),
            self.tr(
                "Delete %n document(s) with their spans and suggestions?",
                "",
                len(ids),
            ),
            self._editing.window,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        )
        box.setInformativeText(self.tr("Undo (Ctrl+Z) brings them back."))
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Delete"))
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        if box.exec() != QMessageBox.StandardButton.Yes:
            return
        edits: tuple[Edit, ...] = tuple(DeleteDocument(doc_id) for doc_id in ids)
        edit = (
            edits[0]
            if len(edits) == 1
            else Batch(
                edits,
                self.tr("Delete %n documents", "", len(ids)),
            )
        )
        if self._editing.push(edit) is not None:
            self._editing.say(
                self.tr("Deleted %n document(s); Ctrl+Z brings them back.", "", len(ids))
            )

    def rename_current(self) -> None:
        index = self._table.currentIndex()
        document_id = (
            self._documents.document_id(index.row())
            if index.isValid()
            else self._editing.document_id
        )
        if document_id is None:
            return
        old = self._editing.project.get_document(document_id).title
        title, ok = QInputDialog.getText(
            self._editing.window,
            self.tr("Rename document"),
            self.tr("Title:"),
            QLineEdit.EchoMode.Normal,
            old,
        )
        if ok and title.strip() and title.strip() != old:
            self._editing.push(RenameDocument(document_id, title.strip()))

    def _on_changes(self, changes: Changes) -> None:
        if self._editing.document_id in changes.removed:
            # After the list has followed the change (it listens too, in any order).
            QTimer.singleShot(0, self, self._leave_deleted)

    def _leave_deleted(self) -> None:
        """Open the document after the deleted one in the list (or the last)."""
        deleted = self._editing.document_id
        documents = self._documents
        if self._closed or deleted is None or documents.row_of(deleted) is not None:
            return  # already left, or put back
        ids = [documents.document_id(row) for row in range(documents.rowCount())]
        following = [doc_id for doc_id in ids if doc_id > deleted] or ids[-1:]
        if following:
            self._editing.open_document(following[0])
        else:
            self._editing.close_document()
