"""The default project starts with the sample article, once."""

from __future__ import annotations

from annotator.assets import seed_files
from annotator.core.model import Document, Span, title_from_text
from annotator.io.decoding import decode_bytes
from annotator.storage.project import Project

SEEDED_KEY = "seeded"


def ensure_seeded(project: Project) -> None:
    """Import the sample article(s) into an empty project that was never seeded."""
    if project.info(SEEDED_KEY) is not None or project.document_count() > 0:
        return
    records: list[tuple[Document, list[Span]]] = []
    for entry in seed_files():
        text = decode_bytes(entry.read_bytes(), entry.name)
        records.append(
            (Document(title=title_from_text(text, entry.name), text=text, source=entry.name), [])
        )
    project.import_documents(records)
    project.set_info(SEEDED_KEY, "1")
