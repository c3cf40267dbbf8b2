"""Each format against small golden files, and back into a project where the format allows."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from sample_project import FIRST, SECOND, first_spans, sample_project, second_spans, stored

from annotator.core.model import Document, Span
from annotator.io.exporting import export_project
from annotator.io.importing import import_paths
from annotator.io.report import INSIDE_TOKEN, INSIDE_TOKEN_CHARS_ONLY, OVERLAPS
from annotator.storage import Project

GOLDEN = Path(__file__).parent / "golden"


def exported(fmt: str) -> tuple[str, object]:
    stream = io.StringIO()
    report = export_project(sample_project(), stream, fmt=fmt)
    return stream.getvalue(), report


@pytest.mark.parametrize(
    ("fmt", "golden"),
    [
        ("prodigy", "sample.prodigy.jsonl"),
        ("labelstudio", "sample.labelstudio.json"),
        ("iob2", "sample.conll"),
    ],
)
def test_export_matches_its_golden_file(fmt, golden):
    text, _ = exported(fmt)
    assert text == (GOLDEN / golden).read_text(encoding="utf-8")


# -- Prodigy / spaCy JSONL with tokens --------------------------------------------------


def test_prodigy_tokens_split_the_clitic_and_spans_point_at_their_tokens():
    text, report = exported("prodigy")
    first = json.loads(text.splitlines()[0])
    tokens = first["tokens"]
    assert [t["text"] for t in tokens[1:5]] == ["روسيا", "و", "كوريا", "الشمالية"]
    for token in tokens:
        assert FIRST[token["start"] : token["end"]] == token["text"]
    for span in first["spans"]:
        if "token_start" in span:
            assert tokens[span["token_start"]]["start"] == span["start"]
            assert tokens[span["token_end"]]["end"] == span["end"]  # inclusive, as Prodigy
    # The span cut inside a word keeps its characters but gets no token indexes, and is listed.
    [cut] = [s for s in first["spans"] if FIRST[s["start"] : s["end"]] == "مشتر"]
    assert "token_start" not in cut
    [note] = report.notes(INSIDE_TOKEN_CHARS_ONLY)
    assert (note.document_id, note.text) == (1, "مشتر")
    assert any("document 1" in line for line in report.messages())


def test_prodigy_export_imports_back_with_every_span_and_value(tmp_path):
    out = tmp_path / "prodigy.jsonl"
    export_project(sample_project(), out, fmt="prodigy")
    again = Project.in_memory()
    import_paths(again, [out], fmt="prodigy")
    assert stored(again) == stored(sample_project())


# -- Label Studio ------------------------------------------------------------------------


def test_label_studio_tasks_round_trip_spans_and_values(tmp_path):
    out = tmp_path / "tasks.json"
    export_project(sample_project(), out, fmt="labelstudio")
    tasks = json.loads(out.read_text(encoding="utf-8"))
    result = tasks[0]["annotations"][0]["result"][0]
    assert result["from_name"] == "label" and result["to_name"] == "text"
    assert result["type"] == "labels"
    assert result["value"] == {"start": 5, "end": 10, "text": "روسيا", "labels": ["actor"]}
    again = Project.in_memory()
    import_paths(again, [out], fmt="labelstudio")
    assert stored(again) == stored(sample_project())


def test_label_studio_import_reads_an_export_made_by_label_studio(tmp_path):
    # The shape Label Studio's own JSON export has: ids, several annotations, other results.
    task = {
        "id": 7,
        "data": {"text": FIRST},
        "annotations": [
            {"was_cancelled": True, "result": []},
            {
                "id": 3,
                "completed_by": 1,
                "result": [
                    {
                        "id": "aB3x",
                        "from_name": "label",
                        "to_name": "text",
                        "type": "labels",
                        "origin": "manual",
                        "value": {"start": 5, "end": 10, "text": "روسيا", "labels": ["actor"]},
                    },
                    {"id": "c1", "type": "choices", "value": {"choices": ["ok"]}},
                ],
            },
        ],
    }
    path = tmp_path / "ls.json"
    path.write_text(json.dumps([task], ensure_ascii=False), encoding="utf-8")
    project = Project.in_memory()
    import_paths(project, [path], fmt="labelstudio")
    assert stored(project) == [(FIRST, [(5, 10, "actor", None)])]


# -- IOB2 / CoNLL ------------------------------------------------------------------------


def test_iob2_tags_the_clitic_apart_and_counts_what_it_left_out():
    text, report = exported("iob2")
    lines = text.splitlines()
    assert lines[:2] == ["-DOCSTART- -X- O O", ""]
    start = lines.index("روسيا\tB-actor")
    assert lines[start : start + 4] == [
        "روسيا\tB-actor",
        "و\tO",
        "كوريا\tB-actor",
        "الشمالية\tI-actor",
    ]
    # Sentences end after '.', '؟' and at line breaks, not inside the event across CRLF.
    assert lines[lines.index(".\tO") + 1] == ""
    assert "القوات\tI-event" in lines and lines[lines.index("القوات\tI-event") + 1] != ""
    assert lines.count("-DOCSTART- -X- O O") == 3
    # Outermost wins: the event is kept, the actor and number inside it are counted out.
    left = {(n.text, n.reason) for n in report.notes()}
    assert ("بيونغ يانغ", OVERLAPS) in left and ("1500", OVERLAPS) in left
    assert ("خاركيف", OVERLAPS) in left
    assert ("مشتر", INSIDE_TOKEN) in left
    assert report.count(OVERLAPS) == 3
    assert any("3 span(s) left out: overlaps" in line for line in report.messages())


def test_iob2_round_trips_documents_of_spaced_tokens(tmp_path):
    # Token-aligned, non-nested spans over text that already is tokens joined by one space.
    text = "وقعت روسيا و كوريا الشمالية اتفاقية .\nأرسلت بيونغ يانغ 1500 جندي"
    spans = [
        Span(5, 10, "actor"),
        Span(13, 27, "actor"),
        Span(text.index("بيونغ"), text.index("بيونغ") + 10, "actor"),
        Span(text.index("1500"), text.index("1500") + 4, "number"),
    ]
    project = Project.in_memory()
    project.import_documents([(Document("t", text), spans)])
    out = tmp_path / "data.conll"
    export_project(project, out, fmt="iob2")
    again = Project.in_memory()
    import_paths(again, [out], fmt="iob2")
    assert stored(again) == [(text, sorted((s.start, s.end, s.label, None) for s in spans))]


def test_iob2_import_of_other_text_keeps_span_words(tmp_path):
    out = tmp_path / "data.conll"
    export_project(sample_project(), out, fmt="iob2")
    again = Project.in_memory()
    import_paths(again, [out], fmt="iob2")
    words = [[doc.text[s.start : s.end] for s in spans] for doc, spans in again.iter_documents()]
    assert words[0] == ["روسيا", "كوريا الشمالية", "أرسلت بيونغ يانغ أكثر من 1500 جندي", "روسيا"]
    assert words[1] == ["قصفت القوات مدينة خاركيف", "الصواريخ"]


# -- brat standoff -----------------------------------------------------------------------

_T_LINE = re.compile(r"^T\d+\t[^\s]+ \d+ \d+(?:;\d+ \d+)*\t[^\t\n]*$")
_NOTE_LINE = re.compile(r"^#\d+\tAnnotatorNotes T\d+\t[^\t\n]*$")


def read_brat(folder: Path, stem: str) -> tuple[str, list[dict], dict[str, str]]:
    """A reader written to brat's standoff rules, independent of annotator.io.brat.

    The .txt is read without newline translation (brat counts every character);
    a T line is ID TAB TYPE START END(;START END)* TAB TEXT, TEXT being the
    fragments joined by a space; a note is #ID TAB AnnotatorNotes TARGET TAB NOTE.
    """
    text = (folder / f"{stem}.txt").read_bytes().decode("utf-8")
    entities, notes, ids = [], {}, set()
    for line in (folder / f"{stem}.ann").read_bytes().decode("utf-8").split("\n"):
        if not line:
            continue
        identifier = line.split("\t", 1)[0]
        assert identifier not in ids, f"duplicate id {identifier}"
        ids.add(identifier)
        if line.startswith("T"):
            assert _T_LINE.match(line), line
            _, middle, quoted = line.split("\t")
            label, where = middle.split(" ", 1)
            pieces = [tuple(map(int, part.split())) for part in where.split(";")]
            for start, end in pieces:
                assert 0 <= start < end <= len(text)
            assert quoted == " ".join(text[s:e] for s, e in pieces)
            entities.append({"id": identifier, "label": label, "pieces": pieces})
        else:
            assert _NOTE_LINE.match(line), line
            _, middle, note = line.split("\t")
            target = middle.split(" ")[1]
            assert target in {e["id"] for e in entities}
            notes[target] = note
    return text, entities, notes


def test_brat_files_follow_the_standoff_rules_and_match_golden(tmp_path):
    out = tmp_path / "brat"
    export_project(sample_project(), out, fmt="brat")
    for stem in ("doc-000001", "doc-000002"):
        assert (out / f"{stem}.ann").read_text(encoding="utf-8") == (
            GOLDEN / "brat" / f"{stem}.ann"
        ).read_text(encoding="utf-8")
    text, entities, notes = read_brat(out, "doc-000002")
    assert text == SECOND  # CRLF kept, so the offsets after it still hold
    event = entities[0]
    assert event["pieces"] == [(0, 11), (13, 25)]  # split at the line break, as brat does
    assert [text[s:e] for e in entities[1:] for s, e in e["pieces"]] == ["خاركيف", "الصواريخ"]
    text, entities, notes = read_brat(out, "doc-000001")
    number = next(e for e in entities if e["label"] == "number")
    assert notes == {number["id"]: "value=1500"}
    assert (out / "annotation.conf").read_text(encoding="utf-8").startswith("[entities]\nactor")


def test_brat_folder_imports_back_to_the_same_documents_spans_and_values(tmp_path):
    out = tmp_path / "brat"
    export_project(sample_project(), out, fmt="brat")
    again = Project.in_memory()
    import_paths(again, [out], fmt="brat")
    assert sorted(stored(again)) == sorted(stored(sample_project()))


def test_every_span_of_the_sample_is_in_the_brat_and_label_studio_files(tmp_path):
    expected = len(first_spans()) + len(second_spans())
    for fmt in ("brat", "labelstudio"):
        report = export_project(sample_project(), tmp_path / fmt, fmt=fmt)
        assert report.spans_written == expected
        assert report.notes() == []


def test_a_clitic_the_tokenizer_does_not_know_is_split_by_the_documents_own_span():
    # 'أرسلت' is in no lexicon, so 'وأرسلت' is one token until the event span names it.
    text = "وأرسلت كوريا الشمالية جنودا"
    project = Project.in_memory()
    project.import_documents([(Document("t", text), [Span(1, 6, "event")])])
    stream = io.StringIO()
    report = export_project(project, stream, fmt="iob2")
    assert stream.getvalue().splitlines()[2:4] == ["و\tO", "أرسلت\tB-event"]
    assert report.notes() == []
