"""spaCy ``DocBin`` (.spacy), for ``spacy train``; needs the optional ``interop`` extra.

Each Doc is built from our tokens: ``words`` are the token texts and
``spaces`` say whether one space follows; any other whitespace between tokens
(line breaks, several spaces, CRLF) becomes whitespace tokens of its own, so
``doc.text`` is the stored text exactly and character offsets hold. Every
exported span therefore passes ``doc.char_span(start, end, label,
alignment_mode="strict")``.

All spans that line up with tokens go in ``doc.spans["sc"]`` (the span
categorizer's key, overlaps allowed); ``doc.ents`` holds the outermost ones
(the named-entity recognizer needs them flat). Spans with an edge inside a
token are left out and listed. ``doc.user_data`` keeps the document id and
title; values are not written.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from annotator.core.errors import AnnotatorError
from annotator.core.labels import LabelSchema
from annotator.core.model import Document, Span
from annotator.io.registry import Exporter, Layout, RecordSink, register_exporter
from annotator.io.report import ExportContext, outermost
from annotator.io.tokens import TokenizedText

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

SPAN_KEY = "sc"
MISSING = "the spacy format needs spaCy: pip install 'annotator[interop]' (or pip install spacy)"


def require_spacy():
    try:
        import spacy
    except ImportError:
        raise AnnotatorError(MISSING) from None
    return spacy


def words_and_spaces(tokenized: TokenizedText) -> tuple[list[str], list[bool]]:
    """spaCy's words and spaces for a text, whitespace tokens included, so the text is kept.

    One space after a token is that token's ``space``; any other whitespace
    (line breaks, a second space, leading whitespace) is a token of its own.
    """
    text = tokenized.text
    starts, ends = tokenized.starts, tokenized.ends
    if not starts:
        return ([text], [False]) if text else ([], [])
    token_words = tokenized.words()
    gaps = [text[end:start] for end, start in zip(ends, starts[1:], strict=False)]
    gaps.append(text[ends[-1] :])
    words: list[str] = [text[: starts[0]]] if starts[0] else []
    spaces: list[bool] = [False] * len(words)
    done = 0
    for index in [i for i, gap in enumerate(gaps) if gap and gap != " "]:
        words += token_words[done : index + 1]
        spaces += [gap == " " for gap in gaps[done : index + 1]]
        gap = gaps[index]
        if gap[0] == " ":
            spaces[-1] = True
            gap = gap[1:]
        words.append(gap)
        spaces.append(False)
        done = index + 1
    words += token_words[done:]
    spaces += [gap == " " for gap in gaps[done:]]
    return words, spaces


def build_doc(vocab: Vocab, document: Document, spans: list[Span], context: ExportContext) -> Doc:
    from spacy.tokens import Doc

    tokenized, aligned = context.aligned(document, spans)
    words, spaces = words_and_spaces(tokenized)
    doc = Doc(vocab, words=words, spaces=spaces)
    kept, overlapping = outermost(aligned)
    flat = {id(item) for item in kept}
    group = []
    entities = []
    for item in aligned:
        span = item.span
        made = doc.char_span(span.start, span.end, label=span.label, alignment_mode="strict")
        if made is None:  # cannot happen when words keep the text; refuse rather than drop
            raise AnnotatorError(
                f"document {document.id}: span {span.start}-{span.end} does not line up"
                " with the spaCy tokens built from ours"
            )
        group.append(made)
        if id(item) in flat:
            entities.append(made)
    doc.spans[SPAN_KEY] = group
    doc.ents = sorted(entities, key=lambda ent: ent.start)
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
    return doc


class DocBinSink(RecordSink):
    def __init__(self, path: Path, context: ExportContext):
        spacy = require_spacy()
        from spacy.tokens import DocBin

        self.path = path
        self.context = context
        self.vocab = spacy.blank("ar").vocab
        self.docbin = DocBin(attrs=["ORTH", "ENT_IOB", "ENT_TYPE"], store_user_data=True)

    def add(self, document: Document, spans: list[Span]) -> None:
        self.docbin.add(build_doc(self.vocab, document, spans, self.context))

    def finish(self) -> None:
        # The path is already a hidden part (or inside a staged folder) that the export
        # flushes and renames once complete: see annotator.storage.files.
        self.path.write_bytes(self.docbin.to_bytes())


class SpacyExporter(Exporter):
    name = "spacy"
    description = "spaCy DocBin (.spacy): ents (outermost) and spans['sc'] (all); needs spaCy"
    extension = ".spacy"
    layout = Layout.FILE

    def open(
        self, target: TextIO | Path, labels: LabelSchema, context: ExportContext, part: str | None
    ) -> RecordSink:
        assert isinstance(target, Path)
        return DocBinSink(target, context)


register_exporter(SpacyExporter())
