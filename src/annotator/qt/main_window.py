"""The annotation window: document list, article, label palette, span list, status bar."""

from __future__ import annotations

import getpass
import hashlib

from PySide6.QtCore import QEvent, QItemSelectionModel, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QFont, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.core.edits import Edit, SetStatus
from annotator.core.errors import AnnotatorError
from annotator.core.model import Status
from annotator.qt.article_view import ArticleView
from annotator.qt.commands import push_edit
from annotator.qt.find_controller import FindController
from annotator.qt.find_panel import FindPanel
from annotator.qt.message_boxes import show_warning
from annotator.qt.models import DocumentListModel, LabelListModel, SpanListModel, status_text
from annotator.qt.project_files import ProjectFiles
from annotator.qt.suggesting import OpenSuggester
from annotator.qt.suggestion_actions import SuggestionActions
from annotator.qt.tagging_actions import TaggingActions
from annotator.storage.accepted_forms import AcceptedForms
from annotator.storage.project import Project
from annotator.storage.project_search import ProjectSearch

LANGUAGES = (("en", "English"), ("ar", "العربية"))


def _as_bool(value: object) -> bool:
    """A boolean from QSettings (INI files give back the strings 'true' and 'false')."""
    return value.lower() == "true" if isinstance(value, str) else bool(value)


def _current_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return ""


class MainWindow(QMainWindow):
    """One project in one window. Opening another project is asked of the app."""

    projectRequested = Signal(str, bool)  # path, create a new file
    languageRequested = Signal(str)

    def __init__(
        self,
        project: Project,
        settings: QSettings,
        article_font: QFont | None = None,
        annotator_name: str | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.project = project
        self.settings = settings
        self.annotator_name = _current_user() if annotator_name is None else annotator_name
        self.undo_stack = QUndoStack(self)
        self._document_id: int | None = None
        self._text = ""
        self._reload_pending = False
        self._closed = False
        self._following_document = False

        # Before the window subscribes: its change handler then sees fresh forms.
        self.accepted_forms = AcceptedForms(project)
        self.suggester = OpenSuggester(project, self.accepted_forms, self)
        self.suggester.enabled = _as_bool(settings.value("suggestions/on_open", True))
        self.project_search = ProjectSearch(project)
        self.documents = DocumentListModel(project, self)
        self.spans = SpanListModel(project, self)
        self.labels = LabelListModel(project, self)
        self._build_widgets(article_font)
        self._build_collaborators()
        self._build_actions()
        self._build_menus()
        self._retranslate()
        self.project.subscribe(self._on_document_changed)
        self.files.remember_recent(project.path)
        self._restore_settings()
        # Read the accepted span texts (snapping's lexicon) off the main thread, now,
        # rather than when the first label key is pressed.
        QTimer.singleShot(0, self.accepted_forms.preload)

    # -- construction -------------------------------------------------------------------------

    def _build_widgets(self, article_font: QFont | None) -> None:
        self.status_filter = QComboBox()
        for status in (None, *Status):
            self.status_filter.addItem("", status)
        self.title_filter = QLineEdit()
        self.title_filter.setClearButtonEnabled(True)
        self.document_table = QTableView()
        self.document_table.setModel(self.documents)
        self.document_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.document_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.document_table.verticalHeader().hide()
        self.document_table.verticalHeader().setDefaultSectionSize(24)
        header = self.document_table.horizontalHeader()
        # Fixed widths: sizing to contents would read every row of a 10,000-row list.
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 80)
        header.resizeSection(2, 50)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        filters = QHBoxLayout()
        filters.addWidget(self.status_filter)
        filters.addWidget(self.title_filter, 1)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.document_table, 1)

        self.view = ArticleView()
        self.view.set_labels(self.project.labels())
        if article_font is not None:
            self.view.set_base_font(article_font)

        self.palette_view = QListView()
        self.palette_view.setModel(self.labels)
        self.palette_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.palette_view.setMaximumHeight(140)
        self.span_table = QTableView()
        self.span_table.setModel(self.spans)
        self.span_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.span_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.span_table.verticalHeader().hide()
        self.span_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.palette_title = QLabel()
        self.spans_title = QLabel()
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.palette_title)
        right_layout.addWidget(self.palette_view)
        right_layout.addWidget(self.spans_title)
        right_layout.addWidget(self.span_table, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([260, 700, 280])
        self.setCentralWidget(self.splitter)

        self.position_label = QLabel()
        self.counts_label = QLabel()
        self.saved_label = QLabel()
        bar = self.statusBar()
        bar.addWidget(self.position_label)
        bar.addWidget(self.counts_label, 1)
        bar.addPermanentWidget(self.saved_label)

        self.status_filter.currentIndexChanged.connect(self._apply_filter)
        self.title_filter.textChanged.connect(self._apply_filter)
        self.document_table.selectionModel().currentRowChanged.connect(self._on_row_chosen)
        self.view.spanSelected.connect(self._on_span_selected)
        self.palette_view.clicked.connect(self._on_palette_clicked)
        self.span_table.clicked.connect(self._on_span_row_clicked)
        self.span_table.activated.connect(self._on_span_row_activated)

        self.find_panel = FindPanel(self.project, self)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.find_panel)
        self.find_panel.hide()

    def _build_collaborators(self) -> None:
        self.finder = FindController(
            panel=self.find_panel,
            view=self.view,
            project_search=self.project_search,
            accepted_forms=self.accepted_forms,
            current_document=self.current_document,
            open_document=self.open_document,
        )
        self.find_panel.searchRequested.connect(self.finder.find)
        self.find_panel.hitChosen.connect(self.finder.show_hit)
        self.suggestions = SuggestionActions(
            project=self.project,
            view=self.view,
            status_bar=self.statusBar(),
            push=self._push,
            current_document=self.current_document,
            accepted_forms=self.accepted_forms,
            suggester=self.suggester,
            settings=self.settings,
            search_index=self.finder.search_index,
            annotator_name=self.annotator_name,
        )
        self.tagging = TaggingActions(
            project=self.project,
            view=self.view,
            status_bar=self.statusBar(),
            push=self._push,
            current_document=self.current_document,
            accepted_forms=self.accepted_forms,
            annotator_name=self.annotator_name,
        )
        self.view.tagRequested.connect(self.tagging.tag)
        self.spans.valueEdited.connect(self.tagging.set_value)
        self.files = ProjectFiles(
            parent=self,
            project=self.project,
            settings=self.settings,
            status_bar=self.statusBar(),
            request_project=self.projectRequested.emit,
            report_error=self.report_error,
            labels_changed=self._reload_labels,
        )

    def _action(self, slot, *shortcuts: QKeySequence | str) -> QAction:
        action = QAction(self)
        if shortcuts:
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _view_action(self, slot, *shortcuts: QKeySequence | str) -> QAction:
        """An action whose keys work while the article has the focus (Enter, Tab...)."""
        action = QAction(self)
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(slot)
        self.view.addAction(action)
        return action

    def _build_actions(self) -> None:
        files = self.files
        self.new_project_action = self._action(files.new_project, QKeySequence.StandardKey.New)
        self.open_project_action = self._action(files.open_project, QKeySequence.StandardKey.Open)
        self.import_files_action = self._action(files.import_files, "Ctrl+I")
        self.import_folder_action = self._action(files.import_folder)
        self.export_action = self._action(files.export, "Ctrl+E")
        self.quit_action = self._action(self.close, QKeySequence.StandardKey.Quit)
        self.undo_action = self.undo_stack.createUndoAction(self)
        self.undo_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        self.redo_action = self.undo_stack.createRedoAction(self)
        self.redo_action.setShortcuts([QKeySequence(s) for s in ("Ctrl+Shift+Z", "Ctrl+Y")])
        self.addActions([self.undo_action, self.redo_action])
        self.delete_action = self._action(
            self.tagging.delete_selected_span, QKeySequence.StandardKey.Delete
        )
        self.zoom_in_action = self._action(self.zoom_in, "Ctrl++", "Ctrl+=")
        self.zoom_out_action = self._action(self.zoom_out, "Ctrl+-")
        self.zoom_reset_action = self._action(self.zoom_reset, "Ctrl+0")
        self.done_next_action = self._action(self.mark_done_and_next, "Ctrl+Return", "Ctrl+Enter")
        self.previous_action = self._action(self.previous_document, "Ctrl+PgUp")
        self.next_action = self._action(self.next_document, "Ctrl+PgDown")
        suggestions = self.suggestions
        self.accept_action = self._view_action(suggestions.accept_selected, "Return", "Enter")
        self.reject_action = self._view_action(suggestions.reject_selected, "Backspace")
        self.next_suggestion_action = self._view_action(lambda: suggestions.step(+1), "Tab")
        self.previous_suggestion_action = self._view_action(
            lambda: suggestions.step(-1), "Shift+Tab", "Shift+Backtab", "Backtab"
        )
        self.accept_all_action = self._action(suggestions.accept_all, "Ctrl+Shift+A")
        self.reject_all_action = self._action(suggestions.reject_all, "Ctrl+Shift+R")
        self.label_all_action = self._action(
            lambda: suggestions.label_all_occurrences(False), "Ctrl+L"
        )
        self.label_all_project_action = self._action(
            lambda: suggestions.label_all_occurrences(True), "Ctrl+Shift+L"
        )
        self.suggest_on_open_action = QAction(self, checkable=True)
        self.suggest_on_open_action.setChecked(self.suggester.enabled)
        self.suggest_on_open_action.toggled.connect(suggestions.set_suggest_on_open)
        self.find_action = self._action(self.finder.start, QKeySequence.StandardKey.Find)
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGES:
            action = QAction(name, self, checkable=True)
            action.setData(code)
            action.triggered.connect(lambda _checked=False, c=code: self.languageRequested.emit(c))
            self.language_group.addAction(action)
            self.language_actions[code] = action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.recent_menu = self.file_menu.addMenu("")
        self.recent_menu.aboutToShow.connect(lambda: self.files.fill_recent_menu(self.recent_menu))
        self.file_menu.addActions([self.new_project_action, self.open_project_action])
        self.file_menu.addMenu(self.recent_menu)
        self.file_menu.addSeparator()
        self.file_menu.addActions(
            [self.import_files_action, self.import_folder_action, self.export_action]
        )
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu = bar.addMenu("")
        self.edit_menu.addActions([self.undo_action, self.redo_action, self.delete_action])
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.find_action)
        self.view_menu = bar.addMenu("")
        self.view_menu.addActions(
            [self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action]
        )
        self.language_menu = self.view_menu.addMenu("")
        self.language_menu.addActions(list(self.language_actions.values()))
        self.document_menu = bar.addMenu("")
        self.document_menu.addActions(
            [self.done_next_action, self.previous_action, self.next_action]
        )
        self.document_menu.addSeparator()
        self.document_menu.addActions(
            [
                self.next_suggestion_action,
                self.previous_suggestion_action,
                self.accept_action,
                self.reject_action,
                self.accept_all_action,
                self.reject_all_action,
            ]
        )
        self.document_menu.addSeparator()
        self.document_menu.addActions(
            [self.label_all_action, self.label_all_project_action, self.suggest_on_open_action]
        )

    def _retranslate(self) -> None:
        self.file_menu.setTitle(self.tr("&File"))
        self.recent_menu.setTitle(self.tr("Recent projects"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.language_menu.setTitle(self.tr("Interface language"))
        self.document_menu.setTitle(self.tr("&Document"))
        self.new_project_action.setText(self.tr("New project..."))
        self.open_project_action.setText(self.tr("Open project..."))
        self.import_files_action.setText(self.tr("Import files..."))
        self.import_folder_action.setText(self.tr("Import folder..."))
        self.export_action.setText(self.tr("Export..."))
        self.quit_action.setText(self.tr("Quit"))
        self.undo_stack.undoText()  # the undo/redo actions name the command themselves
        self.undo_action.setText(self.tr("Undo"))
        self.redo_action.setText(self.tr("Redo"))
        self.delete_action.setText(self.tr("Delete span"))
        self.zoom_in_action.setText(self.tr("Zoom in"))
        self.zoom_out_action.setText(self.tr("Zoom out"))
        self.zoom_reset_action.setText(self.tr("Reset zoom"))
        self.done_next_action.setText(self.tr("Mark done and open next"))
        self.previous_action.setText(self.tr("Previous document"))
        self.next_action.setText(self.tr("Next document"))
        self.next_suggestion_action.setText(self.tr("Next suggestion"))
        self.previous_suggestion_action.setText(self.tr("Previous suggestion"))
        self.accept_action.setText(self.tr("Accept suggestion"))
        self.reject_action.setText(self.tr("Reject suggestion"))
        self.accept_all_action.setText(self.tr("Accept all suggestions"))
        self.reject_all_action.setText(self.tr("Reject all suggestions"))
        self.label_all_action.setText(self.tr("Label all occurrences in this document"))
        self.label_all_project_action.setText(self.tr("Label all occurrences in the project"))
        self.suggest_on_open_action.setText(self.tr("Suggest on open"))
        self.find_action.setText(self.tr("Find..."))
        self.find_panel.retranslate()
        self.title_filter.setPlaceholderText(self.tr("Filter titles"))
        self.status_filter.setItemText(0, self.tr("All documents"))
        for index, status in enumerate(Status, start=1):
            self.status_filter.setItemText(index, status_text(status))
        self.palette_title.setText(self.tr("Labels (press the key to tag)"))
        self.spans_title.setText(self.tr("Spans in this document"))
        name = self.project.path.name if self.project.path else self.tr("in memory")
        self.setWindowTitle(self.tr("%1 - annotator").replace("%1", name))
        for model in (self.documents, self.spans):
            model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 2)
            if model.rowCount():
                model.dataChanged.emit(model.index(0, 0), model.index(model.rowCount() - 1, 2))
        self._update_status_bar()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and not self._closed:
            self._retranslate()
        super().changeEvent(event)

    # -- documents ----------------------------------------------------------------------------

    def current_document(self) -> int | None:
        return self._document_id

    def open_document(self, document_id: int) -> None:
        document = self.project.get_document(document_id)
        self._document_id = document_id
        self._text = document.text
        spans = self.project.spans(document_id)
        self.view.set_document(document.text, spans)
        self.spans.set_document(document.text, spans)
        self._select_row_of(document_id)
        self._update_status_bar()
        self.view.setFocus()
        self.suggester.document_opened(document_id)

    def _select_row_of(self, document_id: int) -> None:
        row = self.documents.row_of(document_id)
        selection = self.document_table.selectionModel()
        # A flag, not blockSignals: the table must still hear the selection change.
        self._following_document = True
        if row is None:
            selection.clear()
        else:
            index = self.documents.index(row, 0)
            selection.setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.document_table.scrollTo(index)
        self._following_document = False

    def _on_row_chosen(self, current, _previous) -> None:
        if current.isValid() and not self._following_document:
            document_id = self.documents.document_id(current.row())
            if document_id != self._document_id:
                self.open_document(document_id)

    def _apply_filter(self) -> None:
        self.documents.set_filter(self.status_filter.currentData(), self.title_filter.text())
        if self._document_id is not None:
            self._select_row_of(self._document_id)
        self._update_status_bar()

    def next_document(self) -> None:
        self._step(+1)

    def previous_document(self) -> None:
        self._step(-1)

    def _step(self, delta: int) -> None:
        count = self.documents.rowCount()
        if not count:
            return
        row = self.documents.row_of(self._document_id) if self._document_id else None
        target = 0 if row is None else row + delta
        if 0 <= target < count:
            self.open_document(self.documents.document_id(target))

    def mark_done_and_next(self) -> None:
        current = self._document_id
        if current is None:
            return
        if self.project.get_status(current) is not Status.DONE:
            self._push(SetStatus(current, Status.DONE))
        following = self._next_not_done(current)
        if following is None:
            self.statusBar().showMessage(self.tr("Every document is done."), 5000)
            return
        self.open_document(following)

    def _next_not_done(self, after: int) -> int | None:
        waiting = sorted(
            self.project.document_ids(Status.TODO) + self.project.document_ids(Status.IN_PROGRESS)
        )
        later = [doc for doc in waiting if doc > after]
        return (later or waiting or [None])[0]

    # -- edits, palette and span list ---------------------------------------------------------

    def _push(self, edit: Edit) -> Edit | None:
        inverse = push_edit(
            self.undo_stack, self.project, edit, self.report_error, self._show_document
        )
        if inverse is not None:
            self.saved_label.setText(self.tr("Saved"))
        return inverse

    def _show_document(self, document_id: int) -> None:
        if document_id != self._document_id:
            self.open_document(document_id)

    def _reload_labels(self) -> None:
        self.labels.reload()
        self.view.set_labels(self.project.labels())

    def report_error(self, error: AnnotatorError) -> None:
        show_warning(self, self.tr("annotator"), str(error))

    def _on_palette_clicked(self, index) -> None:
        exact = bool(QApplication.keyboardModifiers() & Qt.KeyboardModifier.AltModifier)
        self.tagging.tag(self.labels.label(index.row()).name, exact)
        self.view.setFocus()

    def _on_span_row_clicked(self, index) -> None:
        self.view.select_span(self.spans.span_at(index.row()).id, scroll=True)

    def _on_span_row_activated(self, index) -> None:
        """Enter on a row: select the span and go back to the article, where keys relabel."""
        self._on_span_row_clicked(index)
        self.view.setFocus()

    def _on_span_selected(self, span_id: int | None) -> None:
        selection = self.span_table.selectionModel()
        row = self.spans.row_of(span_id) if span_id is not None else None
        if row is None:
            selection.clearSelection()
        else:
            selection.select(
                self.spans.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.span_table.scrollTo(self.spans.index(row, 0))

    # -- change notices -----------------------------------------------------------------------

    def _on_document_changed(self, document_id: int) -> None:
        if document_id == self._document_id:
            spans = self.project.spans(document_id)
            selected = self.view.selected_span()
            self.view.set_spans(spans)
            self.spans.set_document(self._text, spans)
            if selected is not None:
                self._on_span_selected(self.view.selected_span())
        if not self.documents.document_changed(document_id) and not self._reload_pending:
            # A document this list has not seen: reload once, after a whole import.
            self._reload_pending = True
            QTimer.singleShot(0, self._reload_documents)
        self._update_status_bar()

    def _reload_documents(self) -> None:
        self._reload_pending = False
        self.documents.reload()
        if self._document_id is not None:
            self._select_row_of(self._document_id)
        elif self.documents.rowCount():
            self.open_document(self.documents.document_id(0))
        self._update_status_bar()

    def _update_status_bar(self) -> None:
        if self._document_id is None:
            self.position_label.setText(self.tr("No document"))
            self.counts_label.clear()
            return
        row = self.documents.row_of(self._document_id)
        total = self.documents.rowCount()
        if row is None:
            self.position_label.setText(self.tr("Document not in the list"))
        else:
            self.position_label.setText(
                self.tr("Document %1 of %2").replace("%1", str(row + 1)).replace("%2", str(total))
            )
        labels = self.project.labels()
        counts = self.project.label_counts(self._document_id)
        self.counts_label.setText(
            "   ".join(
                f"{labels.get(name).display_name if name in labels else name}: {count}"
                for name, count in counts.items()
            )
        )

    # -- zoom ---------------------------------------------------------------------------------

    def zoom_in(self) -> None:
        self.view.set_zoom(self.view.zoom() + 1)

    def zoom_out(self) -> None:
        self.view.set_zoom(self.view.zoom() - 1)

    def zoom_reset(self) -> None:
        self.view.set_zoom(0)

    # -- settings -----------------------------------------------------------------------------

    def _last_document_key(self) -> str:
        where = str(self.project.path.resolve()) if self.project.path else ":memory:"
        return "last_document/" + hashlib.sha1(where.encode("utf-8")).hexdigest()[:16]

    def _restore_settings(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        splitter = self.settings.value("window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        self.view.set_zoom(int(self.settings.value("view/zoom", 0)))
        last = self.settings.value(self._last_document_key())
        ids = set(self.project.document_ids()) if last is not None else set()
        if last is not None and int(last) in ids:
            self.open_document(int(last))
        elif self.documents.rowCount():
            self.open_document(self.documents.document_id(0))
        else:
            self._update_status_bar()

    def save_settings(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.setValue("view/zoom", self.view.zoom())
        if self._document_id is not None:
            self.settings.setValue(self._last_document_key(), self._document_id)
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        # Every edit is already in the project file; only the window's state is left.
        self.save_settings()
        if not self._closed:
            self.project.unsubscribe(self._on_document_changed)
            self.accepted_forms.close()
            self.project_search.close()
            self.suggester.close()
        self._closed = True
        super().closeEvent(event)
