"""`annotator export`: every format by name, splits and filters, and what was left out on stderr."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from sample_project import first_spans, sample_project

from annotator.cli.main import cli
from annotator.io.exporting import export_project
from annotator.storage import open_project


@pytest.fixture
def project_file(tmp_path):
    path = tmp_path / "p.annotator"
    native = tmp_path / "sample.jsonl"
    export_project(sample_project(), native)
    with open_project(path) as project:
        from annotator.io.importing import import_paths

        import_paths(project, [native], fmt="jsonl")
    return str(path)


def export(project_file, *args):
    result = CliRunner().invoke(
        cli, ["--project", project_file, "export", *args], catch_exceptions=False
    )
    return result


def test_iob2_export_prints_what_it_left_out_by_document(project_file, tmp_path):
    out = tmp_path / "data.conll"
    result = export(project_file, "--format", "iob2", "-o", str(out))
    assert result.exit_code == 0
    assert "iob2: 3 span(s) left out: overlaps" in result.stderr
    assert "iob2: 1 span(s) left out: an edge falls inside a token" in result.stderr
    assert "document 1: 3 span(s)" in result.stderr
    assert "'مشتر'" in result.stderr
    assert "exported 3 document(s)" in result.stderr
    assert out.read_text(encoding="utf-8").startswith("-DOCSTART- -X- O O\n\nوقعت\tO\n")


def test_split_export_to_a_folder_with_filters(project_file, tmp_path):
    out = tmp_path / "split"
    result = export(
        project_file,
        "--format",
        "prodigy",
        "--split",
        "0.8,0.1,0.1",
        "--seed",
        "7",
        "--status",
        "done",
        "--status",
        "in_progress",
        "--annotator",
        "amal",
        "-o",
        str(out),
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["dev.jsonl", "test.jsonl", "train.jsonl"]
    records = [
        json.loads(line)
        for part in out.iterdir()
        for line in part.read_text(encoding="utf-8").splitlines()
    ]
    assert len(records) == 2
    amal = sum(1 for s in first_spans() if s.annotator == "amal")
    assert sum(len(r["spans"]) for r in records) == amal + 3
    assert "exported 2 document(s)" in result.stderr and "train" in result.stderr


@pytest.mark.parametrize("fmt", ["native", "doccano", "prodigy", "labelstudio", "iob2"])
def test_stream_formats_write_to_standard_output(project_file, fmt):
    result = export(project_file, "--format", fmt)
    assert result.exit_code == 0
    assert "روسيا" in result.stdout


def test_a_folder_format_without_output_is_one_clear_error(project_file):
    result = CliRunner().invoke(cli, ["--project", project_file, "export", "--format", "brat"])
    assert result.exit_code == 1
    assert "give an output path" in result.stderr
    assert "Traceback" not in result.output


def test_brat_and_label_studio_exports_import_back_through_the_cli(project_file, tmp_path):
    runner = CliRunner()
    for fmt in ("brat", "labelstudio"):
        out = tmp_path / f"out-{fmt}"
        assert export(project_file, "--format", fmt, "-o", str(out)).exit_code == 0
        again = str(tmp_path / f"again-{fmt}.annotator")
        result = runner.invoke(cli, ["--project", again, "import", "--format", fmt, str(out)])
        assert result.exit_code == 0, result.output
        assert "imported 3 document(s) with 10 span(s)" in result.stderr
