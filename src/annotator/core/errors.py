"""Errors the user sees as one clear line; never a traceback."""

from __future__ import annotations


class AnnotatorError(Exception):
    """Base for every error that is reported to the user as a message."""


class ProjectError(AnnotatorError):
    """The project file cannot be opened or written as asked."""


class InputError(AnnotatorError):
    """Bad input: names the file and, where known, the line or byte offset."""

    def __init__(self, source: str, reason: str, line: int | None = None, byte: int | None = None):
        self.source = source
        self.reason = reason
        self.line = line
        self.byte = byte
        super().__init__(self.location() + ": " + reason)

    def location(self) -> str:
        if self.line is not None:
            return f"{self.source}:{self.line}"
        if self.byte is not None:
            return f"{self.source}: byte {self.byte}"
        return self.source


class EditError(AnnotatorError):
    """An edit that would break the project's rules (offsets, labels, ids)."""
