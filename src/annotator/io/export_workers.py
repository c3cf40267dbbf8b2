"""Token exports of many documents written by worker processes, in document order.

A token export (Prodigy, DyGIE++, IOB2, Hugging Face) spends its time on each
document alone: tokens, alignment, JSON. No document's text depends on another's,
so a large export is cut into chunks of consecutive documents (by id), each chunk
read and written by a worker process into text, and the main process writes the
chunks, in order, into the same outputs the single-process export would fill
(staged, renamed once complete). The output is byte for byte the same.

An export to a file or folder has its workers write each chunk into a file of a
scratch folder beside the output (``storage.files.scratch_folder``: removed at the
end, and swept like a part if the export is killed), which the main process
appends to the output in the kernel (``os.copy_file_range``) and removes: sending
the chunks' bytes back through the pool's pipes (442 MB for a Prodigy export of
10,000 documents) cost the main process two seconds of pickling, reading and
writing. An export to a stream (standard output) gets the chunks' bytes back.

Workers open the project themselves: sending documents to them costs about as
much as writing them. ``progress`` is called in the main process as chunks come
back, with every count the single process would give; an exception from it
stops the workers, and the staged output is dropped as before. Each chunk's
report (spans written, spans left out, what the format could not hold) is merged
in order, so the report is the single process's too.
"""

from __future__ import annotations

import errno
import io
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping
from contextlib import ExitStack, closing, contextmanager
from dataclasses import dataclass
from multiprocessing.context import BaseContext
from multiprocessing.pool import Pool
from pathlib import Path
from typing import Any, BinaryIO

from annotator.core.errors import AnnotatorError, ProjectError
from annotator.core.model import Status
from annotator.io.registry import Exporter, Holds, RecordSink, TextSink, utf8_buffer
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
    scratch: Path | None = None,
) -> None:
    """Write the selected documents through ``sinks``, formatted by ``workers`` processes,
    chunk after chunk in id order; then finish the sinks. With a ``scratch`` folder, the
    workers write their chunks there as files, appended to the sinks' files and removed
    (see the module's docstring); else they send their bytes (to each sink's
    ``write_utf8``)."""
    if split is not None:
        report.parts = dict.fromkeys(split.names, 0)
    read = 0
    setup = (str(project_path), fmt, selection, split, None if scratch is None else str(scratch))
    # Closed on leaving, a cancel included: the workers are stopped before the scratch
    # folder they write into is removed.
    with closing(
        in_workers(workers, _start_worker, setup, _export_chunk, chunks_of(ids, workers))
    ) as chunks:
        for written, delta, count in chunks:
            for part, chunk in written.items():
                if isinstance(chunk, bytes):
                    sinks[part].write_utf8(chunk)
                else:
                    append_file(sinks[part], Path(chunk))
            merge_report(report, delta)
            if progress is not None:
                for number in range(read + 1, read + count + 1):
                    progress(number)
            read += count
    for sink in sinks.values():
        sink.finish()


def append_file(sink: RecordSink, chunk: Path) -> None:
    """Write a chunk file's bytes through ``sink`` (into its file directly when it has
    one, copied in the kernel), then remove the chunk."""
    with open(chunk, "rb") as source:
        target = utf8_buffer(sink.stream) if isinstance(sink, TextSink) else None
        if target is None or not _copied(source, target):
            sink.write_utf8(source.read())
    os.unlink(chunk)


# copy_file_range's answers for files it cannot copy between (not both regular files, on
# file systems that cannot, an old kernel): written by the usual read and write instead.
_CANNOT_COPY = {errno.EXDEV, errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.EBADF}


def _copied(source: io.BufferedReader, target: Any) -> bool:
    """Whether all of ``source`` was appended to the file under ``target`` (a flushed
    binary stream) by ``os.copy_file_range``; False, with nothing written, where it cannot."""
    copy = getattr(os, "copy_file_range", None)  # Linux
    try:
        target_fd = target.fileno()
    except (AttributeError, OSError, io.UnsupportedOperation):
        return False
    if copy is None:
        return False
    source_fd = source.fileno()
    left = os.fstat(source_fd).st_size
    first = True
    while left > 0:
        try:
            copied = copy(source_fd, target_fd, left)
        except OSError as exc:
            if first and exc.errno in _CANNOT_COPY:
                return False
            raise
        if copied == 0:  # the chunk shrank: cannot be, but never loop forever
            raise OSError(errno.EIO, f"{source.name}: ended early")
        left -= copied
        first = False
    target.seek(0, os.SEEK_END)  # the stream learns where the file now ends
    return True


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
) -> Generator[Any, None, None]:
    """``task(chunk)`` of each chunk, in order, run by ``workers`` processes that each
    ran ``start(*setup)`` first; an AnnotatorError of a worker is raised here (a task
    returns it as a ``Failure``: see ``failure``)."""
    with worker_pool(workers, start, setup) as pool:
        yield from in_pool(pool, task, chunks)


def in_pool(pool: Pool, task: Callable[[Any], Any], chunks: Iterable[Any]) -> Iterator[Any]:
    """``in_workers`` with the workers of a pool already started (``worker_pool``)."""
    for outcome in pool.imap(task, chunks):
        if isinstance(outcome, Failure):
            raise outcome.error()
        yield outcome


def can_fork() -> bool:
    """Whether ``worker_pool`` forks this process: it has one thread and no Qt."""
    single = threading.active_count() == 1 and "PySide6" not in sys.modules
    return single and "fork" in multiprocessing.get_all_start_methods()


@contextmanager
def worker_pool(workers: int, start: Callable[..., None], setup: tuple[Any, ...]) -> Iterator[Pool]:
    """Worker processes, stopped on leaving (a cancel or an error included).

    Forked where this process has one thread and no Qt (the CLI, see ``can_fork``): the
    workers start with everything loaded. A process with other threads (the window's)
    must not fork itself: its workers come from a fork server, which has the export
    modules loaded.
    """
    methods = multiprocessing.get_all_start_methods()
    context: BaseContext
    if can_fork():
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


# Each part's chunk: its bytes, or the name of the scratch file holding them.
Written = dict[str | None, bytes | str]


class _Worker:
    """One worker process's project, exporter and tokenizer (warm from chunk to chunk)."""

    def __init__(
        self, path: str, fmt: str, selection: Selection, split: Split | None, scratch: str | None
    ):
        from annotator.io.registry import exporter
        from annotator.io.tokens import default_tokenize
        from annotator.storage import open_project

        self.project = open_project(Path(path), create=False)
        self.exporter: Exporter = exporter(fmt)
        self.selection = selection
        self.split = split
        self.scratch = None if scratch is None else Path(scratch)
        self.schema = self.project.labels()
        self.events = self.project.event_schema()
        self.tokenize = default_tokenize()
        # The chunks are parts of one export: what its exporter shares between parts (the
        # Prodigy token templates) is kept from chunk to chunk, like the tokenizer.
        self.shared: dict[str, object] = {}

    def export(self, ids: tuple[int, int]) -> tuple[Written, ExportReport, int]:
        from annotator.io.exporting import (
            selected_linked_records,
            selected_records_counting_links,
        )

        context = ExportContext(self.exporter.name, self.tokenize)
        context.events = self.events
        context.shared = self.shared
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
        if self.scratch is None:
            memory = {part: io.BytesIO() for part in parts}
            self._write(records, memory, context)
            return {part: data.getvalue() for part, data in memory.items()}, context.report, read[0]
        files = {part: self.scratch / f"{ids[0]}-{part or 'all'}" for part in parts}
        with ExitStack() as opened:
            outputs = {part: opened.enter_context(open(path, "xb")) for part, path in files.items()}
            self._write(records, outputs, context)
        return {part: str(path) for part, path in files.items()}, context.report, read[0]

    def _write(
        self,
        records: Iterable[Any],
        outputs: Mapping[str | None, BinaryIO],
        context: ExportContext,
    ) -> None:
        from annotator.io.exporting import drain

        # Encoded as it is written (a StringIO's text, then encoded, took half as long again).
        streams = {
            part: io.TextIOWrapper(output, encoding="utf-8", newline="\n")
            for part, output in outputs.items()
        }
        sinks = {
            part: self.exporter.open_text(stream, self.schema, context, part)
            for part, stream in streams.items()
        }
        drain(records, sinks, self.split, context.report)
        for stream in streams.values():
            stream.flush()
            stream.detach()  # the output stays open for its owner


_worker: _Worker | Failure | None = None


def _start_worker(
    path: str, fmt: str, selection: Selection, split: Split | None, scratch: str | None
) -> None:
    # A failure here is kept and answered to every chunk: a pool replaces a worker whose
    # start raises, again and again.
    global _worker
    try:
        _worker = _Worker(path, fmt, selection, split, scratch)
    except AnnotatorError as exc:
        _worker = failure(exc)


def _export_chunk(
    ids: tuple[int, int],
) -> tuple[Written, ExportReport, int] | Failure:
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
