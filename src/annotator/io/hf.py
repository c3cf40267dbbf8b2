"""A Hugging Face ``datasets`` folder: JSONL of tokens and integer tags, and a dataset card.

The folder is what ``datasets.load_dataset(folder)`` and the Hub read::

    README.md         dataset card: YAML ``configs`` (which file is which split) and
                      ``dataset_info`` (features, with the ClassLabel names of the tags)
    labels.json       the tag names in order: {"names": ["O", "B-actor", "I-actor", ...]}
    data/data.jsonl   without a split (loaded as the "train" split), or
    data/train.jsonl, data/dev.jsonl, data/test.jsonl with one ("dev" is loaded as
                      "validation"; a part with no document is left out)

One line per sentence::

    {"id": "12-0", "document_id": 12, "tokens": ["و", "كوريا", ...], "ner_tags": [0, 1, ...]}

Load with ``datasets.load_dataset("out")``: ``ner_tags`` come as
``Sequence(ClassLabel(names=[...]))``. The data lives under ``data/`` so that
no other file is taken for data. Tags follow the IOB2 export (same tokens,
sentences and outermost-span policy).
"""

from __future__ import annotations

import json
from operator import itemgetter
from pathlib import Path
from typing import TextIO

from annotator.core.labels import LabelSchema
from annotator.core.model import Document, Span
from annotator.io.json_words import QuotedWords
from annotator.io.registry import Exporter, RecordSink, TextSink
from annotator.io.report import ExportContext, iob2_names


class HfSink(TextSink):
    def __init__(
        self, stream: TextIO, labels: LabelSchema, context: ExportContext, owned: bool = True
    ):
        self.stream = stream
        self.owned = owned  # closed by the sink when finished
        self.context = context
        # Tags as the text of their number, ready to join into JSON: O's, and each label's
        # B- and I- tag.
        tag_ids = {name: str(number) for number, name in enumerate(iob2_names(labels.names()))}
        self.outside = tag_ids["O"]
        self.label_tags = {
            label: (tag_ids[f"B-{label}"], tag_ids[f"I-{label}"]) for label in labels.names()
        }
        self.quoted = QuotedWords()

    def add(self, document: Document, spans: list[Span]) -> None:
        tokenized, kept = self.context.flat_spans(document, spans, "HF")
        words = tokenized.json_words(self.quoted)
        # Tag O everywhere but in the few spans (the IOB2 tags' names, made only to be
        # looked up here, were a twentieth of the export).
        tags = [self.outside] * len(words)
        label_tags = self.label_tags
        for item in kept:
            begin, inside = label_tags[item.span.label]
            first, last = item.first, item.last
            tags[first] = begin
            if last > first:
                tags[first + 1 : last + 1] = [inside] * (last - first)
        # Rows written by hand (each token quoted once): json.dumps per row is slow at
        # 10,000 documents. The output is what json.dumps(row, ensure_ascii=False) gives.
        # The id as json.dumps writes it (an int's repr, without the encoder's call).
        own_id = document.id
        document_id = repr(own_id) if type(own_id) is int else json.dumps(own_id)
        row_id = str(document.id)
        rows = [
            f'{{"id": "{row_id}-{number}", "document_id": {document_id},'
            f' "tokens": [{", ".join(words[first : last + 1])}],'
            f' "ner_tags": [{", ".join(tags[first : last + 1])}]}}\n'
            for number, (first, last) in enumerate(tokenized.sentences(list(map(_EDGES, kept))))
        ]
        self.stream.write("".join(rows))

    def finish(self) -> None:
        if self.owned:
            self.stream.close()


class HfExporter(Exporter):
    # (the window's export dialog repeats this text for translation)
    in_workers = True

    def part_target(self, root: Path, part: str) -> Path:
        return root  # the parts are files side by side under data/, as datasets expects

    def open(
        self, target: TextIO | Path, labels: LabelSchema, context: ExportContext, part: str | None
    ) -> RecordSink:
        assert isinstance(target, Path)
        data = target / DATA_FOLDER
        data.mkdir(exist_ok=True)
        path = data / f"{part or 'data'}{self.extension}"
        return HfSink(path.open("w", encoding="utf-8", newline="\n"), labels, context)

    def open_text(
        self, stream: TextIO, labels: LabelSchema, context: ExportContext, part: str | None
    ) -> RecordSink:
        return HfSink(stream, labels, context, owned=False)

    def finish_folder(self, root: Path, labels: LabelSchema, context: ExportContext) -> None:
        # datasets refuses a split with no rows when it loads the folder: leave empty parts out.
        parts = []
        for data in sorted((root / DATA_FOLDER).glob(f"*{self.extension}")):
            if data.stat().st_size == 0:
                data.unlink()
            else:
                parts.append(data.stem)
        names = iob2_names(labels.names())
        (root / "labels.json").write_text(
            json.dumps({"names": names}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        (root / "README.md").write_text(dataset_card(parts, names), encoding="utf-8")


def dataset_card(parts: list[str], names: list[str]) -> str:
    """README.md with the YAML header that ``datasets`` and the Hub read: files and features."""
    order = {"train": 0, "data": 0, "dev": 1, "test": 2}
    files = "".join(
        f"  - split: {SPLIT_NAMES.get(part, part)}\n    path: {DATA_FOLDER}/{part}.jsonl\n"
        for part in sorted(parts, key=lambda part: order.get(part, 3))
    )
    classes = "".join(
        f"          '{number}': {json.dumps(name, ensure_ascii=False)}\n"
        for number, name in enumerate(names)
    )
    return (
        "---\n"
        "configs:\n"
        "- config_name: default\n"
        "  data_files:\n"
        f"{files}"
        "dataset_info:\n"
        "  features:\n"
        "  - name: id\n"
        "    dtype: string\n"
        "  - name: document_id\n"
        "    dtype: int64\n"
        "  - name: tokens\n"
        "    sequence: string\n"
        "  - name: ner_tags\n"
        "    sequence:\n"
        "      class_label:\n"
        "        names:\n"
        f"{classes}"
        "---\n\n"
        "# Named entities exported by annotator\n\n"
        "One row per sentence: `tokens` from annotator's clitic-aware Arabic tokenizer and\n"
        "their IOB2 `ner_tags` (names in `labels.json`).\n"
        "Load with `datasets.load_dataset(<this folder>)`.\n"
    )


_EDGES = itemgetter(1, 2)  # an aligned span's first and last token

DATA_FOLDER = "data"
# Our part names as datasets names its splits.
SPLIT_NAMES = {"data": "train", "dev": "validation"}
