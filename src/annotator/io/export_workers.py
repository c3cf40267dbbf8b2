"""Token exports of many documents written by worker processes, in document order.

A token export (Prodigy, DyGIE++, IOB2, Hugging Face) spends its time on each
document alone: tokens, alignment, JSON. No document's text depends on another's,
so a large export is cut into chunks of consecutive documents (by id), each chunk
read and written by a worker process into text, and the main process writes the
chunks, in order, into the same outputs the single-process export would fill
(staged, renamed once complete). The output is byte for byte the same.

Workers open the project themselves: sending documents to them costs about as
much as writing them. ``progress`` is called in the main process as chunks come
back, with every count the single process would give; an exception from it
stops the workers, and the staged output is dropped as before. Each chunk's
report (spans written, spans left out, what the format could not hold) is merged
in order, so the report is the single process's too.
"""

from __future__ import annotations

import io
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.context import BaseContext
from multiprocessing.pool import Pool
from pathlib import Path
from typing import Any

from annotator.core.errors import AnnotatorError, ProjectError
from annotator.core.model import Status
from annotator.io.registry import Exporter, Holds, RecordSink
from annotator.io.report import ExportContext, ExportReport
from annotator.io.splits import Split

# Below this many documents the workers' start (a process each, the clitic word list
# loaded in each) costs more than it saves.
MIN_DOCUMENTS = 1_000
MAX_WORKERS = 4
_MAX_CHUNK = 200  # documents; small enough for steady progress and bounded memory


@dataclass(frozen=True)
class Selection:
    """What ``selected_linked_records`` is asked for, besides the id range."""

    statuses: tuple[Status, ...] | None
    labels: tuple[str, ...] | None
    annotators: tuple[str, ...] | None
    since: Any
    until: Any


def worker_count(requested: int | None, documents: int) -> int:
    """How many workers an export of ``documents`` uses: ``requested``, or by default,
    when there are enough documents, one for each core that is idle besides this
    process's (at most ``MAX_WORKERS``; 1, no worker, when none is idle: workers on busy
    cores cost more than they save, to send their text back)."""
    if requested is not None:
        return max(1, requested)
    if documents < MIN_DOCUMENTS:
        return 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    busy = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0  # this process included
    idle = int((cores or 1) - max(busy, 1.0))
    return max(1, min(MAX_WORKERS, 1 + idle))


def chunks_of(ids: list[int], workers: int) -> list[tuple[int, int]]:
    """Consecutive id ranges (first, last), several a worker so that all finish together."""
    if not ids:
        return []
    size = max(1, min(_MAX_CHUNK, -(-len(ids) // (workers * 8))))
    return [(ids[at], ids[min(at + size, len(ids)) - 1]) for at in range(0, len(ids), size)]


def drain_in_workers(
    project_path: Path,
    ids: list[int],
    fmt: str,
    selection: Selection,
    sinks: dict[str | None, RecordSink],
    split: Split | None,
    report: ExportReport,
    progress: Callable[[int], None] | None,
    workers: int,
) -> None:
    """Write the selected documents through ``sinks`` (their ``write_utf8``), formatted
    by ``workers`` processes, chunk after chunk in id order; then finish the sinks."""
    if split is not None:
        report.parts = dict.fromkeys(split.names, 0)
    read = 0
    setup = (str(project_path), fmt, selection, split)
    for texts, delta, count in in_workers(
        workers, _start_worker, setup, _export_chunk, chunks_of(ids, workers)
    ):
        for part, text in texts.items():
            sinks[part].write_utf8(text)
        merge_report(report, delta)
        if progress is not None:
            for number in range(read + 1, read + count + 1):
                progress(number)
        read += count
    for sink in sinks.values():
        sink.finish()


def merge_report(report: ExportReport, delta: ExportReport) -> None:
    """Add one chunk's report (of the documents after those already in ``report``)."""
    report.documents += delta.documents
    report.spans_written += delta.spans_written
    for part, count in delta.parts.items():
        report.parts[part] = report.parts.get(part, 0) + count
    for document_id, notes in delta.span_notes.items():
        report.span_notes.setdefault(document_id, []).extend(notes)
    for what, count in delta.not_held.items():
        report.not_held[what] += count
    report.notices.extend(notice for notice in delta.notices if notice not in report.notices)
    report.links_not_written += delta.links_not_written
    report.attributes_not_written += delta.attributes_not_written


def in_workers(
    workers: int,
    start: Callable[..., None],
    setup: tuple[Any, ...],
    task: Callable[[Any], Any],
    chunks: Iterable[Any],
) -> Iterator[Any]:
    """``task(chunk)`` of each chunk, in order, run by ``workers`` processes that each
    ran ``start(*setup)`` first; an AnnotatorError of a worker is raised here (a task
    returns it as a ``Failure``: see ``failure``)."""
    with _pool(workers, start, setup) as pool:
        for outcome in pool.imap(task, chunks):
            if isinstance(outcome, Failure):
                raise outcome.error()
            yield outcome


@contextmanager
def _pool(workers: int, start: Callable[..., None], setup: tuple[Any, ...]) -> Iterator[Pool]:
    """Worker processes, stopped on leaving (a cancel or an error included).

    Forked where this process has one thread and no Qt (the CLI): the workers start with
    everything loaded. A process with other threads (the window's) must not fork itself:
    its workers come from a fork server, which has the export modules loaded.
    """
    methods = multiprocessing.get_all_start_methods()
    single = threading.active_count() == 1 and "PySide6" not in sys.modules
    context: BaseContext
    if "fork" in methods and single:
        context = multiprocessing.get_context("fork")
        _load_before_fork()
    elif "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        multiprocessing.set_forkserver_preload([__name__, *_FORMAT_MODULES])
    else:
        context = multiprocessing.get_context("spawn")
    pool = context.Pool(workers, initializer=start, initargs=setup)
    try:
        yield pool
        pool.close()
    finally:
        pool.terminate()
        pool.join()


def _load_before_fork() -> None:
    """Load here, once, what every worker's tokenizer loads first (its modules, the clitic
    word list, the shipped lexicon): forked workers inherit it instead of each loading its
    own (a third of a second of each worker's start)."""
    from annotator.arabic.clitic_evidence import evidence
    from annotator.arabic.tokens import known_forms

    evidence()
    known_forms(frozenset())


_FORMAT_MODULES = (
    "annotator.io.exporting",
    "annotator.io.jsonl",
    "annotator.io.dygiepp",
    "annotator.io.iob2",
    "annotator.io.hf",
    "annotator.io.tokens",
    "annotator.arabic.tokens",
)


@dataclass(frozen=True)
class Failure:
    """An error a worker met, sent back as its class name and message."""

    kind: str
    message: str

    def error(self) -> AnnotatorError:
        return (
            ProjectError(self.message)
            if self.kind == "ProjectError"
            else AnnotatorError(self.message)
        )


class _Worker:
    """One worker process's project, exporter and tokenizer (warm from chunk to chunk)."""

    def __init__(self, path: str, fmt: str, selection: Selection, split: Split | None):
        from annotator.io.registry import exporter
        from annotator.io.tokens import default_tokenize
        from annotator.storage import open_project

        self.project = open_project(Path(path), create=False)
        self.exporter: Exporter = exporter(fmt)
        self.selection = selection
        self.split = split
        self.schema = self.project.labels()
        self.events = self.project.event_schema()
        self.tokenize = default_tokenize()

    def export(self, ids: tuple[int, int]) -> tuple[dict[str | None, bytes], ExportReport, int]:
        from annotator.io.exporting import (
            drain,
            selected_linked_records,
            selected_records_counting_links,
        )

        context = ExportContext(self.exporter.name, self.tokenize)
        context.events = self.events
        read = [0]

        def counted(number: int) -> None:
            read[0] = number

        selection = self.selection
        holds = Holds.LINKS in self.exporter.format.holds
        select = selected_linked_records if holds else selected_records_counting_links
        records = select(
            self.project,
            selection.statuses,
            selection.labels,
            counted,
            selection.annotators,
            selection.since,
            selection.until,
            ids,
        )
        parts = self.split.names if self.split is not None else (None,)
        # Encoded as it is written (a StringIO's text, then encoded, took half as long again).
        buffers = {part: io.BytesIO() for part in parts}
        streams = {
            part: io.TextIOWrapper(buffer, encoding="utf-8", newline="\n")
            for part, buffer in buffers.items()
        }
        sinks = {
            part: self.exporter.open_text(streams[part], self.schema, context, part)
            for part in parts
        }
        drain(records, sinks, self.split, context.report)
        for stream in streams.values():
            stream.flush()
        texts = {part: buffer.getvalue() for part, buffer in buffers.items()}
        return texts, context.report, read[0]


_worker: _Worker | Failure | None = None


def _start_worker(path: str, fmt: str, selection: Selection, split: Split | None) -> None:
    # A failure here is kept and answered to every chunk: a pool replaces a worker whose
    # start raises, again and again.
    global _worker
    try:
        _worker = _Worker(path, fmt, selection, split)
    except AnnotatorError as exc:
        _worker = failure(exc)


def _export_chunk(
    ids: tuple[int, int],
) -> tuple[dict[str | None, bytes], ExportReport, int] | Failure:
    worker = _worker
    if worker is None or isinstance(worker, Failure):
        return worker or Failure("AnnotatorError", "export worker not started")
    try:
        return worker.export(ids)
    except AnnotatorError as exc:
        return failure(exc)


def failure(exc: AnnotatorError) -> Failure:
    # Its own arguments may not survive pickling (InputError's): its message does.
    return Failure(type(exc).__name__, str(exc))
