"""The project_info table: small facts about the project, by key."""

from __future__ import annotations

from annotator.storage.connection import ProjectConnection

PUT_INFO = (
    "INSERT INTO project_info (key, value) VALUES (?, ?)"
    " ON CONFLICT(key) DO UPDATE SET value = excluded.value"
)


class InfoTable(ProjectConnection):
    """Reads and writes ``project_info``."""

    def info(self, key: str, default: str | None = None) -> str | None:
        row = self.conn.execute("SELECT value FROM project_info WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_info(self, key: str, value: str) -> None:
        with self.transaction():
            self.put_info(key, value)

    def put_info(self, key: str, value: str) -> None:
        """``set_info`` within the caller's transaction."""
        self.conn.execute(PUT_INFO, (key, value))
