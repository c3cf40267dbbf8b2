"""Export a project's documents through a registered exporter, to a file or a stream."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TextIO

from annotator.core.errors import AnnotatorError
from annotator.core.model import Document, Span, Status
from annotator.io.registry import exporter
from annotator.storage.files import atomic_text_writer
from annotator.storage.project import Project

Progress = Callable[[int], None]


def selected_records(
    project: Project,
    statuses: Iterable[Status] | None = None,
    labels: Iterable[str] | None = None,
    progress: Progress | None = None,
) -> Iterator[tuple[Document, list[Span]]]:
    wanted_labels = set(labels) if labels else None
    if wanted_labels:
        unknown = wanted_labels - set(project.labels().names())
        if unknown:
            raise AnnotatorError(f"unknown label(s): {', '.join(sorted(unknown))}")
    for count, (document, spans) in enumerate(project.iter_documents(statuses), start=1):
        if wanted_labels is not None:
            spans = [span for span in spans if span.label in wanted_labels]
        yield document, spans
        if progress is not None:
            progress(count)


def export_project(
    project: Project,
    destination: Path | str | TextIO,
    fmt: str = "native",
    statuses: Iterable[Status] | None = None,
    labels: Iterable[str] | None = None,
    progress: Progress | None = None,
) -> int:
    """Write the selected documents; a file is replaced only once all of it is written."""
    writer = exporter(fmt)
    records = selected_records(project, statuses, labels, progress)
    if isinstance(destination, str | Path):
        with atomic_text_writer(Path(destination)) as stream:
            return writer.write(stream, records, project.labels())
    return writer.write(destination, records, project.labels())
