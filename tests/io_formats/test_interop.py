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


# -- Label Studio ------------------------------------------------------------------------

# Label Studio's result format (docs/source/includes/result_format.md, "relations"): a region
# id is made of A-Za-z0-9_-; a relation result names two regions of the same result list by
# from_id and to_id, with a direction (left, right, bi) and optional labels and notes.
_REGION_ID = re.compile(r"^[A-Za-z0-9_-]+$")
_RELATION_KEYS = {"type", "from_id", "to_id", "direction", "labels", "notes"}


def label_studio_shape_problems(tasks: list[dict]) -> list[str]:
    problems = []
    for number, task in enumerate(tasks, start=1):
        for annotation in task["annotations"]:
            results = annotation["result"]
            regions = {r["id"]: r for r in results if r["type"] != "relation"}
            for result in results:
                if result["type"] != "relation":
                    if not _REGION_ID.match(result["id"]):
                        problems.append(f"task {number}: region id {result['id']!r}")
                    continue
                if not {"type", "from_id", "to_id"} <= set(result) <= _RELATION_KEYS:
                    problems.append(f"task {number}: relation keys {sorted(result)}")
                if result["from_id"] not in regions or result["to_id"] not in regions:
                    problems.append(f"task {number}: relation to a region not in the result")
                if result.get("direction", "right") not in {"left", "right", "bi"}:
                    problems.append(f"task {number}: direction {result['direction']!r}")
                labels = result.get("labels", [])
                if not (isinstance(labels, list) and all(isinstance(x, str) for x in labels)):
                    problems.append(f"task {number}: relation labels {labels!r}")
    return problems


def test_label_studio_relations_have_the_documented_shape_and_point_from_event_to_argument(
    tmp_path,
):
    from sample_project import SAMPLE_LINKS, linked_sample_project

    out = tmp_path / "tasks.json"
    export_project(linked_sample_project(), out, fmt="labelstudio")
    tasks = json.loads(out.read_text(encoding="utf-8"))
    assert label_studio_shape_problems(tasks) == []
    found = []
    for task in tasks:
        text = task["data"]["text"]
        for annotation in task["annotations"]:
            regions = {r["id"]: r["value"] for r in annotation["result"] if r["type"] == "labels"}
            for result in annotation["result"]:
                if result["type"] == "relation":
                    event, argument = regions[result["from_id"]], regions[result["to_id"]]
                    assert result["direction"] == "right" and event["labels"] == ["event"]
                    found.append(
                        (
                            text[event["start"] : event["end"]],
                            *result["labels"],
                            text[argument["start"] : argument["end"]],
                        )
                    )
    assert sorted(found) == sorted((e, role, a) for _, e, role, a in SAMPLE_LINKS)
    # The checker does find a shape Label Studio would not load.
    tasks[0]["annotations"][0]["result"][-1]["to_id"] = "s99"
    tasks[0]["annotations"][0]["result"][-1]["direction"] = "up"
    assert len(label_studio_shape_problems(tasks)) == 2


# -- DyGIE++ -----------------------------------------------------------------------------


def seed_events_project() -> Project:
    """The linked sample, and the seed article with the pact and the troop dispatch."""
    from sample_project import linked_sample_project

    from annotator.core.edits import AddSpan
    from annotator.core.link_edits import AddLink, SetEventType

    project = linked_sample_project()
    text = SEED.read_text(encoding="utf-8")
    document_id = project.add_document(Document("seed", text))
    dispatch = text.index("بيونغ يانغ أرسلت")

    def span(label: str, phrase: str, after: int = 0) -> int:
        start = text.index(phrase, after)
        project.apply(AddSpan(document_id, start, start + len(phrase), label))
        return project.find_span(document_id, start, start + len(phrase), label).id

    pact = span("event", "وقعت")
    project.apply(AddLink(pact, span("actor", "روسيا"), "agent"))
    project.apply(AddLink(pact, span("actor", "كوريا الشمالية"), "agent"))
    project.apply(SetEventType(pact, "agreement"))
    sent = span("event", "أرسلت", dispatch)
    project.apply(AddLink(sent, span("actor", "بيونغ يانغ", dispatch), "agent"))
    project.apply(AddLink(sent, span("number", "1500", dispatch), "quantity"))
    project.apply(AddLink(sent, span("actor", "روسيا", dispatch), "target"))
    project.apply(SetEventType(sent, "deployment"))
    return project


def read_dygiepp(line: str, text: str) -> dict:
    """A reader written from DyGIE++'s doc/data.md, independent of annotator.io.

    Mandatory: doc_key (a string), dataset (a string), sentences (lists of non-empty
    tokens). ner, relations and events hold one list a sentence; token indexes count
    from the start of the document; ends are inclusive; an event is [[trigger,
    type], [start, end, role], ...] inside its sentence. Tokens are found in the text
    in order, so that each index maps back to characters.
    """
    document = json.loads(line)
    assert isinstance(document["doc_key"], str) and isinstance(document["dataset"], str)
    sentences = document["sentences"]
    for field in ("ner", "relations", "events"):
        assert len(document[field]) == len(sentences), field
    places, cursor, sentence_of = [], 0, []
    for number, sentence in enumerate(sentences):
        for token in sentence:
            assert isinstance(token, str) and token != ""
            start = text.index(token, cursor)
            assert text[cursor:start].strip() == "", (text[cursor:start], token)
            places.append((start, start + len(token)))
            cursor = start + len(token)
            sentence_of.append(number)
    assert text[cursor:].strip() == ""

    def characters(first: int, last: int, sentence: int) -> tuple[int, int]:
        assert 0 <= first <= last < len(places)
        assert sentence_of[first] == sentence_of[last] == sentence
        return places[first][0], places[last][1]

    entities, events = [], []
    for sentence, found in enumerate(document["ner"]):
        for first, last, label in found:
            entities.append((*characters(first, last, sentence), label))
    for sentence, found in enumerate(document["events"]):
        for (trigger, event_type), *arguments in found:
            where = characters(trigger, trigger, sentence)
            roles = [(*characters(a, b, sentence), role) for a, b, role in arguments]
            events.append((where, event_type, roles))
    return {"entities": entities, "events": events}


def test_dygiepp_export_read_by_an_independent_reader_matches_every_trigger_and_argument(
    tmp_path,
):
    project = seed_events_project()
    out = tmp_path / "events.jsonl"
    report = export_project(project, out, fmt="dygiepp")
    lines = out.read_text(encoding="utf-8").splitlines()
    documents = list(project.iter_documents())
    assert len(lines) == len(documents)
    checked = 0
    for line, (document, spans) in zip(lines, documents, strict=True):
        text = document.text
        read = read_dygiepp(line, text)
        by_id = {span.id: span for span in spans}
        # Spans cut inside a token are left out and listed, with their links.
        listed = {(n.start, n.end) for n in report.span_notes.get(document.id, [])}
        cut = {s.id for s in spans if (s.start, s.end) in listed}
        expected_events = {}
        for link in project.links_of_document(document.id):
            if link.event in cut or link.argument in cut:
                continue
            argument = by_id[link.argument]
            expected_events.setdefault(link.event, []).append(
                (argument.start, argument.end, link.role)
            )
        events = [s for s in spans if s.label == "event" and s.id not in cut]
        assert len(read["events"]) == len(events)
        for (start, end), event_type, roles in read["events"]:
            # The trigger is the first token of its event span; the type its attribute.
            [event] = [s for s in events if s.start == start]
            assert text[start:end] == text[event.start : event.end].split()[0]
            assert event_type == dict(event.attributes).get("type", "event")
            assert sorted(roles) == sorted(expected_events.get(event.id, []))
            checked += 1 + len(roles)
        assert sorted(read["entities"]) == sorted(
            (s.start, s.end, s.label) for s in spans if s.label != "event" and s.id not in cut
        )
    seed_read = read_dygiepp(lines[-1], documents[-1][0].text)
    seed_text = documents[-1][0].text
    assert sorted(
        (seed_text[slice(*where)], kind, [seed_text[a:b] + "=" + role for a, b, role in roles])
        for where, kind, roles in seed_read["events"]
    ) == [
        ("أرسلت", "deployment", ["بيونغ يانغ=agent", "1500=quantity", "روسيا=target"]),
        ("وقعت", "agreement", ["روسيا=agent", "كوريا الشمالية=agent"]),
    ]
    assert checked == 4 + 10  # every trigger and every argument written was checked
    assert [n.text for n in report.notes()] == ["مشتر"]
