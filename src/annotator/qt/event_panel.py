"""The event panel: the selected event's type and its arguments with their roles.

It lists the event being linked, or else the selected event span. The type is chosen
from the project's event types; each argument's role from the roles that exist; Remove
takes the link away. Every change is one undoable command (``Editing.push``); a change
the schema refuses saves nothing and the status bar says why.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import AnnotatorError
from annotator.core.events import TYPE_ATTRIBUTE, attribute
from annotator.core.link_edits import ChangeLinkRole, RemoveLink, SetEventType
from annotator.qt.editing import Editing
from annotator.qt.linking import Linking

ROLE, ARGUMENT, REMOVE = range(3)


class EventPanel(QWidget):
    """Type and arguments of one event span; hidden while no event is chosen."""

    def __init__(self, editing: Editing, linking: Linking, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("event_panel")
        self._editing = editing
        self._linking = linking
        self._event: int | None = None
        self.title = QLabel()
        self.title.setWordWrap(True)  # a long span text does not widen the panel
        self.type_combo = QComboBox()
        self.type_combo.setObjectName("event_type")
        self.type_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.type_combo.setMinimumContentsLength(4)
        self.arguments = QTableWidget(0, 3)
        self.arguments.setObjectName("event_arguments")
        self.arguments.verticalHeader().hide()
        self.arguments.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.arguments.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.arguments.horizontalHeader()
        header.setSectionResizeMode(ROLE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(ARGUMENT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(REMOVE, QHeaderView.ResizeMode.Interactive)
        self.arguments.setMinimumWidth(60)
        self.arguments.setMaximumHeight(160)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.type_combo)
        layout.addWidget(self.arguments)
        self.type_combo.activated.connect(self._on_type_chosen)
        linking.eventChanged.connect(self.show_event)
        linking.linksChanged.connect(lambda: self.show_event(linking.shown_event()))
        self.retranslate()
        self.show_event(None)

    def retranslate(self) -> None:
        self.arguments.setHorizontalHeaderLabels([self.tr("Role"), self.tr("Argument"), ""])
        self.show_event(self._event)

    def event_id(self) -> int | None:
        return self._event

    def show_event(self, span_id: int | None) -> None:
        span = self._linking.span(span_id)
        if span is None or not self._linking.is_event(span):
            self._event = None
            self.title.setText(self.tr("Event: select an event span (R links it)"))
            self.type_combo.clear()
            self.arguments.setRowCount(0)
            # Only the hint: the span list keeps the room while no event is chosen.
            self.type_combo.hide()
            self.arguments.hide()
            return
        self._event = event_id = span.id
        assert event_id is not None
        schema = self._linking.schema()
        self.title.setText(self.tr("Event: %1").replace("%1", self._linking.span_text(span_id)))  # type: ignore[arg-type]
        self.type_combo.blockSignals(True)
        self.type_combo.clear()
        self.type_combo.addItem(self.tr("(no type)"), None)
        right_to_left = QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
        for event_type in schema.event_types:
            shown = event_type.display_name if right_to_left else event_type.name
            self.type_combo.addItem(shown, event_type.name)
        current = attribute(span.attributes, TYPE_ATTRIBUTE)
        self.type_combo.setCurrentIndex(max(self.type_combo.findData(current), 0))
        self.type_combo.show()
        self.arguments.show()
        self.type_combo.blockSignals(False)
        arcs = self._editing.view.arcs
        links = arcs.links_of(event_id)
        self.arguments.setRowCount(len(links))
        for row, link in enumerate(links):
            roles = QComboBox()
            for role in schema.roles:
                roles.addItem(arcs.role_text(role.name), role.name)
            roles.setCurrentIndex(max(roles.findData(link.role), 0))
            roles.activated.connect(
                lambda _index, combo=roles, link_id=link.id: self._on_role_chosen(
                    link_id, combo.currentData()
                )
            )
            self.arguments.setCellWidget(row, ROLE, roles)
            item = QTableWidgetItem(self._linking.span_text(link.argument))
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.arguments.setItem(row, ARGUMENT, item)
            remove = QToolButton()
            remove.setText("✕")
            remove.setToolTip(self.tr("Remove this link"))
            remove.setObjectName(f"remove_link_{link.id}")
            remove.clicked.connect(lambda _checked=False, link_id=link.id: self._remove(link_id))
            self.arguments.setCellWidget(row, REMOVE, remove)
            # Cell widgets do not size their columns: the combo and button are read whole.
            self.arguments.setColumnWidth(
                ROLE, max(self.arguments.columnWidth(ROLE), roles.sizeHint().width())
            )
            self.arguments.setColumnWidth(REMOVE, remove.sizeHint().width())

    def _say_refused(self, error: AnnotatorError) -> None:
        self._editing.say(self.tr("Nothing changed: %1").replace("%1", str(error)))

    def _on_type_chosen(self, _index: int) -> None:
        if self._event is None:
            return
        chosen = self.type_combo.currentData()
        if self._editing.push(SetEventType(self._event, chosen), report=self._say_refused):
            self._editing.say(
                self.tr("Event type set: %1").replace("%1", self.type_combo.currentText())
            )

    def _on_role_chosen(self, link_id: int, role: str) -> None:
        if self._linking.push(ChangeLinkRole(link_id, role), report=self._say_refused):
            self._editing.say(self.tr("Role changed."))
        else:
            self.show_event(self._event)  # the combo shows the role the link kept

    def _remove(self, link_id: int) -> None:
        if self._linking.push(RemoveLink(link_id), report=self._say_refused):
            self._editing.say(self.tr("Link removed."))
