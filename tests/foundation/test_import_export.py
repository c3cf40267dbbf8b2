import io
import json

import pytest

from annotator.core.model import Document, Span, Status
from annotator.io.exporting import export_project
from annotator.io.importing import ImportFailed, import_paths
from annotator.storage import Project

TEXT = "أرسلت بيونغ يانغ أكثر من 1500 جندي 😀 إلى روسيا"


def span_at(text, needle, label, **extra):
    start = text.index(needle)
    return {"start": start, "end": start + len(needle), "label": label, **extra}


def write_jsonl(path, records):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    return path


def state(project):
    return [
        (doc.title, doc.text, doc.status, [(s.start, s.end, s.label, s.value) for s in spans])
        for doc, spans in project.iter_documents()
    ]


def test_doccano_prodigy_and_native_records_import_with_code_point_offsets(tmp_path):
    emoji_after = TEXT + " روسيا"
    files = [
        write_jsonl(tmp_path / "d.jsonl", [{"text": TEXT, "label": [[6, 16, "actor"]]}]),
        write_jsonl(
            tmp_path / "p.jsonl",
            [{"text": emoji_after, "spans": [span_at(emoji_after, "روسيا", "actor")]}],
        ),
    ]
    project = Project.in_memory()
    result = import_paths(project, files)
    assert result.report.documents_added == 2
    texts = {doc.text: spans for doc, spans in project.iter_documents()}
    assert [TEXT[s.start : s.end] for s in texts[TEXT]] == ["بيونغ يانغ"]
    # The emoji counts as one code point: the span after it lands on روسيا, not one letter off.
    assert [emoji_after[s.start : s.end] for s in texts[emoji_after]] == ["روسيا"]


def test_native_export_then_import_gives_back_the_same_documents_and_spans(tmp_path, seed_text):
    project = Project.in_memory()
    spans = [
        Span(**span_at(seed_text, "قذائف المدفعية عيار 152 ملم", "weapon")),
        Span(**span_at(seed_text, "152", "number", value=152)),
        Span(**span_at(seed_text, "كوريا الشمالية", "actor"), annotator="amal"),
    ]
    project.import_documents(
        [(Document("بوتين وكيم جونغ أون", seed_text, status=Status.DONE, meta={"k": 1}), spans)]
    )
    out = tmp_path / "out.jsonl"
    export_project(project, out)
    again = Project.in_memory()
    import_paths(again, [out])
    assert state(again) == state(project)
    [(_, exported_spans)] = list(again.iter_documents())
    assert {s.annotator for s in exported_spans} == {"", "amal"}


@pytest.mark.parametrize("fmt", ["doccano", "prodigy"])
def test_doccano_and_prodigy_exports_round_trip_their_spans(tmp_path, fmt):
    project = Project.in_memory()
    project.import_documents([(Document("t", TEXT), [Span(6, 16, "actor")])])
    out = tmp_path / f"out.{fmt}.jsonl"
    export_project(project, out, fmt=fmt)
    again = Project.in_memory()
    import_paths(again, [out], fmt=fmt)
    [(doc, spans)] = list(again.iter_documents())
    assert doc.text == TEXT
    assert [(s.start, s.end, s.label) for s in spans] == [(6, 16, "actor")]


def test_export_filters_by_status_and_label():
    project = Project.in_memory()
    project.import_documents(
        [
            (
                Document("a", "نص أول هنا", status=Status.DONE),
                [Span(0, 2, "actor"), Span(3, 6, "event")],
            ),
            (Document("b", "نص ثان هنا"), [Span(0, 2, "actor")]),
        ]
    )
    stream = io.StringIO()
    export_project(project, stream, statuses=[Status.DONE], labels=["event"])
    [line] = stream.getvalue().splitlines()
    record = json.loads(line)
    assert record["title"] == "a"
    assert [s["label"] for s in record["spans"]] == ["event"]


def test_one_bad_record_means_nothing_is_imported_and_every_problem_is_named(tmp_path):
    path = write_jsonl(
        tmp_path / "mixed.jsonl",
        [
            {"text": TEXT, "label": [[6, 16, "actor"]]},
            {"text": TEXT + "!", "label": [[6, 999, "actor"]]},
            {"text": TEXT + "?", "label": [[0, 4, "vehicle"]]},
        ],
    )
    project = Project.in_memory()
    with pytest.raises(ImportFailed) as caught:
        import_paths(project, [path])
    message = str(caught.value)
    assert f"{path}:2: span 1: span 6-999 is outside the text" in message
    assert f"{path}:3: span 1: unknown label 'vehicle'" in message
    assert project.document_count() == 0


def test_skip_invalid_imports_the_rest_and_lists_what_it_skipped(tmp_path):
    path = tmp_path / "m.jsonl"
    path.write_text(
        json.dumps({"text": TEXT, "label": [[6, 16, "actor"]]}) + "\n{not json\n", "utf-8"
    )
    project = Project.in_memory()
    result = import_paths(project, [path], skip_invalid=True)
    assert result.report.documents_added == 1
    assert [str(problem) for problem in result.skipped] == [
        f"{path}:2: not valid JSON (Expecting property name enclosed in double quotes)"
    ]


def test_add_labels_adds_unknown_labels_in_the_same_import(tmp_path):
    path = write_jsonl(tmp_path / "v.jsonl", [{"text": TEXT, "label": [[0, 5, "vehicle"]]}])
    project = Project.in_memory()
    result = import_paths(project, [path], add_labels=True)
    assert result.report.labels_added == ["vehicle"]
    assert "vehicle" in project.labels()
    assert project.label_counts()["vehicle"] == 1


def test_spans_counted_in_utf16_units_are_caught_by_their_text(tmp_path):
    text = "😀 روسيا والصين"
    utf16_start = 3  # a tool counting UTF-16 units puts روسيا one further than Python does
    path = write_jsonl(
        tmp_path / "u.jsonl",
        [
            {
                "text": text,
                "spans": [
                    {
                        "start": utf16_start,
                        "end": utf16_start + 5,
                        "label": "actor",
                        "text": "روسيا",
                    }
                ],
            }
        ],
    )
    with pytest.raises(ImportFailed, match="code points"):
        import_paths(Project.in_memory(), [path], fmt="prodigy")


def test_a_folder_is_imported_recursively_and_reimporting_adds_nothing(tmp_path, seed_text):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "one.txt").write_text(seed_text, "utf-8")
    (tmp_path / "a" / "b" / "two.txt").write_text("خبر قصير عن بكين", "utf-8")
    (tmp_path / "a" / "b" / "picture.png").write_bytes(b"\x89PNG\x00")
    project = Project.in_memory()
    assert import_paths(project, [tmp_path / "a"]).report.documents_added == 2
    again = import_paths(project, [tmp_path / "a"])
    assert again.report.documents_added == 0
    assert len(again.report.duplicates) == 2
    titles = sorted(s.title for s in project.summaries(project.document_ids()).values())
    assert titles == sorted(["بوتين وكيم جونغ أون", "خبر قصير عن بكين"])


_LONG_LINE = "وصلت قوات روسية إلى المدينة " * 12  # 336 characters: past the first 256
UNTITLED_TEXTS = {
    "the first line": ("عنوان الخبر\nنص الخبر", "عنوان الخبر"),
    "under a date": ("2013/10/12\nعنوان الخبر\nنص", "عنوان الخبر"),
    "a long line under a date and a blank line": (
        f"12-10-2013\n\n{_LONG_LINE}\nنص",
        _LONG_LINE.strip()[:200],
    ),
    "Windows line ends": ("2013/10/12\r\n\r\nعنوان الخبر\r\nنص", "عنوان الخبر"),
    "three dates: the first": ("2013/10/12\n2013-10-13\n١٢/١٠/٢٠١٣\nعنوان", "2013/10/12"),
    "a line break of another kind": ("2013/10/12\u2028عنوان الخبر\nنص", "عنوان الخبر"),
    "nothing but a date in the first 2000 characters": (
        "2013/10/12" + " " * 2000 + "\nعنوان بعيد",
        "2013/10/12",
    ),
}


def test_a_record_without_a_title_is_named_by_its_first_line_with_letters_not_a_date(tmp_path):
    path = tmp_path / "tasks.jsonl"
    path.write_text(
        "".join(
            json.dumps({"text": text, "spans": []}, ensure_ascii=False) + "\n"
            for text, _ in UNTITLED_TEXTS.values()
        ),
        encoding="utf-8",
    )
    project = Project.in_memory()
    import_paths(project, [path], fmt="prodigy")
    titles = [document.title for document, _ in project.iter_documents()]
    assert titles == [title for _, title in UNTITLED_TEXTS.values()]
