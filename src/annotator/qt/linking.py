"""Linking by keys: an event span, then its arguments, each with a role key.

With an event span selected, **R** starts linking from it. **Tab** / **Shift+Tab** (or a
click) choose the argument: the next / previous span a role can take, in the order of the
text, starting from the event. A role's key (its letter, ``a`` agent, ``t`` target...) or
its number in the role list (1-4, which also works on an Arabic keyboard layout) links
the chosen span in that role; linking goes on from the same event, so a second agent is
one more Tab and key away. **Esc** ends it (the event selected again). Each link is one
undoable command (``Editing.push``: undo command -> core edit -> storage); a link the
schema refuses saves nothing, and the status bar says why.

The controller also keeps the article's arcs (``qt.arcs``) and the event panel in step
with the project's links.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent

from annotator.core.changes import Changes
from annotator.core.edits import Edit
from annotator.core.errors import AnnotatorError
from annotator.core.events import EventSchema, Role
from annotator.core.link_edits import AddLink, ChangeLinkRole, RemoveLink, RestoreLink
from annotator.core.model import Origin, Span
from annotator.qt.editing import Editing

# A key's modifiers, the keypad's left out (computed once: Python makes a flag's
# complement the first time it is asked for, 0.1 ms of the first key press).
_NOT_KEYPAD = ~Qt.KeyboardModifier.KeypadModifier


class Linking(QObject):
    """The link mode of the article, and the links the article and panel show."""

    eventChanged = Signal(object)  # the event span the panel shows: being linked or selected
    linksChanged = Signal()

    def __init__(self, editing: Editing):
        super().__init__(editing)
        self._editing = editing
        self._project = editing.project
        self._view = editing.view
        self._event: int | None = None  # the event being linked from, while linking
        self._shown_event: int | None = None
        self._pushing = False  # a link edit of ours is being applied (see ``push``)
        self._schema = self._project.event_schema()
        self._view.installEventFilter(self)
        self._view.spanSelected.connect(self._on_span_selected)
        editing.documentOpened.connect(self._on_document_opened)

    # -- state --------------------------------------------------------------------------------

    def active(self) -> bool:
        return self._event is not None

    def linking_event(self) -> int | None:
        return self._event

    def shown_event(self) -> int | None:
        """The event the panel lists: the one being linked, else the selected event span."""
        return self._shown_event

    def schema(self) -> EventSchema:
        return self._schema

    def span(self, span_id: int | None) -> Span | None:
        return self._view.arcs.span(span_id)

    def span_text(self, span_id: int) -> str:
        span = self.span(span_id)
        return self._view.text()[span.start : span.end] if span is not None else f"#{span_id}"

    def is_event(self, span: Span | None) -> bool:
        return (
            span is not None
            and span.origin is not Origin.SUGGESTED
            and span.label in self._schema.event_labels
        )

    # -- the mode -----------------------------------------------------------------------------

    def start(self) -> None:
        """R: link from the selected event span."""
        span = self.span(self._view.selected_span())
        if not self.is_event(span):
            self._editing.say(
                self.tr("Nothing to link from: select an event span first, then press R.")
            )
            return
        assert span is not None
        self._event = span.id
        self._view.arcs.set_focus(span.id)
        self._show_event(span.id)
        self._editing.say(
            self.tr("Linking %1: Tab chooses an argument, then a role key (%2); Esc ends.")
            .replace("%1", self.span_text(span.id))  # type: ignore[arg-type]
            .replace("%2", self._role_keys()),
            0,
        )

    def cancel(self) -> None:
        event, self._event = self._event, None
        if event is None:
            return
        self._view.select_span(event if self.span(event) is not None else None)
        self._editing.say(self.tr("Linking ended."))

    def step(self, direction: int) -> None:
        """Tab / Shift+Tab: the next / previous span a role accepts, from the chosen one."""
        event = self.span(self._event)
        if event is None:
            self.cancel()
            return
        accepted = set().union(*(role.accepts for role in self._schema.roles))
        spans = [
            s
            for s in self._view.spans()
            if s.label in accepted and s.origin is not Origin.SUGGESTED and s.id != event.id
        ]
        if not spans:
            self._editing.say(self.tr("No span here can be an argument: tag one first."))
            return
        current = self.span(self._view.selected_span())
        here = current if current is not None and current.id != event.id else event
        key = (here.start, here.end, here.id or 0)
        if direction > 0:
            after = [s for s in spans if (s.start, s.end, s.id or 0) > key]
            chosen = after[0] if after else spans[0]
        else:
            before = [s for s in spans if (s.start, s.end, s.id or 0) < key]
            chosen = before[-1] if before else spans[-1]
        self._view.select_span(chosen.id, scroll=True)
        self._say_chosen(chosen)

    def _say_chosen(self, span: Span) -> None:
        self._editing.say(
            self.tr("Argument %1: press a role key (%2); Esc ends.")
            .replace("%1", self.span_text(span.id))  # type: ignore[arg-type]
            .replace("%2", self._role_keys()),
            0,
        )

    def link(self, role: Role) -> None:
        """A role key: link the chosen span to the event in this role."""
        argument = self._view.selected_span()
        if self._event is None:
            return
        if argument is None or argument == self._event:
            self._editing.say(self.tr("Not linked: choose an argument with Tab first."))
            return

        def refused(error: AnnotatorError) -> None:
            self._editing.say(self.tr("Not linked: %1").replace("%1", str(error)))

        if self.push(AddLink(self._event, argument, role.name), report=refused):
            self._editing.say(
                self.tr("Linked %1 as %2 of %3. Tab: another argument; Esc ends.")
                .replace("%1", self.span_text(argument))
                .replace("%2", self._view.arcs.role_text(role.name))
                .replace("%3", self.span_text(self._event)),
                0,
            )

    def _role_keys(self) -> str:
        return ", ".join(
            f"{role.key or number} {self._view.arcs.role_text(role.name)}"
            for number, role in enumerate(self._schema.roles, start=1)
        )

    def role_for_key(self, event: QKeyEvent) -> Role | None:
        """The role a key press names: its letter, or its place in the list (any digits)."""
        text = event.text()
        if len(text) != 1:
            return None
        digit = unicodedata.digit(text, None)
        roles = self._schema.roles
        if digit is not None:
            return roles[digit - 1] if 1 <= digit <= len(roles) else None
        return next((role for role in roles if role.key and role.key == text.lower()), None)

    # -- keys while linking -------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._event is None or watched is not self._view:
            return False
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        assert isinstance(event, QKeyEvent)
        modifiers = event.modifiers() & _NOT_KEYPAD
        key = event.key()
        handled = key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Escape) or (
            modifiers in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier)
            and len(event.text()) == 1
            and event.text().isprintable()
        )
        if not handled:
            return False  # arrows, Page Down, Ctrl+Z... work as ever
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()  # the key comes to us, not to the Tab or label shortcuts
            return True
        if key == Qt.Key.Key_Escape:
            self.cancel()
        elif key == Qt.Key.Key_Backtab or (
            key == Qt.Key.Key_Tab and modifiers & Qt.KeyboardModifier.ShiftModifier
        ):
            self.step(-1)
        elif key == Qt.Key.Key_Tab:
            self.step(+1)
        else:
            role = self.role_for_key(event)
            if role is None:
                self._editing.say(
                    self.tr("Not a role key. Role keys: %1; Esc ends.").replace(
                        "%1", self._role_keys()
                    ),
                    0,
                )
            else:
                self.link(role)
        return True

    # -- following the view and the project ------------------------------------------------

    def _on_span_selected(self, span_id: int | None) -> None:
        if self._event is not None:
            if self.span(self._event) is None:  # the event was deleted meanwhile
                self._event = None
            else:
                chosen = self.span(span_id)
                if chosen is not None and chosen.id != self._event:
                    self._say_chosen(chosen)  # a click chose the argument
                return
        span = self.span(span_id)
        self._view.arcs.set_focus(span_id if self.is_event(span) else None)
        self._show_event(span_id if self.is_event(span) else None)

    def _show_event(self, span_id: int | None) -> None:
        self._shown_event = span_id
        self.eventChanged.emit(span_id)

    def _on_document_opened(self, _document: int) -> None:
        self._event = None
        self._view.arcs.set_focus(None)
        self._show_event(None)
        self._refresh_links()

    def push(self, edit: Edit, report: Callable[[AnnotatorError], None]) -> Edit | None:
        """A link edit of this window, as an undoable command. The arcs take the one
        link it changed, rather than reading the document's links again (2,000 links:
        tens of ms, more than a key press may take); undo and redo read them all."""
        self._pushing = True
        try:
            inverse = self._editing.push(edit, report=report)
        finally:
            self._pushing = False
        arcs = self._view.arcs
        if isinstance(inverse, RemoveLink):  # a link added
            arcs.put_link(self._project.get_link(inverse.link_id))
        elif isinstance(inverse, RestoreLink):  # a link removed
            assert inverse.link.id is not None
            arcs.drop_link(inverse.link.id)
        elif isinstance(inverse, ChangeLinkRole):
            arcs.put_link(self._project.get_link(inverse.link_id))
        if inverse is not None:
            self.linksChanged.emit()
        return inverse

    def follow(self, changes: Changes) -> None:
        """After the window showed the open document's new spans (its ``_on_changes``)."""
        if self._pushing and changes == Changes(links=changes.links):
            return  # ``push`` puts the one link in place
        if changes.roles:
            self._schema = self._project.event_schema()
        document = self._editing.document_id
        if document is None or not changes.shown_in(document):
            return
        # Every edit that adds, removes or re-roles a link says so (deleting a span with
        # links included): a tag re-reads no links and repaints no arcs.
        if changes.roles or document in changes.links | changes.added | changes.removed:
            self._refresh_links()
        else:
            self._follow_spans()

    def _refresh_links(self) -> None:
        document = self._editing.document_id
        links = self._project.links_of_document(document) if document is not None else []
        self._view.arcs.set_links(links, self._schema.roles)
        self._follow_spans()

    def _follow_spans(self) -> None:
        """The event linked or shown may be gone; the panel shows the spans as they are now."""
        if self._event is not None and self.span(self._event) is None:
            self._event = None
        if self._shown_event is not None and self.span(self._shown_event) is None:
            self._show_event(None)
        self.linksChanged.emit()
