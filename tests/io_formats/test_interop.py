"""Our exports read by the real consumers: spaCy and Hugging Face datasets (the interop extra)."""

from __future__ import annotations

import builtins
import io
import json
import re
from pathlib import Path

import pytest
from sample_project import FIRST, SECOND, first_spans, sample_project

from annotator.core.errors import AnnotatorError
from annotator.core.model import Document, Span
from annotator.io.exporting import export_project
from annotator.io.report import INSIDE_TOKEN
from annotator.io.tokens import TokenizedText, default_tokenize
from annotator.storage import Project

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_691f64315ff478ca.txt"
SEED_MENTIONS = [
    ("روسيا", "actor"),
    ("كوريا الشمالية", "actor"),
    ("إيران", "actor"),
    ("الطائرات المسيرة", "weapon"),
    ("الصواريخ الباليستية", "weapon"),
    ("1500", "number"),
    ("الولايات المتحدة الأميركية", "actor"),
]


def seed_project() -> tuple[Project, str, list[Span]]:
    """The seed article with each mention marked wherever it stands as a word (after a clitic too)."""
    text = SEED.read_text(encoding="utf-8")
    spans = []
    for needle, label in SEED_MENTIONS:
        whole = re.compile(
            rf"(?:(?<!\w)|(?<=(?<!\w)[وبلفك])|(?<=(?<!\w)و[بلك])){re.escape(needle)}(?!\w)"
        )
        spans.extend(Span(m.start(), m.end(), label) for m in whole.finditer(text))
    project = Project.in_memory()
    project.import_documents([(Document("seed", text), spans)])
    return project, text, spans


# -- spaCy -------------------------------------------------------------------------------


def test_every_exported_seed_span_passes_char_span_strict_on_docs_built_from_our_tokens():
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import Doc

    from annotator.io.spacy_docbin import words_and_spaces

    _, text, spans = seed_project()
    assert len(spans) > 15
    tokenize = default_tokenize(needle for needle, _ in SEED_MENTIONS)
    words, spaces = words_and_spaces(TokenizedText.of(text, tokenize))
    doc = Doc(spacy.blank("ar").vocab, words=words, spaces=spaces)
    assert doc.text == text
    for span in spans:
        made = doc.char_span(span.start, span.end, span.label, alignment_mode="strict")
        assert made is not None, text[span.start : span.end]
        assert made.text == text[span.start : span.end]


def test_spacy_docbin_loads_back_with_the_same_text_entities_and_spans(tmp_path):
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import DocBin

    project, text, spans = seed_project()
    out = tmp_path / "seed.spacy"
    report = export_project(project, out, fmt="spacy")
    [doc] = list(DocBin().from_disk(out).get_docs(spacy.blank("ar").vocab))
    assert doc.text == text
    expected = sorted((s.start, s.end, s.label) for s in spans)
    assert sorted((e.start_char, e.end_char, e.label_) for e in doc.ents) == expected
    assert sorted((s.start_char, s.end_char, s.label_) for s in doc.spans["sc"]) == expected
    assert report.spans_written == len(spans)
    assert doc.user_data["id"] == 1


def test_spacy_docbin_keeps_crlf_and_overlaps_and_lists_cut_spans(tmp_path):
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import DocBin

    out = tmp_path / "sample.spacy"
    report = export_project(sample_project(), out, fmt="spacy")
    docs = list(DocBin().from_disk(out).get_docs(spacy.blank("ar").vocab))
    assert docs[1].text == SECOND
    assert [e.text for e in docs[1].ents] == ["قصفت القوات\r\nمدينة خاركيف", "الصواريخ"]
    assert "خاركيف" in [s.text for s in docs[1].spans["sc"]]  # the nested actor is kept here
    assert [n.text for n in report.notes(INSIDE_TOKEN)] == ["مشتر"]


def test_spacy_split_writes_a_docbin_a_part(tmp_path):
    pytest.importorskip("spacy")
    export_project(sample_project(), tmp_path / "out", fmt="spacy", split="0.5,0.5")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "config.cfg",
        "test.spacy",
        "train.spacy",
    ]


def test_without_spacy_the_spacy_format_says_how_to_install_it(tmp_path, monkeypatch):
    real_import = builtins.__import__

    def no_spacy(name, *args, **kwargs):
        if name == "spacy" or name.startswith("spacy."):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_spacy)
    with pytest.raises(AnnotatorError, match=r"pip install 'annotator\[interop\]'"):
        export_project(sample_project(), tmp_path / "x.spacy", fmt="spacy")
    assert not (tmp_path / "x.spacy").exists()


# -- Hugging Face datasets ---------------------------------------------------------------


def test_hf_folder_loads_with_datasets_and_tags_name_the_labels(tmp_path):
    datasets = pytest.importorskip("datasets")
    out = tmp_path / "hf"
    report = export_project(sample_project(), out, fmt="hf", split="0.34,0.33,0.33", seed=13)
    assert {p.name for p in out.iterdir()} == {"labels.json", "README.md", "data"}
    written = {part for part, count in report.parts.items() if count}
    assert {p.name for p in (out / "data").iterdir()} == {f"{part}.jsonl" for part in written}
    names = json.loads((out / "labels.json").read_text(encoding="utf-8"))["names"]
    assert names[:3] == ["O", "B-actor", "I-actor"]
    loaded = datasets.load_dataset(str(out), cache_dir=str(tmp_path / "cache"))
    assert set(loaded) == {"validation" if part == "dev" else part for part in written}
    rows = [row for part in loaded.values() for row in part]
    assert {row["document_id"] for row in rows} == {1, 2, 3}
    tags = loaded[next(iter(loaded))].features["ner_tags"].feature
    assert tags.names == names
    clitic = next(row for row in rows if "كوريا" in row["tokens"])
    at = clitic["tokens"].index("كوريا")
    assert clitic["tokens"][at - 1 : at + 2] == ["و", "كوريا", "الشمالية"]
    assert tags.int2str(clitic["ner_tags"][at - 1 : at + 2]) == ["O", "B-actor", "I-actor"]
    assert all(len(row["tokens"]) == len(row["ner_tags"]) for row in rows)


def test_hf_folder_without_split_loads_with_datasets_as_one_train_split(tmp_path):
    # It used to crash: datasets read labels.json as data (DatasetGenerationCastError).
    datasets = pytest.importorskip("datasets")
    out = tmp_path / "hf"
    report = export_project(sample_project(), out, fmt="hf")
    assert report.documents == 3
    loaded = datasets.load_dataset(str(out), cache_dir=str(tmp_path / "cache"))
    assert set(loaded) == {"train"}
    rows = list(loaded["train"])
    assert {row["document_id"] for row in rows} == {1, 2, 3}
    tags = loaded["train"].features["ner_tags"].feature
    assert tags.names == json.loads((out / "labels.json").read_text("utf-8"))["names"]
    tagged = [tags.int2str(tag) for row in rows for tag in row["ner_tags"]]
    iob2 = io.StringIO()
    export_project(sample_project(), iob2, fmt="iob2")
    assert tagged == [line.split("\t")[1] for line in iob2.getvalue().splitlines() if "\t" in line]


def test_hf_folder_loads_as_a_dataset_with_class_label_tags_and_a_validation_split(tmp_path):
    datasets = pytest.importorskip("datasets")
    project = Project.in_memory()
    records = []
    for number in range(40):
        text = f"{FIRST} {number}"
        records.append((Document(f"d{number}", text), [s for s in first_spans()]))
    project.import_documents(records)
    out = tmp_path / "hf"
    report = export_project(project, out, fmt="hf", split="0.8,0.1,0.1")
    assert all(report.parts[part] > 0 for part in ("train", "dev", "test"))
    loaded = datasets.load_dataset(str(out), cache_dir=str(tmp_path / "cache"))
    assert set(loaded) == {"train", "validation", "test"}
    assert sum(len(part) for part in loaded.values()) == 40 * 3  # three sentences a document
    tags = loaded["train"].features["ner_tags"].feature
    assert tags.names == json.loads((out / "labels.json").read_text("utf-8"))["names"]
    row = loaded["train"][0]
    assert tags.int2str(row["ner_tags"][row["tokens"].index("كوريا")]) == "B-actor"


def test_hf_leaves_out_a_part_with_no_document(tmp_path):
    out = tmp_path / "hf"
    report = export_project(sample_project(), out, fmt="hf", split="0.34,0.33,0.33", seed=13)
    written = {p.stem for p in (out / "data").glob("*.jsonl")}
    assert written == {part for part, count in report.parts.items() if count}
    assert "test" not in written or "path: data/test.jsonl" in (out / "README.md").read_text(
        "utf-8"
    )


def test_hf_rows_are_valid_json_when_tokens_hold_quotes_and_backslashes(tmp_path):
    text = 'قال "روسيا" \\ غدا\t«كوريا»'
    project = Project.in_memory()
    project.import_documents([(Document("q", text), [Span(5, 10, "actor")])])
    export_project(project, tmp_path / "hf", fmt="hf")
    [row] = [
        json.loads(line)
        for line in (tmp_path / "hf" / "data" / "data.jsonl").open(encoding="utf-8")
    ]
    assert row["tokens"] == ["قال", '"', "روسيا", '"', "\\", "غدا", "«", "كوريا", "»"]
    assert row["ner_tags"] == [0, 0, 1, 0, 0, 0, 0, 0, 0]


# -- IOB2 / CoNLL readers ----------------------------------------------------------------


def iob2_of(project: Project, tmp_path: Path) -> tuple[Path, int]:
    out = tmp_path / "data.conll"
    report = export_project(project, out, fmt="iob2")
    return out, report.spans_written


def test_spacy_convert_reads_our_iob2_with_every_document_and_entity(tmp_path):
    pytest.importorskip("spacy")
    import subprocess
    import sys

    from annotated_seed import annotated_seed_project
    from spacy.tokens import DocBin

    project = annotated_seed_project()
    project.import_documents([(Document("اتفاقية", FIRST), first_spans())])
    conll, written = iob2_of(project, tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "spacy", "convert", "-c", "ner", str(conll), str(tmp_path)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    import spacy

    docs = list(DocBin().from_disk(tmp_path / "data.spacy").get_docs(spacy.blank("xx").vocab))
    assert len(docs) == 2  # one per -DOCSTART- line, none made of the line itself
    assert sum(len(doc.ents) for doc in docs) == written
    assert "-DOCSTART-" not in [token.text for doc in docs for token in doc]


def test_seqeval_reads_our_tags_as_strict_iob2_with_every_entity(tmp_path):
    pytest.importorskip("seqeval")
    from annotated_seed import annotated_seed_project
    from seqeval.metrics import classification_report
    from seqeval.metrics.sequence_labeling import get_entities
    from seqeval.scheme import IOB2

    conll, written = iob2_of(annotated_seed_project(), tmp_path)
    # The common CoNLL reading loop: skip -DOCSTART- lines, blank lines end a sentence.
    sentences, current = [], []
    for line in conll.read_text(encoding="utf-8").splitlines():
        if line.startswith("-DOCSTART-") or not line.strip():
            if current:
                sentences.append(current)
            current = []
            continue
        current.append(line.split()[-1])
    if current:
        sentences.append(current)
    assert sum(len(get_entities(tags)) for tags in sentences) == written
    report = classification_report(
        sentences, sentences, mode="strict", scheme=IOB2, output_dict=True
    )
    assert report["micro avg"]["support"] == written


# -- brat --------------------------------------------------------------------------------


def test_brat_validation_reports_no_error_for_nested_and_overlapping_spans(tmp_path):
    from annotated_seed import annotated_seed_project
    from brat_rules import brat_errors

    project = annotated_seed_project()
    text = "قصفت القوات مدينة خاركيف"
    project.import_documents(
        [
            # Crossing and identical spans, which the project allows too (brat checks the
            # overlaps of entities, not of event triggers: the crossing is actor/weapon).
            (
                Document("x", text),
                [
                    Span(0, 11, "event"),
                    Span(5, 17, "actor"),
                    Span(5, 11, "weapon"),
                    Span(12, 24, "weapon"),
                ],
            )
        ]
    )
    out = tmp_path / "brat"
    export_project(project, out, fmt="brat")
    assert brat_errors(out) == []
    # The checker does find what brat reported before: the same folder without the rule.
    conf = out / "annotation.conf"
    conf.write_text(conf.read_text(encoding="utf-8").replace("<OVERLAP>", "#"), encoding="utf-8")
    errors = brat_errors(out)
    assert any("weapon cannot contain number" in error for error in errors)
    assert any("cannot cross" in error for error in errors)


def test_brat_txt_read_with_newline_empty_keeps_every_offset(tmp_path):
    out = tmp_path / "brat"
    export_project(sample_project(), out, fmt="brat")
    from brat_rules import text_bounds

    for ann in out.glob("*.ann"):
        txt = ann.with_suffix(".txt")
        with txt.open(encoding="utf-8", newline="") as handle:  # as the README says
            text = handle.read()
        quoted = [
            line.split("\t")[2] for line in ann.read_text("utf-8").splitlines() if line[0] == "T"
        ]
        for (_, _, start, end), expected in zip(text_bounds(ann), quoted, strict=True):
            assert " ".join(text[start:end].split()) == " ".join(expected.split())


# -- doccano -----------------------------------------------------------------------------


def test_doccano_export_names_each_nested_span_and_the_setting_doccano_needs(tmp_path):
    from annotator.io.jsonl import DOCCANO_OVERLAP

    out = tmp_path / "doccano.jsonl"
    report = export_project(sample_project(), out, fmt="doccano")
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sum(len(row["label"]) for row in rows) == report.spans_written == 10  # all written
    # doccano's default project drops the spans inside others: they are named, by document.
    nested = {(note.document_id, note.text) for note in report.notes(DOCCANO_OVERLAP)}
    assert nested == {(1, "بيونغ يانغ"), (1, "1500"), (2, "خاركيف")}
    lines = report.messages()
    assert "doccano: 3 span(s) written, but overlaps" in lines[0]
    assert "'Allow overlapping spans'" in lines[0]
    assert "  document 1: 2 span(s)" in lines
