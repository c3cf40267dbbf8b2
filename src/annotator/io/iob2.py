"""IOB2 / CoNLL: one token a line, ``token<TAB>tag``; a blank line ends a sentence.

Every document starts with the CoNLL-2003 line ``-DOCSTART- -X- O O`` and a
blank line: the form ``python -m spacy convert -c ner`` splits documents on
(a bare ``-DOCSTART-`` makes it fail with E903), and that readers of
CoNLL-2003 data skip (any line starting ``-DOCSTART-``). Sentences
end after . ؟ ? ! ؛ and at line breaks, never inside a span. Tokens come from
the clitic-aware Arabic tokenizer, so 'وكوريا الشمالية' is
``و O`` / ``كوريا B-actor`` / ``الشمالية I-actor``.

What IOB2 cannot hold, reported by the export rather than dropped silently:

- nested or overlapping spans: the outermost span wins (then the earliest);
  the others are left out and counted;
- spans whose edges fall inside a token: left out and listed;
- span values (a number's value): not written.

Reading back: the text of a document is rebuilt from its tokens joined by
single spaces, sentences joined by line breaks, so offsets refer to that
rebuilt text, not to the original article. A document whose text already is
tokens separated by single spaces and sentences by line breaks comes back
identical, with the same spans.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from operator import itemgetter
from pathlib import Path
from typing import Any, TextIO

from annotator.core.errors import InputError
from annotator.core.labels import LabelSchema
from annotator.core.model import Document, Span, title_from_text
from annotator.io.registry import (
    Exporter,
    RawRecord,
    RecordSink,
    TextFileImporter,
    TextSink,
)
from annotator.io.report import ExportContext

DOCSTART = "-DOCSTART-"
# A label in a tag: what CoNLL corpora use (PER, B-ORG.gov, حدث), never a stray mark
# such as '-ORG' (from B--ORG) or '`MIS1`', which --add-labels would turn into labels.
_WELL_FORMED_TAG = re.compile(r"[BI]-[^\W\d_][\w.:-]*")
DOCSTART_LINE = "-DOCSTART- -X- O O"  # CoNLL-2003, as spaCy's converter expects it


class Iob2Sink(TextSink):
    def __init__(self, stream: TextIO, context: ExportContext):
        self.stream = stream
        self.context = context

    def add(self, document: Document, spans: list[Span]) -> None:
        tokenized, kept = self.context.flat_spans(document, spans, "IOB2")
        # One join over the tokens' lines: a word outside every span has its line
        # ("كوريا\tO\n") made once per process, the few in a span are made here (from their
        # label's B- and I- line ends, without a tag for every token), and a sentence's
        # last line ends with a blank line.
        words = tokenized.words()
        lines = list(map(_OUTSIDE_LINES.__getitem__, words))
        for item in kept:
            begin, inside = _LABEL_LINES[item.span.label]
            first, last = item.first, item.last
            lines[first] = words[first] + begin
            for index in range(first + 1, last + 1):
                lines[index] = words[index] + inside
        for _first, last in tokenized.sentences(list(map(_EDGES, kept))):
            lines[last] += "\n"
        self.stream.write(DOCSTART_LINE + "\n\n")
        self.stream.write("".join(lines))


_EDGES = itemgetter(1, 2)  # an aligned span's first and last token


class _LabelLines(dict[str, tuple[str, str]]):
    """``lines[label]``: what follows a token of a span on its line, the tag and the line
    break, for the span's first token (B-) and the others (I-)."""

    def __missing__(self, label: str) -> tuple[str, str]:
        ends = self[label] = (f"\tB-{label}\n", f"\tI-{label}\n")
        return ends


_LABEL_LINES = _LabelLines()


class _OutsideLines(dict[str, str]):
    """``lines[word]``: the line of ``word`` outside every span (tag O), remembered."""

    def __missing__(self, word: str) -> str:
        line = f"{word}\tO\n"
        if len(self) < _MAX_LINES:
            self[word] = line
        return line


_MAX_LINES = 500_000  # distinct words remembered; past it, a line is made each time
# Kept by the process, not by a sink: an export's workers open a sink for every chunk of
# documents they write, and would make each word's line again in each.
_OUTSIDE_LINES = _OutsideLines()


class Iob2Exporter(Exporter):
    in_workers = True

    def open(
        self, target: TextIO | Path, labels: LabelSchema, context: ExportContext, part: str | None
    ) -> RecordSink:
        assert not isinstance(target, Path)
        return Iob2Sink(target, context)


class Iob2Importer(TextFileImporter):
    def parse(self, path: Path, content: str) -> Iterator[RawRecord | InputError]:
        source = str(path)
        builder: _DocumentBuilder | None = None
        for number, raw_line in enumerate(content.splitlines(), start=1):
            line = raw_line.strip()
            if line.split("\t")[0].split(" ")[0] == DOCSTART:  # bare, or -DOCSTART- -X- O O
                if builder is not None and builder.has_tokens():
                    yield builder.record()
                builder = _DocumentBuilder(source, number + 1)
                continue
            if builder is None:
                builder = _DocumentBuilder(source, number)
            if not line:
                builder.end_sentence()
                continue
            columns = line.split("\t") if "\t" in line else line.split()
            if len(columns) < 2:
                yield InputError(source, "expected a token and a tag", line=number)
                builder.failed = True
                continue
            problem = builder.add(columns[0], columns[-1])
            if problem:
                yield InputError(source, problem, line=number)
                builder.failed = True
        if builder is not None and builder.has_tokens():
            yield builder.record()


class _DocumentBuilder:
    def __init__(self, source: str, line: int):
        self.source = source
        self.line = line
        self.sentences: list[str] = []
        self.current: list[str] = []
        self.offset = 0  # where the current sentence starts in the rebuilt text
        self.length = 0  # length of the current sentence so far
        self.spans: list[dict[str, Any]] = []
        self.open_span: dict[str, Any] | None = None
        self.failed = False

    def has_tokens(self) -> bool:
        return bool(self.sentences or self.current)

    def add(self, token: str, tag: str) -> str | None:
        if tag != "O" and _WELL_FORMED_TAG.fullmatch(tag) is None:
            return (
                f"tag {tag!r} is not O, B-label or I-label (a label starts with a letter, then"
                " letters, digits and _ . : -)"
            )
        start = self.offset + self.length + (1 if self.current else 0)
        end = start + len(token)
        self.current.append(token)
        self.length = end - self.offset
        label = tag[2:]
        open_span = self.open_span
        if tag.startswith("I-") and open_span is not None and open_span["label"] == label:
            open_span["end"] = end  # the span goes on
            return None
        self._close_span()
        if tag != "O":
            # An I- without its B- starts a span too, as CoNLL readers do.
            self.open_span = {"start": start, "end": end, "label": label}
        return None

    def _close_span(self) -> None:
        if self.open_span is not None:
            self.spans.append(self.open_span)
            self.open_span = None

    def end_sentence(self) -> None:
        self._close_span()
        if self.current:
            self.sentences.append(" ".join(self.current))
            self.offset += self.length + 1
            self.current = []
            self.length = 0

    def record(self) -> RawRecord | InputError:
        self.end_sentence()
        if self.failed:
            return InputError(self.source, "document not read (see the lines above)", self.line)
        text = "\n".join(self.sentences)
        document = Document(
            title=title_from_text(text), text=text, source=f"{self.source}:{self.line}"
        )
        return RawRecord(document, self.source, self.spans, self.line)
