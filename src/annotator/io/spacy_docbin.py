"""spaCy ``DocBin`` (.spacy) and a training config beside it; needs the ``interop`` extra.

Each Doc is built from our tokens: ``words`` are the token texts and
``spaces`` say whether one space follows; any other whitespace between tokens
(line breaks, several spaces, CRLF) becomes whitespace tokens of its own, so
``doc.text`` is the stored text exactly and character offsets hold.

All spans that line up with tokens go in ``doc.spans["sc"]`` (the span
categorizer's key, overlaps allowed); ``doc.ents`` holds the outermost ones
(the named-entity recognizer needs them flat). Spans with an edge inside a
token are left out and listed. ``doc.user_data`` keeps the document id and
title; values are not written.

Beside the DocBin (or the train/dev/test DocBins of a split) goes
``config.cfg``: a spaCy training config (tok2vec, ner and spancat for the
nested spans) whose tokenizer is ours, ``annotator.arabic_tokenizer.v1``
(see ``annotator.io.spacy_tokenizer``), knowing as forms the texts of the
spans it would otherwise cut through ('كزيمبراغ' in 'وكزيمبراغ'). Every Doc of the
export is tokenized by that same tokenizer (not one per document), so
``spacy train`` sees every exported entity where the export put it. A
``config.cfg`` already there is refreshed when an earlier export wrote it
(its forms are kept, so train and dev exported one after the other share one
tokenizer) and left alone otherwise.

The DocBin's fields are made from our tokens without making spaCy Docs
(``annotator.io.spacy_docbin_rows``), by worker processes for a large export. Where
this process may fork (the CLI: see ``export_workers.can_fork``), a thread loads spaCy
once while the documents are read and the forms learnt, and the workers are forked
after, with spaCy, the vocab and the records: nothing is sent to them. Elsewhere (the
window) they start with the export, each loading spaCy meanwhile, and are sent the
records. Each builds and compresses chunks of consecutive documents, which this
process puts into the file (``annotator.io.docbin_bytes``). What spaCy reads is the
DocBin spaCy's own API makes of the same Docs (tests/io_formats/test_spacy_docbin_bytes.py).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from contextlib import ExitStack
from importlib.util import find_spec
from itertools import chain
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, TextIO

from annotator.core.errors import AnnotatorError
from annotator.core.labels import LabelSchema
from annotator.core.model import Document, Span
from annotator.io.registry import Exporter, RecordSink
from annotator.io.report import ExportContext
from annotator.io.spacy_tokenizer import TOKENIZER_NAME, words_and_spaces
from annotator.io.tokens import ArabicTokenizer, Tokenize, TokenizedText, default_tokenize
from annotator.storage.files import atomic_text_writer

if TYPE_CHECKING:
    from annotator.io.docbin_bytes import DocBinChunk
    from annotator.io.spacy_docbin_rows import DocBinRows

__all__ = ["words_and_spaces", "SpacyExporter"]

MISSING = "the spacy format needs spaCy: pip install 'annotator[interop]' (or pip install spacy)"


def require_spacy() -> ModuleType:
    try:
        import spacy
    except ImportError:
        raise AnnotatorError(MISSING) from None
    module: ModuleType = spacy
    return module


CONFIG_NAME = "config.cfg"


class TrainingSetup:
    """What the parts of one spacy export share: the span texts, then the tokenizer and config.

    Docs are built once every document has been seen, so that all of them, in
    every part, are tokenized by the tokenizer the config names.
    """

    def __init__(self, context: ExportContext):
        self.context = context
        self.forms: set[str] = set()
        self.base: Tokenize | None = None  # the tokenizer before any form is learnt
        self.longest = 1  # the longest span, in tokens (the span suggester's largest size)
        self.config_folder: Path | None = None
        self.shown_folder: Path | None = None  # config_folder's final name, if staged
        self.parts: set[str | None] = set()
        self._ready = False
        self.forms_tokenizer = False  # the tokenizer is ours, knowing ``forms`` (not the caller's)
        self.sinks: list[DocBinSink] = []  # one a part, in the order the export opened them
        self.built = False
        self.added = 0  # documents added, every part's
        self._start_at = self._workers_start_at(context)
        self._pool: Any = None  # the workers building the Docs, once started
        # Or spaCy loading in a thread here, for workers forked once the documents are read.
        self._loading: _Loading | None = None
        self._workers = 0
        self._pool_stack = ExitStack()
        self.base_config: Any = None  # spaCy's, made in a worker when workers build the Docs

    @classmethod
    def of(cls, context: ExportContext) -> TrainingSetup:
        setup = context.shared.get(cls.__name__)
        if not isinstance(setup, TrainingSetup):
            setup = context.shared[cls.__name__] = cls(context)
        return setup

    def learn(self, document: Document, spans: list[Span]) -> None:
        """Remember the texts of the spans our tokenizer cuts through ('كزيمبراغ' in 'وكزيمبراغ').

        Known as forms, they make the tokenizer split there. Only these: a span text that
        holds its clitic ('وكوريا') would, as a known form, stop every other 'وكوريا' from
        splitting.
        """
        if not spans:
            return
        if self.base is None:
            self.base = self.context.tokenize or default_tokenize()
        base = self.base
        ours = isinstance(base, ArabicTokenizer)
        text = document.text
        size = len(text)
        whole: TokenizedText | None = None  # tokenized when a span's words are too long
        for span in spans:
            first, after = span.start, span.end
            if (
                ours
                and 0 <= first < after <= size
                and (first == 0 or text[first - 1].isspace())
                and (after == size or text[after].isspace())
                and text[first].isalnum()
                and text[after - 1].isalnum()
            ):
                # Our tokenizer's tokens never cross whitespace and hold every other
                # character: a letter or digit after whitespace starts a token, one before
                # whitespace ends one. Most spans are whole words: none is tokenized.
                continue
            # Only the words the span touches are tokenized: no token crosses a space, so
            # they are tokenized as in the whole text (the Docs tokenize it all later).
            begin = text.rfind(" ", 0, span.start) + 1
            end = text.find(" ", span.end)
            end = len(text) if end < 0 else end
            if end - begin <= _MOST_SPAN_WORDS:
                lines_up = _lines_up(base, text, begin, end, first, after) if ours else None
                if lines_up is not None:
                    if not lines_up:
                        self.forms.add(" ".join(text[first:after].split()))
                    continue
                words = TokenizedText.of(text[begin:end], base)
                found = words.token_range(span.start - begin, span.end - begin)
            else:
                whole = whole or TokenizedText.of(text, base)
                found = whole.token_range(span.start, span.end)
            if found is None:
                self.forms.add(" ".join(text[span.start : span.end].split()))

    def prepare(self) -> None:
        """Take the forms of a config an earlier export wrote, and fix the tokenizer."""
        if self._ready:
            return
        self._ready = True
        existing = self.config_folder / CONFIG_NAME if self.config_folder else None
        if existing is not None and existing.exists():
            forms = _our_config_forms(existing)
            if forms is None:
                self.context.report.notices.append(
                    f"{existing}: not written by annotator, left as it is; train with"
                    f' [nlp.tokenizer] @tokenizers = "{TOKENIZER_NAME}" (see README)'
                )
                self.config_folder = None
            else:
                self.forms |= forms
        self.forms.discard("")
        # Docs may be built by workers, which make this tokenizer themselves from the forms.
        self.forms_tokenizer = self.context.tokenize is None
        if self.context.tokenize is None:
            # The tokenizer that tokenized the spans stays in use (warm) when nothing was learnt.
            base = self.base
            if self.forms or base is None:
                base = default_tokenize(self.forms)
            self.context.tokenize = base
        # Every Doc as the config's tokenizer makes it: no tokenizer of its own per document.
        self.context.retokenize = False

    @staticmethod
    def _workers_start_at(context: ExportContext) -> int:
        """After how many documents the workers start, or spaCy starts loading for them (0:
        never). Early, so that spaCy (half a second and more) loads while the documents are
        read: at the first document when workers were asked for, else once there are enough
        for workers (see ``export_workers.worker_count``)."""
        from annotator.io.export_workers import MIN_DOCUMENTS

        if context.tokenize is not None or context.workers == 1:
            return 0  # the caller's tokenizer: Docs built here (workers make ours)
        return 1 if context.workers is not None else MIN_DOCUMENTS

    def added_one(self) -> None:
        self.added += 1
        if self.added == self._start_at:
            self._start_workers()

    def _start_workers(self) -> None:
        from annotator.io.export_workers import can_fork, worker_count, worker_pool

        workers = worker_count(self.context.workers, self.added)
        if workers <= 1:
            return
        self._workers = workers
        if can_fork():
            # spaCy is loaded once, here, beside the reading (each worker loading its own
            # took 0.55 CPU s); the workers fork once the documents are read and have it, and
            # the records: nothing is sent to them (a second of CPU at 10,000 documents).
            self._loading = _Loading()
            # Waited for however the export ends (a thread left loading would keep others
            # from forking their workers).
            self.context.closing.callback(self._loading.thread.join)
            return
        # Stopped once the Docs are built, or when the export ends another way.
        self.context.closing.callback(self._pool_stack.close)
        self._pool = self._pool_stack.enter_context(
            worker_pool(workers, _start_builder, (self.context.format,))
        )

    def build(self) -> None:
        """Write every part's DocBin (once: the first part to finish has them all).

        By worker processes when there are enough documents (see ``export_workers``),
        each building chunks of consecutive Docs: this process puts the chunks, already
        compressed, into the files (see ``annotator.io.docbin_bytes``). Else here.
        """
        if self.built:
            return
        self.built = True
        self.prepare()
        if self._loading is not None:
            attrs, chunks = self._built_by_forks(self._loading)
        elif self._pool is not None:
            with self._pool_stack:
                attrs, chunks = self._built_in_workers(inherited=False)
        else:
            attrs, chunks = self._built_here()
        for sink, its_chunks in zip(self.sinks, chunks, strict=True):
            sink.records = []
            _write_docbin(sink.path, attrs, its_chunks)

    def _chunk_size(self) -> int:
        """How many documents a chunk holds: the same however many workers build them (a
        chunk is compressed alone: the file's bytes depend on where chunks start), and
        enough chunks for four workers to finish together."""
        count = sum(len(sink.records) for sink in self.sinks)
        return max(1, min(_CHUNK, -(-count // 16)))

    def _built_here(self) -> tuple[list[int], list[list[DocBinChunk]]]:
        spacy = require_spacy()
        from annotator.io.spacy_docbin_rows import ATTRS, DocBinRows

        rows = DocBinRows(spacy.blank("ar").vocab)
        size = self._chunk_size()
        chunks = [
            [
                rows.chunk(sink.records[at : at + size], self.context, index)
                for at in range(0, len(sink.records), size)
            ]
            for index, sink in enumerate(self.sinks)
        ]
        self.longest = max(self.longest, rows.longest)
        return ATTRS, chunks

    def _built_by_forks(self, loading: _Loading) -> tuple[list[int], list[list[DocBinChunk]]]:
        """``_built_in_workers`` by workers forked now, with the spaCy loaded here and the
        records (or, if this process can no longer fork, workers as usual)."""
        from annotator.io.export_workers import can_fork, worker_pool

        rows = loading.join()
        global _builder, _inherited
        with self._pool_stack:
            if not can_fork():  # a thread started meanwhile
                self._pool = self._pool_stack.enter_context(
                    worker_pool(self._workers, _start_builder, (self.context.format,))
                )
                return self._built_in_workers(inherited=False)
            _builder = (rows, self.context.format)
            _inherited = [sink.records for sink in self.sinks]
            try:
                self._pool = self._pool_stack.enter_context(
                    worker_pool(self._workers, _start_builder, (self.context.format,))
                )
            finally:
                _builder, _inherited = None, []  # the workers have them
            return self._built_in_workers(inherited=True)

    def _built_in_workers(self, inherited: bool) -> tuple[list[int], list[list[DocBinChunk]]]:
        """Every part's chunks, built by the workers in order; one of them makes spaCy's
        base config meanwhile. ``inherited``: the workers have the records (forked), and
        are given where each chunk's are; else they are sent the records."""
        from annotator.io.export_workers import in_pool, merge_report

        size = self._chunk_size()
        forms = tuple(sorted(self.forms))
        tasks: Iterable[BuildTask] = chain(
            [None],
            (
                (
                    index,
                    forms,
                    (at, at + size)
                    if inherited
                    else [
                        _plain(document, spans) for document, spans in sink.records[at : at + size]
                    ],
                )
                for index, sink in enumerate(self.sinks)
                for at in range(0, len(sink.records), size)
            ),
        )
        chunks: list[list[DocBinChunk]] = [[] for _ in self.sinks]
        attrs: list[int] = []
        outcomes = in_pool(self._pool, _build, tasks)
        self.base_config = next(outcomes)
        for index, chunk, report, longest in outcomes:
            chunks[index].append(chunk)
            attrs = chunk.attrs
            merge_report(self.context.report, report)
            self.longest = max(self.longest, longest)
        return attrs, chunks

    def write_config(self) -> None:
        if self.config_folder is None:
            return
        path = self.config_folder / CONFIG_NAME
        if self.base_config is None:
            require_spacy()
            self.base_config = base_config()
        text = training_config(self.base_config, sorted(self.forms), self.longest)
        with atomic_text_writer(path) as out:
            out.write(text)
        shown = (self.shown_folder or self.config_folder) / CONFIG_NAME
        self.context.report.notices.append(
            f"spaCy training config written: python -m spacy train {shown}"
            " --paths.train TRAIN.spacy --paths.dev DEV.spacy"
        )


_CHUNK = 200  # documents built and compressed together, at most

# Past this many characters, the words a span touches are looked up in the whole text's
# tokens (a text without spaces is not tokenized again for each of its spans).
_MOST_SPAN_WORDS = 500


def _lines_up(
    tokenizer: Tokenize, text: str, begin: int, end: int, start: int, stop: int
) -> bool | None:
    """Whether ``text[start:stop]`` starts and ends on token edges, when the words from
    ``begin`` to ``end`` it lies in (cut at single spaces) are all regular chunks; else
    None. What ``TokenizedText.of(text[begin:end]).token_range`` answers for such words,
    from the chunks' remembered edges (the spans that cut a clitic off a word: 43% of those
    of benchmarks/bench_export.py)."""
    assert isinstance(tokenizer, ArabicTokenizer)
    if not begin <= start < stop <= end:
        return None
    at = begin
    starts_on_edge = ends_on_edge = False
    for chunk in text[begin:end].split(" "):
        edges = tokenizer.regular_edges(chunk)
        if edges is None:
            return None
        after = at + len(chunk)  # where the space after the chunk is
        # The chunk holding the start (a start on the space after it too, never an edge) and
        # the one holding the last character.
        if at <= start <= after:
            starts_on_edge = start - at in edges[0]
        if at < stop <= after + 1:
            ends_on_edge = stop - at in edges[1]
        at = after + 1
    return starts_on_edge and ends_on_edge


def _our_config_forms(path: Path) -> set[str] | None:
    """The forms of a config.cfg written by annotator, or None for any other file."""
    from confection import Config

    try:
        config = Config().from_disk(path, interpolate=False)
        tokenizer = config["nlp"]["tokenizer"]
    except Exception:  # noqa: BLE001 - any file that is not our config is left alone
        return None
    if tokenizer.get("@tokenizers") != TOKENIZER_NAME:
        return None
    return {form for form in tokenizer.get("forms", []) if isinstance(form, str)}


def base_config() -> Any:
    """spaCy's own efficiency config for ner + spancat (a ``confection.Config``)."""
    from spacy.cli.init_config import init_config

    return init_config(lang="ar", pipeline=["ner", "spancat"], optimize="efficiency")


def training_config(base: Any, forms: list[str], longest: int) -> str:
    """The ``base_config`` with our tokenizer, knowing ``forms``, and a span suggester up
    to the longest span.

    The DocBins are named on the command line (``--paths.train``, ``--paths.dev``), so
    the folder can move.
    """
    config = base.copy()  # a deep copy: the base serves every part
    config["nlp"]["tokenizer"] = {"@tokenizers": TOKENIZER_NAME, "forms": forms}
    config["components"]["spancat"]["suggester"] = {
        "@misc": "spacy.ngram_range_suggester.v1",
        "min_size": 1,
        "max_size": max(1, longest),
    }
    header = (
        "# spaCy training config written by annotator export: its tokenizer is the one the\n"
        "# DocBins were made with (pip install annotator registers it with spaCy):\n"
        "#   python -m spacy train config.cfg --paths.train train.spacy --paths.dev dev.spacy\n"
    )
    text: str = config.to_str()
    return header + text


class DocBinSink(RecordSink):
    """Keeps its part's records: the Docs are built once every part has them all (see
    ``TrainingSetup.build``)."""

    def __init__(self, path: Path, context: ExportContext, part: str | None):
        # Only looked for here: spaCy loads (half a second and more) beside the reading,
        # once there are documents enough for workers (see TrainingSetup._start_workers).
        if find_spec("spacy") is None:
            raise AnnotatorError(MISSING)
        self.path = path
        self.context = context
        self.part = part
        self.setup = TrainingSetup.of(context)
        self.setup.parts.add(part)
        self.setup.sinks.append(self)
        if part is None:
            self.setup.config_folder = path.parent
        self.records: list[tuple[Document, list[Span]]] = []

    def add(self, document: Document, spans: list[Span]) -> None:
        self.setup.learn(document, spans)
        self.records.append((document, spans))
        self.setup.added_one()

    def finish(self) -> None:
        self.setup.build()
        if self.part is None:
            self.setup.write_config()


def _write_docbin(path: Path, attrs: list[int], chunks: list[DocBinChunk]) -> None:
    from annotator.io.docbin_bytes import docbin_bytes

    # The path is already a hidden part (or inside a staged folder) that the export
    # flushes and renames once complete: see annotator.storage.files.
    with open(path, "wb") as out:
        out.writelines(docbin_bytes(attrs, chunks))


# A record as a worker gets it: what the Docs are built from, in plain tuples (quick to send).
PlainRecord = tuple[int | None, str, str, tuple[tuple[int | None, int, int, str, object], ...]]


def _plain(document: Document, spans: list[Span]) -> PlainRecord:
    return (
        document.id,
        document.title,
        document.text,
        tuple((span.id, span.start, span.end, span.label, span.value) for span in spans),
    )


def _unplain(plain: PlainRecord) -> tuple[Document, list[Span]]:
    document_id, title, text, spans = plain
    return Document(title, text, id=document_id), [
        Span(start, end, label, id=span_id, value=value)  # type: ignore[arg-type]
        for span_id, start, end, label, value in spans
    ]


# A worker's task: the base config (None), or a chunk of one part's records (the part's
# index among the sinks) with the forms the tokenizer knows (learnt once all are read,
# after the workers started): the records, or where they are in the part's records the
# worker has (``_inherited``).
BuildTask = tuple[int, tuple[str, ...], list[PlainRecord] | tuple[int, int]] | None

# A worker's: set in the process that forks the workers, for them only.
_builder: tuple[DocBinRows, str] | None = None
_inherited: list[list[tuple[Document, list[Span]]]] = []  # each part's records
_tokenizers: dict[tuple[str, ...], Tokenize] = {}  # a worker's, by its forms (one in an export)


class _Loading:
    """spaCy loaded, and a ``DocBinRows`` made, in a thread of this process."""

    def __init__(self) -> None:
        self.rows: DocBinRows | None = None
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._load, name="loading spaCy", daemon=True)
        self.thread.start()

    def _load(self) -> None:
        try:
            spacy = require_spacy()
            from annotator.io.spacy_docbin_rows import DocBinRows

            self.rows = DocBinRows(spacy.blank("ar").vocab)
        except BaseException as exc:  # noqa: BLE001 - raised in the thread that joins
            self.error = exc

    def join(self) -> DocBinRows:
        self.thread.join()
        if self.error is not None:
            raise self.error
        assert self.rows is not None
        return self.rows


def _start_builder(name: str) -> None:
    from annotator.io.spacy_docbin_rows import DocBinRows

    global _builder
    if _builder is None:  # not forked with it
        _builder = (DocBinRows(require_spacy().blank("ar").vocab), name)


def _build(task: BuildTask) -> Any:
    """A task's outcome in a worker: the base config, or the chunk's fields (compressed:
    see ``annotator.io.docbin_bytes``), report and longest span."""
    if task is None:
        return base_config()
    assert _builder is not None  # set by the pool's initializer
    rows, name = _builder
    index, forms, records = task
    tokenize = _tokenizers.get(forms)
    if tokenize is None:
        _tokenizers.clear()
        tokenize = _tokenizers[forms] = default_tokenize(forms)
    context = ExportContext(name, tokenize)
    context.retokenize = False  # as prepare() sets it: one tokenizer for every Doc
    rows.longest = 1
    if isinstance(records, tuple):
        first, after = records
        whole = _inherited[index][first:after]
    else:
        whole = [_unplain(record) for record in records]
    chunk = rows.chunk(whole, context, index)
    return index, chunk, context.report, rows.longest


class SpacyExporter(Exporter):
    def open(
        self, target: TextIO | Path, labels: LabelSchema, context: ExportContext, part: str | None
    ) -> RecordSink:
        assert isinstance(target, Path)
        return DocBinSink(target, context, part)

    def finish_folder(self, root: Path, labels: LabelSchema, context: ExportContext) -> None:
        # A split: the parts are written; the config goes beside them.
        setup = TrainingSetup.of(context)
        setup.config_folder = root
        setup.shown_folder = context.destination
        setup.write_config()
