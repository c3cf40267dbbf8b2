"""Export a project's documents through a registered exporter: to a stream, a file or a folder.

Python API (the CLI and the window's Export dialog both call ``export_project``)::

    report = export_project(
        project, "out/dataset", fmt="hf",
        statuses=[Status.DONE], labels=None, annotators=["amal"],
        since="2026-11-01", until="2026-11-30",
        split="0.8,0.1,0.1", seed=13,
        progress=lambda documents_read: ...,
    )
    report.documents, report.spans_written, report.parts, report.messages()

Output: a STREAM format without a split writes one file (or a text stream);
with a split, ``destination`` is a folder holding train/dev/test files. FOLDER
formats (brat, hf) always write a folder; FILE formats (spacy) write one file,
or a folder of train/dev/test files with a split. A folder output must be new
or empty; it is filled under a temporary name beside it and renamed at the
end, so a failed or cancelled export leaves nothing half-written.

Filters: ``statuses`` keeps documents with one of the statuses; ``labels``
keeps only spans with these labels; ``annotators`` keeps only spans by these
annotators and drops documents where they made none (a document nobody of them
touched is not a document without entities). ``since``/``until`` (a date
``2026-11-01`` or an ISO time; a time without zone is UTC; a date ``until``
includes that whole day) keep the documents that have at least one span
created or changed in that window (the span's ``updated`` time), with all
their spans that pass the other filters. A split is by document (see
``annotator.io.splits``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager
from datetime import UTC, date, datetime, timedelta
from operator import attrgetter
from pathlib import Path
from typing import Any, TextIO

from annotator.core.cyclic_gc import paused_then_frozen
from annotator.core.errors import AnnotatorError
from annotator.core.events import Link
from annotator.core.model import Document, Span, Status
from annotator.io.output_paths import checked_output
from annotator.io.registry import Exporter, Holds, Layout, RecordSink, exporter
from annotator.io.report import ExportContext, ExportReport
from annotator.io.splits import Split
from annotator.io.tokens import Tokenize
from annotator.storage.files import (
    atomic_file,
    atomic_folder,
    atomic_text_writer,
    scratch_folder,
)
from annotator.storage.project import Project

Progress = Callable[[int], None]
_ATTRIBUTES = attrgetter("attributes")
TimeBound = datetime | date | str | None


def selected_records(
    project: Project,
    statuses: Iterable[Status] | None = None,
    labels: Iterable[str] | None = None,
    progress: Progress | None = None,
    annotators: Iterable[str] | None = None,
    since: TimeBound = None,
    until: TimeBound = None,
) -> Iterator[tuple[Document, list[Span]]]:
    """The documents to export with their accepted spans (see ``selected_linked_records``)."""
    records = selected_linked_records(project, statuses, labels, progress, annotators, since, until)
    for document, spans, _links in records:
        yield document, spans


def selected_linked_records(
    project: Project,
    statuses: Iterable[Status] | None = None,
    labels: Iterable[str] | None = None,
    progress: Progress | None = None,
    annotators: Iterable[str] | None = None,
    since: TimeBound = None,
    until: TimeBound = None,
    ids: tuple[int, int] | None = None,
) -> Iterator[tuple[Document, list[Span], list[Link]]]:
    """The documents to export with their accepted spans, and the links between the
    spans kept (a link to a span left out by ``labels`` or ``annotators`` is left out);
    with ``ids``, of the documents whose id lies between the two (one worker's share)."""

    def read(filtered: bool) -> Iterator[tuple[Document, list[Span], list[Link]]]:
        return project.iter_documents_with_links(statuses, ids)

    def kept_links(links: list[Link], spans: list[Span]) -> list[Link]:
        if not links:
            return links
        kept = {span.id for span in spans}
        return [link for link in links if link.event in kept and link.argument in kept]

    selection = (labels, progress, annotators, since, until)
    return _selected(project, selection, read, kept_links)


def selected_records_counting_links(
    project: Project,
    statuses: Iterable[Status] | None = None,
    labels: Iterable[str] | None = None,
    progress: Progress | None = None,
    annotators: Iterable[str] | None = None,
    since: TimeBound = None,
    until: TimeBound = None,
    ids: tuple[int, int] | None = None,
) -> Iterator[tuple[Document, list[Span], int]]:
    """``selected_linked_records`` for a format that cannot hold links: with the number
    of links between the spans kept instead of the links, counted by SQLite or, when
    spans are filtered out, from the span ids at their ends (making and checking each
    link, only to count it, was a tenth of an IOB2 export)."""

    def read(filtered: bool) -> Iterator[tuple[Document, list[Span], Any]]:
        if filtered:
            return project.iter_documents_with_link_ends(statuses, ids)
        return project.iter_documents_with_link_counts(statuses, ids)

    def kept_count(ends: list[tuple[int, int]], spans: list[Span]) -> int:
        if not ends:
            return 0
        kept = {span.id for span in spans}
        return sum(1 for event, argument in ends if event in kept and argument in kept)

    selection = (labels, progress, annotators, since, until)
    return _selected(project, selection, read, kept_count)


def _selected(
    project: Project,
    selection: tuple[
        Iterable[str] | None, Progress | None, Iterable[str] | None, TimeBound, TimeBound
    ],
    read: Callable[[bool], Iterator[tuple[Document, list[Span], Any]]],
    kept: Callable[[Any, list[Span]], Any],
) -> Iterator[tuple[Document, list[Span], Any]]:
    """The records ``read(filtered)`` gives, their spans filtered by ``selection`` and
    their links by ``kept(links, spans kept)`` when spans were filtered out by label or
    annotator."""
    labels, progress, annotators, since, until = selection
    wanted_labels = known_labels(project, labels)
    wanted_annotators = set(annotators) if annotators else None
    window = time_window(since, until)
    filtered = wanted_labels is not None or wanted_annotators is not None
    for count, (document, spans, links) in enumerate(read(filtered), start=1):
        if progress is not None:
            progress(count)
        if wanted_labels is not None:
            spans = [span for span in spans if span.label in wanted_labels]
        if wanted_annotators is not None:
            spans = [span for span in spans if span.annotator in wanted_annotators]
            if not spans:
                continue
        if window is not None and not any(window(span.updated) for span in spans):
            continue
        yield document, spans, kept(links, spans) if filtered else links


def known_labels(project: Project, labels: Iterable[str] | None) -> set[str] | None:
    """The labels asked for, all of them the project's; None when not asked."""
    wanted_labels = set(labels) if labels else None
    if wanted_labels:
        unknown = wanted_labels - set(project.labels().names())
        if unknown:
            raise AnnotatorError(f"unknown label(s): {', '.join(sorted(unknown))}")
    return wanted_labels


def time_window(since: TimeBound, until: TimeBound) -> Callable[[str], bool] | None:
    """A test of a stored time (ISO text) against [since, until]; None without bounds."""
    if since is None and until is None:
        return None
    low = _bound(since, "since") if since is not None else None
    high = None
    if until is not None:
        high = _bound(until, "until")
        if not isinstance(until, datetime) and _is_date(until):  # the whole day
            high += timedelta(days=1) - timedelta(microseconds=1)

    def inside(stamp: str) -> bool:
        if not stamp:
            return False
        moment = _aware(datetime.fromisoformat(stamp))
        return (low is None or moment >= low) and (high is None or moment <= high)

    return inside


def _is_date(value: date | str) -> bool:
    if isinstance(value, date):
        return True
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _bound(value: datetime | date | str, name: str) -> datetime:
    if isinstance(value, datetime):
        return _aware(value)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=UTC)
    try:
        return _aware(datetime.fromisoformat(value))
    except ValueError:
        raise AnnotatorError(
            f"--{name} {value!r}: give a date (2026-11-01) or an ISO time (2026-11-01T14:30)"
        ) from None


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def export_project(
    project: Project,
    destination: Path | str | TextIO,
    fmt: str = "native",
    statuses: Iterable[Status] | None = None,
    labels: Iterable[str] | None = None,
    progress: Progress | None = None,
    *,
    split: Split | str | None = None,
    seed: int = 13,
    annotators: Iterable[str] | None = None,
    since: TimeBound = None,
    until: TimeBound = None,
    tokenize: Tokenize | None = None,
    workers: int | None = None,
) -> ExportReport:
    """Write the selected documents; return what was written and what was left out.

    ``progress`` is called with the number of documents read so far; an
    exception raised from it cancels the export and nothing is left behind.
    ``workers``: how many processes write a format that allows it (see
    ``annotator.io.export_workers``); by default one a core for a large export.
    """
    writer = exporter(fmt)
    if isinstance(split, str):
        split = Split.parse(split, seed)
    context = ExportContext(writer.name, tokenize)
    context.events = project.event_schema()
    context.workers = workers
    selection = (statuses, labels, annotators, since, until)
    schema = project.labels()
    report = context.report

    def drain_all(sinks: dict[str | None, RecordSink]) -> None:
        with context.closing:
            _drain_selected(project, writer, selection, sinks, split, context, progress, workers)

    if not isinstance(destination, str | Path):
        if split is not None or writer.layout is not Layout.STREAM:
            raise AnnotatorError(
                f"{writer.name} {'with a split ' if split else ''}writes"
                f" {'a folder' if split or writer.layout is Layout.FOLDER else 'a binary file'};"
                " give an output path"
            )
        drain_all({None: writer.open(destination, schema, context, None)})
        return report
    folder = writer.writes_folder(split is not None)
    path = Path(destination)
    checked_output(project.path, path, folder)
    context.destination = path
    try:
        if not folder:
            with _single_output(writer, path) as target:
                drain_all({None: writer.open(target, schema, context, None)})
        else:
            with _staged_folder(path) as root, ExitStack() as outputs:
                parts = split.names if split is not None else (None,)
                sinks: dict[str | None, RecordSink] = {}
                for part in parts:
                    target = root if part is None else writer.part_target(root, part)
                    sinks[part] = writer.open(
                        _open_part(writer, target, outputs), schema, context, part
                    )
                drain_all(sinks)
                writer.finish_folder(root, schema, context)
    except OSError as exc:  # anything the writers met that the atomic helpers did not name
        raise AnnotatorError(
            f"{path}: not written ({exc.strerror or exc}); any earlier file there is unchanged"
        ) from None
    report.outputs.append(path)
    return report


def _drain_selected(
    project: Project,
    writer: Exporter,
    selection: tuple[
        Iterable[Status] | None, Iterable[str] | None, Iterable[str] | None, TimeBound, TimeBound
    ],
    sinks: dict[str | None, RecordSink],
    split: Split | None,
    context: ExportContext,
    progress: Progress | None,
    workers: int | None,
) -> None:
    """The selected documents through ``sinks``: by worker processes when the format and
    the export allow it and it is large enough, else here."""
    statuses, labels, annotators, since, until = selection
    holds = Holds.LINKS in writer.format.holds
    if (
        writer.in_workers
        and context.tokenize is None
        and project.path is not None
        and not project.conn.in_transaction
    ):
        # Workers open the project file: it has one, and no transaction open here holds
        # writes they would not see.
        from annotator.io import export_workers

        ids = project.document_ids()
        count = export_workers.worker_count(workers, len(ids))
        if count > 1:
            chosen = export_workers.Selection(
                tuple(statuses) if statuses is not None else None,
                tuple(labels) if labels is not None else None,
                tuple(annotators) if annotators is not None else None,
                since,
                until,
            )
            known_labels(project, chosen.labels)  # refused here, before any worker starts
            report = context.report
            with ExitStack() as scratch:
                # Beside the output (the same disk): where the workers write their chunks.
                chunks = (
                    scratch.enter_context(scratch_folder(context.destination))
                    if context.destination is not None
                    else None
                )
                export_workers.drain_in_workers(
                    project.path,
                    ids,
                    writer.name,
                    chosen,
                    sinks,
                    split,
                    report,
                    progress,
                    count,
                    chunks,
                )
            return
    read = selected_linked_records if holds else selected_records_counting_links
    records = read(project, statuses, labels, progress, annotators, since, until)
    drain(records, sinks, split, context.report)


def drain(
    records: Iterable[tuple[Document, list[Span], list[Link]]]
    | Iterable[tuple[Document, list[Span], int]],
    sinks: dict[str | None, RecordSink],
    split: Split | None,
    report: ExportReport,
) -> None:
    """Hand each record to its part's sink. A format that cannot hold links (its
    declaration lacks ``Holds.LINKS``) has them counted (its records carry their number:
    ``selected_records_counting_links``), and the spans' attributes."""
    if split is not None:
        report.parts = dict.fromkeys(split.names, 0)
    # Collections wait while the documents are read: the reading makes no cycle, and a
    # sink that keeps every record (spaCy's DocBin) had the collector walk the growing
    # heap again and again (0.14 of 1.0 CPU s at 10,000 documents). What is kept is then
    # frozen, not left young: the next collection would walk it all, here and in each
    # worker forked to build the Docs. The writers make a few dozen cyclic objects a
    # whole export, none a document; frozen with the rest, they wait as qt.collector's do.
    with paused_then_frozen():
        for document, spans, links in records:
            part = split.part_of(document) if split is not None else None
            if isinstance(links, int):
                report.links_not_written += links
                report.attributes_not_written += sum(map(len, map(_ATTRIBUTES, spans)))
                sinks[part].add(document, spans)
            else:
                sinks[part].add_linked(document, spans, links)
            report.documents += 1
            if part is not None:
                report.parts[part] += 1
    for sink in sinks.values():
        sink.finish()


@contextmanager
def _single_output(writer: Exporter, path: Path) -> Iterator[TextIO | Path]:
    if path.is_dir():
        raise AnnotatorError(f"{path}: is a folder; {writer.name} writes one file here")
    if writer.layout is Layout.STREAM:
        with atomic_text_writer(path) as stream:
            yield stream
    else:
        with atomic_file(path) as part:
            yield part


def _open_part(writer: Exporter, target: Path, outputs: ExitStack) -> TextIO | Path:
    if writer.layout is Layout.STREAM:
        return outputs.enter_context(target.open("w", encoding="utf-8", newline="\n"))
    if writer.layout is Layout.FOLDER:
        target.mkdir(parents=True, exist_ok=True)
    return target


@contextmanager
def _staged_folder(path: Path) -> Iterator[Path]:
    """A new folder filled under a temporary name and renamed to ``path`` when complete."""
    if path.exists() and not path.is_dir():
        raise AnnotatorError(f"{path}: is a file; this export writes a folder")
    if path.is_dir() and any(path.iterdir()):
        raise AnnotatorError(f"{path}: folder is not empty; choose a new or empty folder")
    with atomic_folder(path) as staging:
        yield staging
