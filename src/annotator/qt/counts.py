"""Messages that count things, in each language's plural forms ("1 document", "2 documents").

Qt picks the form from ``%n`` (Arabic has six). They live here, as ``self.tr`` calls of
one QObject, because that is the form ``pyside6-lupdate`` marks as plural; the parts
that say them (import, export, propose) call these methods.
"""

from __future__ import annotations

from PySide6.QtCore import QObject


class Counts(QObject):
    """Each method: one message with its count (and what else it names)."""

    def imported(self, documents: int, spans: int) -> str:
        return self.tr("Imported %n document(s)", "", documents) + self.tr(
            " and %n span(s).", "", spans
        )

    def already_in_project(self, documents: int) -> str:
        return self.tr("%n already in the project.", "", documents)

    def repeated_spans(self, spans: int, first: str) -> str:
        return self.tr("%n repeated span(s) imported once (first: %1).", "", spans).replace(
            "%1", first
        )

    def exported(self, documents: int) -> str:
        return self.tr("Exported %n document(s).", "", documents)

    def exported_to(self, documents: int, spans: int, destination: str) -> str:
        return self.tr("Exported %n document(s)", "", documents) + self.tr(
            " with %n span(s) to %1.", "", spans
        ).replace("%1", destination)

    def records(self, records: int) -> str:
        return self.tr("%n record(s)", "", records)

    def proposed(self, occurrences: int, documents: int) -> str:
        if not occurrences:
            return self.tr("Proposed %n occurrence(s).", "", occurrences)
        return self.tr("Proposed %n occurrence(s)", "", occurrences) + self.tr(
            " in %n document(s)", "", documents
        )

    def accepted_proposed(self, occurrences: int) -> str:
        return self.tr("Accepted %n proposed occurrence(s).", "", occurrences)
