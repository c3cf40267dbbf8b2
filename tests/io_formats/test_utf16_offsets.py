"""doccano's and Label Studio's editors count UTF-16 units: such spans are caught on import.

After an emoji (two UTF-16 units, one code point) every span drawn in those editors comes back
shifted; '[19,24]' becomes 'رة ال' instead of 'وزارة'. annotator import reports the document,
the span and the shift, and converts with --offsets utf16.
"""

from __future__ import annotations

import json

from click.testing import CliRunner

from annotator.cli.main import cli
from annotator.core.model import Document, Span
from annotator.io.exporting import export_project
from annotator.io.importing import import_paths
from annotator.io.offsets import utf16_to_codepoint
from annotator.storage import Project, open_project

TEXT = "😀 أعلنت وزارة الدفاع الروسية أن 👍 القوات دخلت مدينة خاركيف"
WORDS = ["وزارة الدفاع", "الروسية", "القوات", "خاركيف"]


def utf16(text: str, offset: int) -> int:
    return len(text[:offset].encode("utf-16-le")) // 2


def doccano_line(text: str, spans: list[tuple[int, int, str]]) -> str:
    return json.dumps({"text": text, "label": [list(span) for span in spans]}, ensure_ascii=False)


def code_point_spans(text: str) -> list[tuple[int, int, str]]:
    return [(text.index(w), text.index(w) + len(w), "actor") for w in WORDS]


def as_the_editor_counts(text: str) -> list[tuple[int, int, str]]:
    return [(utf16(text, s), utf16(text, e), label) for s, e, label in code_point_spans(text)]


def run_import(tmp_path, *args):
    project = tmp_path / "p.annotator"
    result = CliRunner().invoke(cli, ["--project", str(project), "import", *args])
    with open_project(project) as opened:
        stored = [
            (doc.text, [(doc.text[s.start : s.end], s.label) for s in spans])
            for doc, spans in opened.iter_documents()
        ]
    return result, stored


def test_the_conversion_counts_each_character_outside_the_bmp_as_two_units():
    astral = [index for index, char in enumerate(TEXT) if ord(char) > 0xFFFF]
    assert astral == [0, 32]
    assert [utf16_to_codepoint(utf16(TEXT, i), astral) for i in range(len(TEXT) + 1)] == list(
        range(len(TEXT) + 1)
    )
    assert utf16_to_codepoint(1, astral) is None  # between the two halves of 😀


def test_a_doccano_file_with_utf16_spans_is_reported_by_document_and_shift(tmp_path):
    data = tmp_path / "doccano.jsonl"
    other = "نص بلا رموز"
    data.write_text(
        doccano_line(other, [(0, 2, "event")])
        + "\n"
        + doccano_line(TEXT, as_the_editor_counts(TEXT))
        + "\n",
        encoding="utf-8",
    )
    result, stored = run_import(tmp_path, "--format", "doccano", str(data))
    assert result.exit_code == 1
    assert f"{data}:2: 4 span(s) line up only as UTF-16 code units" in result.output
    assert "shifted by 1 after '😀' at 0" in result.output
    assert "--offsets utf16" in result.output
    assert stored == []  # all or nothing, as always


def test_skip_invalid_names_the_shifted_document_instead_of_dropping_it_without_a_word(tmp_path):
    # The last span, shifted by two emoji, ends past the end of the text in code points.
    data = tmp_path / "doccano.jsonl"
    data.write_text(doccano_line(TEXT, as_the_editor_counts(TEXT)) + "\n", encoding="utf-8")
    assert as_the_editor_counts(TEXT)[-1][1] > len(TEXT)
    result, stored = run_import(tmp_path, "--format", "doccano", "--skip-invalid", str(data))
    assert result.exit_code == 0
    assert "skipped" in result.output and "UTF-16" in result.output and ":1:" in result.output
    assert stored == []


def test_with_offsets_utf16_the_spans_come_in_exactly(tmp_path):
    data = tmp_path / "doccano.jsonl"
    data.write_text(doccano_line(TEXT, as_the_editor_counts(TEXT)) + "\n", encoding="utf-8")
    result, stored = run_import(tmp_path, "--format", "doccano", "--offsets", "utf16", str(data))
    assert result.exit_code == 0, result.output
    assert stored == [(TEXT, [(word, "actor") for word in WORDS])]


def test_code_point_spans_on_emoji_text_come_in_as_they_are(tmp_path):
    # Our own doccano export counts code points: nothing to report, nothing shifted.
    project = Project.in_memory()
    project.import_documents(
        [(Document("e", TEXT), [Span(s, e, lab) for s, e, lab in code_point_spans(TEXT)])]
    )
    out = tmp_path / "ours.jsonl"
    export_project(project, out, fmt="doccano")
    again = Project.in_memory()
    import_paths(again, [out], fmt="doccano")
    [(document, spans)] = list(again.iter_documents())
    assert [document.text[s.start : s.end] for s in spans] == WORDS


def test_label_studio_spans_quoting_their_text_are_checked_both_ways(tmp_path):
    start, end, _ = as_the_editor_counts(TEXT)[2]
    task = {
        "data": {"text": TEXT},
        "annotations": [
            {
                "result": [
                    {
                        "type": "labels",
                        "from_name": "label",
                        "to_name": "text",
                        "value": {
                            "start": start,
                            "end": end,
                            "text": "القوات",
                            "labels": ["actor"],
                        },
                    }
                ]
            }
        ],
    }
    data = tmp_path / "tasks.json"
    data.write_text(json.dumps([task], ensure_ascii=False), encoding="utf-8")
    result, stored = run_import(tmp_path, str(data))
    assert result.exit_code == 1
    assert "task 1: 1 span(s) line up only as UTF-16 code units" in result.output
    assert "shifted by 2 after '👍'" in result.output
    result, stored = run_import(tmp_path, "--offsets", "utf16", str(data))
    assert result.exit_code == 0, result.output
    assert stored == [(TEXT, [("القوات", "actor")])]


def test_an_offset_inside_a_surrogate_pair_is_refused_in_utf16_mode(tmp_path):
    data = tmp_path / "doccano.jsonl"
    data.write_text(doccano_line(TEXT, [(1, 7, "actor")]) + "\n", encoding="utf-8")
    result, stored = run_import(tmp_path, "--format", "doccano", "--offsets", "utf16", str(data))
    assert result.exit_code == 1
    assert "surrogate pair" in result.output
    assert stored == []


def test_a_code_point_span_that_holds_an_emoji_and_ends_inside_a_word_is_taken_as_it_is(tmp_path):
    # As UTF-16 units it would end just after the flag, on a word edge; but nothing before it
    # shifted its start, so it is no evidence of an editor's offsets.
    text = "\r\nََََََ🇸🇾روسيا"
    data = tmp_path / "doccano.jsonl"
    data.write_text(doccano_line(text, [(2, 12, "actor")]) + "\n", encoding="utf-8")
    result, stored = run_import(tmp_path, "--format", "doccano", str(data))
    assert result.exit_code == 0, result.output
    assert stored == [(text, [(text[2:12], "actor")])]
