import json

import pytest
from bidi import get_display
from click.testing import CliRunner

from annotator.cli.main import cli

TITLE = "بوتين وكيم جونغ أون"


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def project_file(tmp_path):
    return str(tmp_path / "p.annotator")


def run(runner, *args, env=None):
    return runner.invoke(cli, list(args), env=env, catch_exceptions=False)


def test_import_docs_show_stats_export(runner, project_file, tmp_path, seed_text):
    seed = tmp_path / "seed.txt"
    seed.write_text(seed_text, "utf-8")
    result = run(runner, "--project", project_file, "import", str(seed))
    assert result.exit_code == 0
    assert "imported 1 document(s)" in result.stderr

    docs = run(runner, "--project", project_file, "docs")
    assert docs.stdout == f"1\ttodo\t0\t{TITLE}\n"

    start = seed_text.index("كوريا الشمالية")
    labelled = tmp_path / "labelled.jsonl"
    labelled.write_text(
        json.dumps(
            {
                "text": seed_text + " ",
                "spans": [{"start": start, "end": start + 14, "label": "actor"}],
            },
            ensure_ascii=False,
        )
        + "\n",
        "utf-8",
    )
    assert run(runner, "--project", project_file, "import", str(labelled)).exit_code == 0
    shown = run(runner, "--project", project_file, "show", "2")
    assert "[كوريا الشمالية|actor]" in shown.stdout

    stats = run(runner, "--project", project_file, "stats")
    assert "documents: 2" in stats.stdout
    assert "actor (فاعل): 1" in stats.stdout

    exported = run(runner, "--project", project_file, "export", "--format", "doccano")
    lines = [json.loads(line) for line in exported.stdout.splitlines()]
    assert [record["label"] for record in lines] == [[], [[start, start + 14, "actor"]]]


def test_reimporting_a_file_says_so_and_adds_nothing(runner, project_file, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("خبر عن روسيا", "utf-8")
    run(runner, "--project", project_file, "import", str(path))
    again = run(runner, "--project", project_file, "import", str(path))
    assert "already in the project, not added again" in again.stderr
    assert "imported 0 document(s)" in again.stderr


def test_environment_variable_picks_the_project(runner, project_file, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("خبر عن روسيا", "utf-8")
    run(runner, "import", str(path), env={"ANNOTATOR_PROJECT": project_file})
    docs = run(runner, "--project", project_file, "docs")
    assert "خبر عن روسيا" in docs.stdout


def test_errors_are_one_line_on_stderr_with_a_non_zero_exit(runner, tmp_path):
    not_a_project = tmp_path / "notes.txt"
    not_a_project.write_text("hello", "utf-8")
    result = run(runner, "--project", str(not_a_project), "stats")
    assert result.exit_code == 1
    assert (
        result.stderr
        == f"annotator: error: {not_a_project}: is not an annotator project (not a SQLite database)\n"
    )
    assert "Traceback" not in result.output


def test_bad_input_file_is_named_with_its_byte_offset(runner, project_file, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes("روسيا".encode() + b"\xff")
    result = run(runner, "--project", project_file, "import", str(bad))
    assert result.exit_code == 1
    assert f"{bad}: byte 10: is not valid utf-8" in result.stderr
    assert run(runner, "--project", project_file, "docs").stdout == ""


def test_bidi_on_prints_arabic_lines_in_visual_order_and_off_keeps_logical(
    runner, project_file, tmp_path
):
    path = tmp_path / "a.txt"
    path.write_text("خبر عن روسيا", "utf-8")
    run(runner, "--project", project_file, "import", str(path))
    logical = run(runner, "--project", project_file, "--bidi", "off", "docs").stdout
    visual = run(runner, "--project", project_file, "--bidi", "on", "docs").stdout
    assert logical == "1\ttodo\t0\tخبر عن روسيا\n"
    assert visual == get_display("1\ttodo\t0\tخبر عن روسيا") + "\n"
    # CliRunner's stdout is not a terminal: auto keeps logical order, byte-exact.
    assert run(runner, "--project", project_file, "docs").stdout == logical


def test_default_project_is_seeded_with_the_sample_article_once(runner):
    first = run(runner, "docs")
    assert first.stdout == f"1\ttodo\t0\t{TITLE}\n"
    assert run(runner, "docs").stdout == first.stdout


def test_labels_can_be_listed_added_renamed_and_recoloured(runner, project_file):
    listed = run(runner, "--project", project_file, "labels")
    assert listed.stdout.splitlines()[0] == "actor\t1\t#0072B2\tفاعل"
    assert (
        run(
            runner, "--project", project_file, "labels", "add", "place", "--display", "مكان"
        ).exit_code
        == 0
    )
    assert (
        run(runner, "--project", project_file, "labels", "rename", "place", "location").exit_code
        == 0
    )
    assert (
        run(runner, "--project", project_file, "labels", "recolor", "location", "#56B4E9").exit_code
        == 0
    )
    last = run(runner, "--project", project_file, "labels").stdout.splitlines()[-1]
    assert last == "location\t5\t#56B4E9\tمكان"
    bad = run(runner, "--project", project_file, "labels", "recolor", "location", "blue")
    assert bad.exit_code == 1
    assert "must look like #RRGGBB" in bad.stderr


def test_delete_and_rename_documents(runner, project_file, tmp_path):
    folder = tmp_path / "texts"
    folder.mkdir()
    for name, text in (("a.txt", "الأول\nنص"), ("b.txt", "الثاني\nنص"), ("c.txt", "الثالث\nنص")):
        (folder / name).write_text(text, "utf-8")
    assert run(runner, "--project", project_file, "import", str(folder)).exit_code == 0

    renamed = run(runner, "--project", project_file, "rename", "2", " عنوان جديد ")
    assert renamed.exit_code == 0
    assert renamed.stdout == "renamed 2: الثاني -> عنوان جديد\n"

    refused = run(runner, "--project", project_file, "delete", "1", "7", "9")
    assert refused.exit_code == 1
    assert refused.stderr == "annotator: error: no document 7, 9; nothing was deleted\n"
    assert run(runner, "--project", project_file, "docs").stdout.count("\n") == 3

    deleted = run(runner, "--project", project_file, "delete", "1", "3")
    assert deleted.exit_code == 0
    assert deleted.stdout == "deleted 1\t0 span(s)\tالأول\ndeleted 3\t0 span(s)\tالثالث\n"
    assert run(runner, "--project", project_file, "docs").stdout == "2\ttodo\t0\tعنوان جديد\n"

    unknown = run(runner, "--project", project_file, "rename", "1", "x")
    assert (unknown.exit_code, unknown.stderr) == (1, "annotator: error: no document 1\n")
