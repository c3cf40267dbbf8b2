import json

import pytest
from click.testing import CliRunner

from annotator.cli.main import cli
from annotator.core.edits import AddSpan
from annotator.core.model import Document, Origin
from annotator.storage import open_project


@pytest.fixture
def project_file(tmp_path, seed_text):
    path = tmp_path / "p.annotator"
    with open_project(path) as project:
        project.import_documents(
            [
                (Document("seed", seed_text), []),
                (Document("other", "دعمت الصين لروسيا بـ 300 دبابة"), []),
            ]
        )
        start = seed_text.index("روسيا")
        project.apply(AddSpan(1, start, start + 5, "actor"))
    return str(path)


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_print_writes_prodigy_jsonl_and_stores_nothing(project_file, seed_text):
    result = run("--project", project_file, "suggest", "--print")
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["id"] for line in lines] == [1, 2]
    seed, other = lines
    assert seed["text"] == seed_text
    numbers = [s for s in seed["spans"] if s["label"] == "number"]
    assert [(s["text"], s["value"]) for s in numbers][:2] == [("1500", 1500), ("12 ألف", 12000)]
    assert len(numbers) == 10
    calibre = next(s for s in numbers if s["text"] == "152")
    assert (calibre["kind"], calibre["unit"]) == ("measure", "mm")
    assert all(s["kind"] == "count" and "unit" not in s for s in numbers if s["text"] == "1500")
    actors = [s for s in seed["spans"] if s["label"] == "actor"]
    assert len(actors) == 10 and all("value" not in s and "kind" not in s for s in actors)
    assert all(seed_text[s["start"] : s["end"]] == s["text"] for s in seed["spans"])
    assert [(s["text"], s["label"]) for s in other["spans"]] == [
        ("روسيا", "actor"),
        ("300", "number"),
    ]
    with open_project(project_file) as project:
        assert [s.origin for s in project.spans(1)] == [Origin.MANUAL]


def test_source_and_doc_select_what_is_proposed(project_file):
    result = run(
        "--project", project_file, "suggest", "--source", "numbers", "--doc", "2", "--print"
    )
    (line,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert line["id"] == 2
    assert [(s["text"], s["value"]) for s in line["spans"]] == [("300", 300)]


def test_storing_prints_a_count_and_a_second_run_adds_nothing(project_file):
    result = run("--project", project_file, "suggest", "--source", "numbers")
    assert result.exit_code == 0
    assert "stored 11 suggestion(s) in 2 document(s)" in result.stderr
    with open_project(project_file) as project:
        suggested = [s for s in project.spans(1) if s.origin is Origin.SUGGESTED]
        assert len(suggested) == 10 and all(s.value for s in suggested)
    again = run("--project", project_file, "suggest", "--source", "numbers")
    assert "stored 0 suggestion(s) in 0 document(s)" in again.stderr


def test_unknown_document_is_one_line_error(project_file):
    result = run("--project", project_file, "suggest", "--doc", "99")
    assert result.exit_code == 1
    assert result.stderr.strip() == "annotator: error: no document 99 in the project"
