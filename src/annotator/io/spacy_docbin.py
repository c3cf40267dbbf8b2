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
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, TextIO

from annotator.core.errors import AnnotatorError
from annotator.core.labels import LabelSchema
from annotator.core.model import Document, Span
from annotator.io.registry import Exporter, RecordSink
from annotator.io.report import ExportContext, ExportReport, outermost
from annotator.io.spacy_tokenizer import TOKENIZER_NAME, words_and_spaces
from annotator.io.tokens import ArabicTokenizer, Tokenize, TokenizedText, default_tokenize
from annotator.storage.files import atomic_text_writer

if TYPE_CHECKING:
    from spacy.tokens import Doc, DocBin
    from spacy.vocab import Vocab

__all__ = ["words_and_spaces", "build_doc", "SpacyExporter"]

SPAN_KEY = "sc"
MISSING = "the spacy format needs spaCy: pip install 'annotator[interop]' (or pip install spacy)"


def require_spacy() -> ModuleType:
    try:
        import spacy
    except ImportError:
        raise AnnotatorError(MISSING) from None
    module: ModuleType = spacy
    return module


def build_doc(vocab: Vocab, document: Document, spans: list[Span], context: ExportContext) -> Doc:
    doc, _ = _built_doc(vocab, document, spans, context)
    return doc


def _built_doc(
    vocab: Vocab, document: Document, spans: list[Span], context: ExportContext
) -> tuple[Doc, int]:
    """The Doc, and its longest span in tokens (at least 1), read from our token indexes."""
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan

    tokenized, aligned = context.aligned(document, spans)
    starts, ends, spaces, words = tokenized.with_whitespace()
    doc = Doc(vocab, words=words, spaces=spaces)
    kept, overlapping = outermost(aligned)
    flat = {id(item) for item in kept}
    word_starts = tokenized.starts
    group = []
    entities = []
    longest = 1
    for item in aligned:
        span = item.span
        # Our token indexes, counting the whitespace tokens too.
        first = bisect_left(starts, word_starts[item.first])
        last = bisect_left(starts, word_starts[item.last])
        made = SpacySpan(doc, first, last + 1, label=span.label)
        group.append(made)
        longest = max(longest, last + 1 - first)
        if id(item) in flat:
            entities.append(made)
    doc.spans[SPAN_KEY] = group
    # What the ``doc.ents`` setter ends in, without making each Span again.
    doc.set_ents(sorted(entities, key=lambda ent: ent.start), default="outside")
    if overlapping:
        context.report.not_held["overlapping span(s) in doc.spans only, not in doc.ents"] += len(
            overlapping
        )
    doc.user_data["id"] = document.id
    doc.user_data["title"] = document.title
    context.report.spans_written += len(group)
    values = sum(item.span.value is not None for item in aligned)
    if values:
        context.report.not_held["span value(s) not written (spaCy spans have no value)"] += values
    return doc, longest


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

    def write_config(self) -> None:
        if self.config_folder is None:
            return
        path = self.config_folder / CONFIG_NAME
        text = training_config(sorted(self.forms), self.longest)
        with atomic_text_writer(path) as out:
            out.write(text)
        shown = (self.shown_folder or self.config_folder) / CONFIG_NAME
        self.context.report.notices.append(
            f"spaCy training config written: python -m spacy train {shown}"
            " --paths.train TRAIN.spacy --paths.dev DEV.spacy"
        )


# Past this many characters, the words a span touches are looked up in the whole text's
# tokens (a text without spaces is not tokenized again for each of its spans).
_MOST_SPAN_WORDS = 500


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


def training_config(forms: list[str], longest: int) -> str:
    """spaCy's own efficiency config for ner + spancat, with our tokenizer.

    The DocBins are named on the command line (``--paths.train``, ``--paths.dev``), so
    the folder can move.
    """
    from spacy.cli.init_config import init_config

    config = init_config(lang="ar", pipeline=["ner", "spancat"], optimize="efficiency")
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
    def __init__(self, path: Path, context: ExportContext, part: str | None):
        require_spacy()
        self.path = path
        self.context = context
        self.setup = TrainingSetup.of(context)
        self.setup.parts.add(part)
        if part is None:
            self.setup.config_folder = path.parent
        self.records: list[tuple[Document, list[Span]]] = []

    def add(self, document: Document, spans: list[Span]) -> None:
        self.setup.learn(document, spans)
        self.records.append((document, spans))

    def finish(self) -> None:
        spacy = require_spacy()

        from annotator.io.spacy_docbin_add import QuickDocBin

        setup = self.setup
        setup.prepare()
        workers = 1
        if setup.forms_tokenizer:
            from annotator.io.export_workers import worker_count

            workers = worker_count(self.context.workers, len(self.records))
        if workers > 1:
            docbin = self._built_in_workers(workers)
        else:
            docbin = QuickDocBin(attrs=DOCBIN_ATTRS, store_user_data=True)
            vocab = spacy.blank("ar").vocab
            setup.longest = max(setup.longest, _add_docs(docbin, vocab, self.records, self.context))
        self.records = []
        # The path is already a hidden part (or inside a staged folder) that the export
        # flushes and renames once complete: see annotator.storage.files.
        self.path.write_bytes(docbin.to_bytes())
        if None in setup.parts:
            setup.write_config()

    def _built_in_workers(self, workers: int) -> DocBin:
        """The DocBin of the records, built by worker processes a chunk each and merged in
        order (``DocBin.merge``): the bytes are those of one DocBin built here. DocBin.add
        costs most of a large export, and one process cannot do it faster."""
        from spacy.tokens import DocBin

        from annotator.io.export_workers import in_workers, merge_report

        records = self.records
        size = max(1, min(200, -(-len(records) // (workers * 8))))
        chunks = (
            [_plain(document, spans) for document, spans in records[at : at + size]]
            for at in range(0, len(records), size)
        )
        setup = (tuple(sorted(self.setup.forms)), self.context.format)
        docbin = DocBin(attrs=DOCBIN_ATTRS, store_user_data=True)
        for built, report, longest in in_workers(workers, _start_builder, setup, _build, chunks):
            docbin.merge(built)
            merge_report(self.context.report, report)
            self.setup.longest = max(self.setup.longest, longest)
        return docbin


DOCBIN_ATTRS = ["ORTH", "ENT_IOB", "ENT_TYPE"]


def _add_docs(
    docbin: DocBin, vocab: Vocab, records: list[tuple[Document, list[Span]]], context: ExportContext
) -> int:
    """Add a Doc of each record; return the longest span, in tokens (at least 1)."""
    longest = 1
    with _msgpack_encoders_looked_up_once():
        for document, spans in records:
            doc, its_longest = _built_doc(vocab, document, spans, context)
            longest = max(longest, its_longest)
            docbin.add(doc)
    return longest


# A record as a worker gets it: what build_doc reads, in plain tuples (quick to send).
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


_builder: tuple[Vocab, Tokenize, str] | None = None


def _start_builder(forms: tuple[str, ...], name: str) -> None:
    global _builder
    _builder = (require_spacy().blank("ar").vocab, default_tokenize(forms), name)


def _build(chunk: list[PlainRecord]) -> tuple[DocBin, ExportReport, int]:
    """One chunk's DocBin (sent uncompressed: see QuickDocBin), report and longest span,
    in a worker."""
    from annotator.io.spacy_docbin_add import QuickDocBin

    assert _builder is not None  # set by the pool's initializer
    vocab, tokenize, name = _builder
    context = ExportContext(name, tokenize)
    context.retokenize = False  # as prepare() sets it: one tokenizer for every Doc
    records = [_unplain(plain) for plain in chunk]
    docbin = QuickDocBin(attrs=DOCBIN_ATTRS, store_user_data=True)
    longest = _add_docs(docbin, vocab, records, context)
    return docbin, context.report, longest


@contextmanager
def _msgpack_encoders_looked_up_once() -> Iterator[None]:
    """srsly's msgpack encoders, looked up once for the whole export.

    srsly asks every installed package's entry points for msgpack encoders at each
    ``msgpack_dumps``, which ``DocBin.add`` calls three times a Doc: a third of a
    10,000-document export. The answer cannot change while the export runs, so the
    registry answers with the first lookup until the export ends.
    """
    from srsly.msgpack import msgpack_encoders

    if "get_all" in vars(msgpack_encoders):  # another export is doing it already
        yield
        return
    found = msgpack_encoders.get_all()
    msgpack_encoders.get_all = lambda: dict(found)
    try:
        yield
    finally:
        vars(msgpack_encoders).pop("get_all", None)


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
