"""The labels table: adding, renaming and recolouring labels (reading is the
connection's, ``ProjectConnection.labels``, since every write is checked against it)."""

from __future__ import annotations

from annotator.core.changes import Changes
from annotator.core.errors import EditError
from annotator.core.labels import Label
from annotator.storage.connection import ProjectConnection


class LabelTable(ProjectConnection):
    """Writes to ``labels``; spans follow a renamed label by ON UPDATE CASCADE."""

    def add_label(self, label: Label) -> None:
        if label.name in self.labels():
            raise EditError(f"label {label.name!r} already exists")
        with self.transaction():
            self._insert_label(label)
        self.publish(Changes(labels=True))

    def _insert_label(self, label: Label) -> None:
        position = self._next_position("labels")
        self.conn.execute(
            "INSERT INTO labels (name, display_name, color, key, position) VALUES (?, ?, ?, ?, ?)",
            (label.name, label.display_name, label.color, label.key, position),
        )
        self._labels = None

    def update_label(
        self,
        name: str,
        *,
        new_name: str | None = None,
        display_name: str | None = None,
        color: str | None = None,
        key: str | None = None,
    ) -> Label:
        """Rename or recolour a label; spans follow a new name (ON UPDATE CASCADE)."""
        old = self.labels().get(name)
        updated = Label(
            new_name or old.name,
            display_name if display_name is not None else old.display_name,
            color or old.color,
            key if key is not None else old.key,
        )
        if updated.name != old.name and updated.name in self.labels():
            raise EditError(f"label {updated.name!r} already exists")
        with self.transaction():
            self.conn.execute(
                "UPDATE labels SET name = ?, display_name = ?, color = ?, key = ? WHERE name = ?",
                (updated.name, updated.display_name, updated.color, updated.key, name),
            )
            self._labels = None
        self.publish(Changes(labels=True))
        return updated
