"""Exports are all or nothing, and write only the file the user chose."""

from __future__ import annotations

import json
import resource
import signal

import pytest
from safety_support import assert_one_line_error, make_project, run_cli, seed_text

from annotator.core.model import Document, Span
from annotator.io.exporting import export_project
from annotator.io.registry import exporter, exporter_names
from annotator.storage import open_project

HOSTILE_TITLES = [
    "../../escaped",
    "/etc/passwd",
    "a/b\\c",
    "nul\x00inside",
    "CON",
    "aux.txt",
    "x" * 5000,
    "<b>bold</b> & 'quotes'",
    "..",
]


def files_under(folder):
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


@pytest.mark.parametrize("fmt", exporter_names())
def test_exports_write_only_the_chosen_file_whatever_the_titles_hold(tmp_path, fmt):
    # Work two folders down, so a file escaping through ../../ still lands where we look.
    work = tmp_path / "a" / "b"
    work.mkdir(parents=True)
    text = seed_text()
    with open_project(work / "p.annotator") as project:
        project.import_documents(
            [
                (Document(title, f"{n} {text[:300]}"), [Span(2, 6, "actor")])
                for n, title in enumerate(HOSTILE_TITLES)
            ]
        )
        chosen = work / "out" / f"dataset{exporter(fmt).extension}"
        before = files_under(tmp_path)
        export_project(project, chosen, fmt=fmt)
    written = set(files_under(tmp_path)) - set(before)
    outside = {p for p in written if not p.startswith(("a/b/out", "a/b/p.annotator"))}
    assert outside == set()
    assert chosen.exists()


def test_a_cancelled_export_leaves_the_previous_file_and_no_temporary_file(tmp_path):
    path = make_project(tmp_path / "p.annotator")
    output = tmp_path / "dataset.jsonl"
    output.write_text("the previous export\n", encoding="utf-8")

    def cancel(count: int) -> None:
        if count == 2:
            raise KeyboardInterrupt  # the user cancels half-way

    with open_project(path) as project, pytest.raises(KeyboardInterrupt):
        export_project(project, output, fmt="native", progress=cancel)
    assert output.read_text(encoding="utf-8") == "the previous export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dataset.jsonl", "p.annotator"]


def _limit_file_size() -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))


def test_an_export_on_a_full_disk_fails_in_one_line_and_keeps_the_previous_file(tmp_path):
    path = make_project(tmp_path / "p.annotator", documents=30, spans_per_document=2)
    output = tmp_path / "dataset.jsonl"
    output.write_text("the previous export\n", encoding="utf-8")
    result = run_cli(
        "--project", str(path), "export", "-o", str(output), preexec_fn=_limit_file_size
    )
    assert_one_line_error(result, str(output))
    assert output.read_text(encoding="utf-8") == "the previous export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dataset.jsonl", "p.annotator"]


def test_an_export_into_a_path_that_is_a_file_fails_in_one_line(tmp_path):
    path = make_project(tmp_path / "p.annotator", documents=1, spans_per_document=1)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    output = blocker / "dataset.jsonl"
    result = run_cli("--project", str(path), "export", "-o", str(output))
    assert_one_line_error(result, str(output))


def test_exported_titles_and_texts_are_the_stored_ones(tmp_path):
    text = seed_text()
    with open_project(tmp_path / "p.annotator") as project:
        project.import_documents(
            [(Document(t, f"{n} {text[:50]}"), []) for n, t in enumerate(HOSTILE_TITLES)]
        )
        export_project(project, tmp_path / "out.jsonl", fmt="native")
    lines = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["title"] for line in lines] == HOSTILE_TITLES
