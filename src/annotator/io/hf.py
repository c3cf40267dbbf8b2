"""A Hugging Face ``datasets`` layout: JSONL of tokens and integer tags, and the tag list.

The folder holds ``data.jsonl`` (or ``train.jsonl``, ``dev.jsonl``,
``test.jsonl`` with a split; a part with no document is left out) and
``labels.json``; one line per sentence::

    {"id": "12-0", "document_id": 12, "tokens": ["و", "كوريا", ...], "ner_tags": [0, 1, ...]}

``labels.json`` gives the ClassLabel names in tag order (O, B-actor, I-actor,
...), and ``dataset_infos.json`` the same as ``datasets`` features. Load with::

    datasets.load_dataset("json", data_files={"train": "out/train.jsonl", ...})

and ``ClassLabel(names=json.load(open("out/labels.json"))["names"])``, or simply
``datasets.load_dataset("out")``, which reads the ClassLabel names from
``dataset_infos.json`` and takes dev as the validation split. Tags
follow the IOB2 export (same tokens, sentences and outermost-span policy).
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring
from pathlib import Path
from typing import TextIO

from annotator.core.labels import LabelSchema
from annotator.core.model import Document, Span
from annotator.io.registry import Exporter, Layout, RecordSink, register_exporter
from annotator.io.report import ExportContext, iob2_names


class HfSink(RecordSink):
    def __init__(self, path: Path, labels: LabelSchema, context: ExportContext):
        self.stream = path.open("w", encoding="utf-8", newline="\n")
        self.context = context
        # Tags as the text of their number, ready to join into JSON.
        self.tag_ids = {name: str(number) for number, name in enumerate(iob2_names(labels.names()))}

    def add(self, document: Document, spans: list[Span]) -> None:
        tokenized, kept, names = self.context.flat_tags(document, spans, "HF")
        tags = list(map(self.tag_ids.__getitem__, names))
        # Rows written by hand (each token quoted once): json.dumps per row is slow at
        # 10,000 documents. The output is what json.dumps(row, ensure_ascii=False) gives.
        words = list(map(encode_basestring, tokenized.words()))
        document_id = json.dumps(document.id)
        row_id = str(document.id)
        rows = [
            f'{{"id": "{row_id}-{number}", "document_id": {document_id},'
            f' "tokens": [{", ".join(words[first : last + 1])}],'
            f' "ner_tags": [{", ".join(tags[first : last + 1])}]}}\n'
            for number, (first, last) in enumerate(
                tokenized.sentences((item.first, item.last) for item in kept)
            )
        ]
        self.stream.write("".join(rows))

    def finish(self) -> None:
        self.stream.close()


class HfExporter(Exporter):
    name = "hf"
    description = "Hugging Face datasets folder: {train,dev,test}.jsonl or data.jsonl + labels.json"
    extension = ".jsonl"
    layout = Layout.FOLDER

    def part_target(self, root: Path, part: str) -> Path:
        return root  # the parts are files side by side, as datasets expects

    def open(
        self, target: TextIO | Path, labels: LabelSchema, context: ExportContext, part: str | None
    ) -> RecordSink:
        assert isinstance(target, Path)
        return HfSink(target / f"{part or 'data'}{self.extension}", labels, context)

    def finish_folder(self, root: Path, labels: LabelSchema, context: ExportContext) -> None:
        # datasets refuses a split with no rows when it loads the folder: leave empty parts out.
        for data in root.glob(f"*{self.extension}"):
            if data.stat().st_size == 0:
                data.unlink()
        names = iob2_names(labels.names())
        (root / "labels.json").write_text(
            json.dumps({"names": names}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        features = {
            "id": {"dtype": "string", "_type": "Value"},
            "document_id": {"dtype": "int64", "_type": "Value"},
            "tokens": {"feature": {"dtype": "string", "_type": "Value"}, "_type": "Sequence"},
            "ner_tags": {
                "feature": {"names": names, "_type": "ClassLabel"},
                "_type": "Sequence",
            },
        }
        (root / "dataset_infos.json").write_text(
            json.dumps({"default": {"features": features}}, ensure_ascii=False, indent=1) + "\n",
            encoding="utf-8",
        )


register_exporter(HfExporter())
