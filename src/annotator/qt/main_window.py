"""The annotation window: document list, article, label palette, span list, status bar.

Its commands are declared in ``qt.actions``; its parts (tagging, suggestions, find,
the File menu, navigation) share one ``qt.editing.Editing`` context; it follows the
project through the ``Changes`` each operation publishes.
"""

from __future__ import annotations

import getpass
import hashlib

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.core.changes import Changes
from annotator.core.model import Status
from annotator.qt.actions import WindowActions
from annotator.qt.article_view import ArticleView
from annotator.qt.cells import DirectionalDelegate, fit_columns_on_change
from annotator.qt.document_actions import DocumentActions
from annotator.qt.editing import Editing
from annotator.qt.event_panel import EventPanel
from annotator.qt.find_controller import FindController
from annotator.qt.find_panel import FindPanel
from annotator.qt.linking import Linking
from annotator.qt.models import DocumentListModel, LabelListModel, SpanListModel, status_text
from annotator.qt.navigation import DocumentNavigation
from annotator.qt.pane_focus import PaneFocus
from annotator.qt.panels import SidePanels
from annotator.qt.project_files import ProjectFiles
from annotator.qt.span_table import SpanTable
from annotator.qt.suggesting import OpenSuggester
from annotator.qt.suggestion_actions import SuggestionActions
from annotator.qt.tagging_actions import TaggingActions
from annotator.storage.project import Project


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

    # The parts actions.py's handlers reach, declared for the type checker (which cannot
    # infer them through the import cycle between the window and its actions).
    editing: Editing
    view: ArticleView
    suggester: OpenSuggester
    finder: FindController
    suggestions: SuggestionActions
    tagging: TaggingActions
    files: ProjectFiles
    navigation: DocumentNavigation
    linking: Linking

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
        self._closed = False
        self._following_document = False
        self._counting: int | None = None  # the job counting a long document's spans
        self.documents = DocumentListModel(project, self)
        self.spans = SpanListModel(project, self)
        self.labels = LabelListModel(project, self)
        self._build_widgets(article_font)
        name = _current_user() if annotator_name is None else annotator_name
        self.editing = Editing(self, project, settings, self.view, name)
        self._build_parts()
        self.commands = WindowActions(self)
        self.file_menu, self.edit_menu, self.view_menu, self.document_menu = (
            self.commands.menu(menu) for menu in ("file", "edit", "view", "document")
        )
        panel_actions = {0: self.action("view.document_list"), 2: self.action("view.span_panel")}
        self.panels.shownChanged.connect(lambda side, shown: panel_actions[side].setChecked(shown))
        recent = self.commands.menu("file.recent")
        recent.aboutToShow.connect(lambda: self.files.fill_recent_menu(recent))
        self._retranslate()
        # Each view decides what a change means to it; none relies on hearing it first.
        self._followers = (
            self.documents.apply_changes,
            self.labels.apply_changes,
            self._on_changes,
        )
        for follower in self._followers:
            project.subscribe(follower)
        self.files.remember_recent(project.path)
        self._restore_settings()
        self.commands.update_enabled(self.editing)
        # Read the accepted span texts (snapping's lexicon) off the main thread, now,
        # rather than when the first label key is pressed.
        QTimer.singleShot(0, self.editing.accepted_forms.preload)

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
        self.document_table.setItemDelegate(DirectionalDelegate(self.document_table))
        fit_columns_on_change(self.document_table, {1: (50, 140), 2: (40, 90)})
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
        self.span_table = SpanTable(self.spans)
        self.span_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.span_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.span_table.verticalHeader().hide()
        self.span_table.setItemDelegate(DirectionalDelegate(self.span_table))
        fit_columns_on_change(self.span_table, {1: (60, 160), 2: (40, 90)})
        self.palette_title = QLabel()
        self.spans_title = QLabel()
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.palette_title)
        right_layout.addWidget(self.palette_view)
        right_layout.addWidget(self.spans_title)
        right_layout.addWidget(self.span_table, 1)
        self._right_layout = right_layout  # the event panel goes under the span list

        self.panels: SidePanels = SidePanels(left, self.view, right)
        self.splitter = self.panels.splitter
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
        self.documents.modelReset.connect(self._on_list_reset)
        self.documents.rowsRemoved.connect(self._update_status_bar)
        self.view.spanSelected.connect(self._on_span_selected)
        self.palette_view.clicked.connect(self._on_palette_clicked)
        self.span_table.clicked.connect(self._on_span_row_clicked)
        self.span_table.activated.connect(self._on_span_row_activated)

    def _build_parts(self) -> None:
        editing = self.editing
        editing.projectRequested.connect(self.projectRequested)
        editing.documentOpened.connect(self._on_document_opened)
        editing.spansLoaded.connect(self._on_spans_loaded)
        editing.saved.connect(lambda: self.saved_label.setText(self.tr("Saved")))
        self.suggester = OpenSuggester(editing, self)
        self.suggester.enabled = _as_bool(self.settings.value("suggestions/on_open", True))
        self.find_panel = FindPanel(self.project, self)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.find_panel)
        self.find_panel.hide()
        self.finder = FindController(editing, self.find_panel)
        self.suggestions = SuggestionActions(editing, self.suggester)
        self.tagging = TaggingActions(editing)
        self.view.tagRequested.connect(self.tagging.tag)
        self.spans.valueEdited.connect(self.tagging.set_value)
        self.files = ProjectFiles(editing)
        self.navigation = DocumentNavigation(editing, self.documents)
        self.document_actions: DocumentActions = DocumentActions(editing, self.document_table)
        self.panes: PaneFocus = PaneFocus((self.document_table, self.view, self.span_table))
        self.linking = Linking(editing)
        self.event_panel = EventPanel(editing, self.linking)
        self._right_layout.addWidget(self.event_panel)

    def action(self, action_id: str) -> QAction:
        """The QAction built from the declaration ``action_id`` (see ``qt.actions``)."""
        return self.commands[action_id]

    def _retranslate(self) -> None:
        self.commands.retranslate()
        self.find_panel.retranslate()
        self.event_panel.retranslate()
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
        return self.editing.document_id

    def open_document(self, document_id: int) -> None:
        self.editing.open_document(document_id)

    def _on_document_opened(self, document_id: int) -> None:
        if self.editing.loading():
            # A long document's list is filled once its spans are all read: drawing a
            # list of its first ones as well made opening it one long turn.
            self.spans.set_document("", [])
        else:
            self.spans.set_document(self.view.text(), self.view.spans())
        self._select_row_of(document_id)
        self._update_status_bar()
        self.commands.update_enabled(self.editing)
        if self.focusWidget() is not self.document_table:  # browsing the list by keys stays
            self.view.setFocus()

    def _on_spans_loaded(self, _document_id: int) -> None:
        if self.spans.rowCount() != len(self.view.highlights()):  # a long document's list
            self.spans.set_document(self.view.text(), self.view.spans())

    def _select_row_of(self, document_id: int) -> None:
        row = self.documents.row_of(document_id)
        selection = self.document_table.selectionModel()
        # A flag, not blockSignals: the table must still hear the selection change.
        self._following_document = True
        if row is None:
            selection.clear()
        elif selection.currentIndex().row() != row:  # else chosen in the list: keep its selection
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
            self.editing.show_document(self.documents.document_id(current.row()))

    def _apply_filter(self) -> None:
        self.documents.set_filter(self.status_filter.currentData(), self.title_filter.text())

    def _on_list_reset(self) -> None:
        """The list was filled anew: keep the open document's row, or open the first."""
        document_id = self.editing.document_id
        if document_id is not None:
            self._select_row_of(document_id)
        elif self.documents.rowCount():
            self.editing.open_document(self.documents.document_id(0))
        self._update_status_bar()

    # -- palette and span list ----------------------------------------------------------------

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

    # -- following the project ----------------------------------------------------------------

    def _on_changes(self, changes: Changes) -> None:
        """The article, the span list and the status bar; the list models follow on their own."""
        document_id = self.editing.document_id
        if changes.labels:
            self.view.set_labels(self.project.labels())
        links_only = changes == Changes(links=changes.links)  # the spans are as they were
        if document_id is not None and changes.shown_in(document_id) and not links_only:
            selected = self.view.selected_span()
            added = self.editing.spans_added(changes)
            if added is not None:  # proposals arriving: the highlights shown stay
                self.view.add_spans(added)
                spans = self.view.spans()
            else:
                spans = self.editing.show_spans_again()
            self.spans.set_document(self.view.text(), spans)
            if selected is not None:
                self._on_span_selected(self.view.selected_span())
        self.linking.follow(changes)
        # Counts are of accepted spans: proposals and links change none the status bar shows.
        if changes != Changes(suggestions=changes.suggestions) and not links_only:
            self._update_status_bar()

    def _update_status_bar(self) -> None:
        document_id = self.editing.document_id
        if document_id is None:
            self.position_label.setText(self.tr("No document"))
            self.counts_label.clear()
            return
        row = self.documents.row_of(document_id)
        total = self.documents.rowCount()
        if row is None:
            self.position_label.setText(self.tr("Document not in the list"))
        else:
            self.position_label.setText(
                self.tr("Document %1 of %2").replace("%1", str(row + 1)).replace("%2", str(total))
            )
        self.editing.background.cancel(self._counting)  # its counts would be out of date
        self._counting = None
        reader = self.project.label_counts_reader(document_id) if self.editing.loading() else None
        if reader is not None:  # a long document: counted in the worker, not while it opens
            self.counts_label.clear()
            message = QCoreApplication.translate("MainWindow", "Reading the spans…")
            self._counting = self.editing.background.run(reader, self._show_counts, message)
            return
        self._show_counts(self.project.label_counts(document_id))

    def _show_counts(self, counts: dict[str, int]) -> None:
        self._counting = None
        labels = self.project.labels()
        self.counts_label.setText(
            "   ".join(
                f"{labels.get(name).display_name if name in labels else name}: {count}"
                for name, count in counts.items()
            )
        )

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
        self.panels.restore_state(self.settings.value("window/panels"))
        zoom = self.settings.value("view/zoom", 0, type=int)
        self.view.set_zoom(zoom if isinstance(zoom, int) else 0)
        last = self.settings.value(self._last_document_key())
        ids = set(self.project.document_ids()) if last is not None else set()
        if last is not None and int(last) in ids:
            self.editing.open_document(int(last))
        else:
            self._on_list_reset()

    def save_settings(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/panels", self.panels.save_state())
        self.settings.setValue("view/zoom", self.view.zoom())
        if self.editing.document_id is not None:
            self.settings.setValue(self._last_document_key(), self.editing.document_id)
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        # Every edit is already in the project file; only the window's state is left.
        self.save_settings()
        if not self._closed:
            for follower in self._followers:
                self.project.unsubscribe(follower)
            self.editing.close()
            self.document_actions.close()
            self.suggester.close()
        self._closed = True
        super().closeEvent(event)
