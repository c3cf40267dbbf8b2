"""Exports are all or nothing, and write only the file the user chose."""

from __future__ import annotations

import json
import os
import random
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from safety_support import (
    assert_one_line_error,
    dump,
    folder_snapshot,
    make_project,
    python_env,
    read_only,
    run_cli,
    seed_text,
)

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


# -- never over the open project (issue 11, item 1) ---------------------------------------------


def _symlink(folder, name):
    (folder / "link.conll").symlink_to(folder / "p.annotator")
    return "link.conll"


def _hard_link(folder, name):
    os.link(folder / "p.annotator", folder / "copy.conll")
    return "copy.conll"


PROJECT_AS_OUTPUT = {
    "the project file": ("iob2", "p.annotator"),
    "its -wal file": ("iob2", "p.annotator-wal"),
    "its -shm file": ("native", "p.annotator-shm"),
    "its -journal file": ("native", "p.annotator-journal"),
    "its name in other case": ("iob2", "P.Annotator"),
    "a path through ..": ("iob2", "sub/../p.annotator"),
    "an absolute path": ("spacy", "{folder}/p.annotator"),
    "a symbolic link to it": ("iob2", _symlink),
    "a hard link to it": ("native", _hard_link),
    "its folder (brat)": ("brat", "."),
    "its folder (a split)": ("native --split 0.8,0.1,0.1", "{folder}"),
    "the project file as a folder (hf)": ("hf", "p.annotator"),
}


@pytest.mark.parametrize("case", sorted(PROJECT_AS_OUTPUT))
def test_an_export_over_the_open_project_is_refused_before_anything_is_written(tmp_path, case):
    fmt, output = PROJECT_AS_OUTPUT[case]
    path = make_project(tmp_path / "p.annotator", documents=3, spans_per_document=4)
    output = output(tmp_path, "") if callable(output) else output.format(folder=tmp_path)
    before_rows = dump(path)
    before_files = folder_snapshot(tmp_path)
    result = run_cli(
        "--project", str(path), "export", "--format", *fmt.split(), "-o", output, cwd=tmp_path
    )
    line = assert_one_line_error(result, output)
    assert "open project" in line
    assert dump(path) == before_rows
    assert folder_snapshot(tmp_path) == before_files
    with open_project(path) as project:
        assert project.document_count() == 3


def test_the_export_dialog_refuses_the_open_project_as_its_output(tmp_path, qtbot):
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMessageBox

    from annotator.qt.export_dialog import ExportDialog

    path = make_project(tmp_path / "p.annotator", documents=3, spans_per_document=4)
    before = dump(path)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    with open_project(path) as project:
        dialog = ExportDialog(project, settings)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("iob2"))
        dialog.destination_edit.setText(str(path))
        dialog.ok_button.click()
        [warning] = [box for box in dialog.findChildren(QMessageBox) if box.isVisible()]
        assert "open project" in warning.text() and str(path) in warning.text()
        assert dialog.isVisible()
        assert project.document_count() == 3
    assert dump(path) == before


# -- folder, spaCy and split outputs fail in one line (issue 11, item 4) ------------------------

OUTPUT_KINDS = {
    "brat": ["--format", "brat"],
    "hf": ["--format", "hf"],
    "spacy": ["--format", "spacy"],
    "split": ["--format", "native", "--split", "0.5,0.25,0.25"],
    "spacy split": ["--format", "spacy", "--split", "0.5,0.25,0.25"],
}


def big_project(path):
    """Documents of about 75 KB of words that do not repeat (spaCy compresses its output):
    every output file passes the 64 KB limit below."""
    rng = random.Random(11)
    letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
    with open_project(path) as project:
        records = []
        for n in range(12):
            words = ["".join(rng.choices(letters, k=rng.randint(3, 8))) for _ in range(12_000)]
            text = " ".join(words)
            records.append((Document(f"d{n}", text), [Span(0, len(words[0]), "actor")]))
        project.import_documents(records)
    return path


def hidden_or_new(folder, before):
    return sorted(set(files_under(folder)) - set(before))


@pytest.fixture(params=["file size limit", "small filesystem"])
def full_output_folder(request, tmp_path):
    """A folder where writing runs out of room, and what the child must run first."""
    if request.param == "file size limit":
        folder = tmp_path / "out"
        folder.mkdir()
        yield folder, _limit_file_size
        return
    folder = tmp_path / "small"
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {mounted.stderr.strip()}")
    try:
        yield folder, None
    finally:
        subprocess.run(["umount", str(folder)], check=True)


@pytest.mark.parametrize("kind", sorted(OUTPUT_KINDS))
def test_a_folder_spacy_or_split_export_on_a_full_disk_fails_in_one_line_and_leaves_nothing(
    tmp_path, kind, full_output_folder
):
    if "spacy" in kind:
        pytest.importorskip("spacy")
    folder, before_exec = full_output_folder
    path = big_project(tmp_path / "p.annotator")
    output = folder / ("dataset.spacy" if kind == "spacy" else "dataset")
    before = files_under(folder)
    result = run_cli(
        "--project",
        str(path),
        "export",
        *OUTPUT_KINDS[kind],
        "-o",
        str(output),
        preexec_fn=before_exec,
    )
    line = assert_one_line_error(result, str(output))
    assert "not written" in line
    assert hidden_or_new(folder, before) == []  # no output, and no .part left behind


@pytest.mark.parametrize("kind", sorted(OUTPUT_KINDS))
def test_a_folder_spacy_or_split_export_into_a_read_only_folder_fails_in_one_line(tmp_path, kind):
    if "spacy" in kind:
        pytest.importorskip("spacy")
    path = make_project(tmp_path / "p.annotator", documents=4, spans_per_document=2)
    locked = tmp_path / "locked"
    locked.mkdir()
    output = locked / ("dataset.spacy" if kind == "spacy" else "dataset")
    with read_only(locked):
        result = run_cli("--project", str(path), "export", *OUTPUT_KINDS[kind], "-o", str(output))
    assert_one_line_error(result, str(output))
    assert list(locked.iterdir()) == []


@pytest.mark.parametrize("kind", sorted(OUTPUT_KINDS))
def test_a_folder_spacy_or_split_export_below_a_file_fails_in_one_line(tmp_path, kind):
    path = make_project(tmp_path / "p.annotator", documents=4, spans_per_document=2)
    (tmp_path / "afile").write_text("mine\n", encoding="utf-8")
    output = tmp_path / "afile" / "sub"
    result = run_cli("--project", str(path), "export", *OUTPUT_KINDS[kind], "-o", str(output))
    line = assert_one_line_error(result, str(output))
    assert "afile is a file" in line
    assert (tmp_path / "afile").read_text(encoding="utf-8") == "mine\n"


@pytest.mark.parametrize("kind", ["brat", "hf", "split", "spacy split"])
def test_a_folder_export_through_a_symlink_to_an_empty_folder_fills_that_folder(tmp_path, kind):
    if "spacy" in kind:
        pytest.importorskip("spacy")
    path = make_project(tmp_path / "p.annotator", documents=4, spans_per_document=2)
    (tmp_path / "datasets").mkdir()
    link = tmp_path / "latest"
    link.symlink_to(tmp_path / "datasets")
    result = run_cli("--project", str(path), "export", *OUTPUT_KINDS[kind], "-o", str(link))
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and link.resolve() == tmp_path / "datasets"
    assert files_under(tmp_path / "datasets")  # the export is where the link points


# -- parts of killed exports, and flushing before the rename (issue 11, item 13) -----------------

SLOW_EXPORT = """
import sys
from annotator.io.exporting import export_project
from annotator.storage import open_project
project = open_project(sys.argv[1])
def slowly(count):
    if count == 2:
        print("writing", flush=True)
    if count >= 2:
        sys.stdin.readline()  # never answered: the test kills this process here
export_project(project, sys.argv[2], fmt=sys.argv[3], progress=slowly)
"""


@pytest.mark.parametrize("fmt", ["native", "brat", "hf"])
def test_parts_left_by_a_killed_export_are_removed_by_the_next_export_there(tmp_path, fmt):
    path = make_project(tmp_path / "p.annotator", documents=4, spans_per_document=2)
    out = tmp_path / "out"
    out.mkdir()
    output = out / f"dataset{exporter(fmt).extension if fmt == 'native' else ''}"
    child = subprocess.Popen(
        [sys.executable, "-c", SLOW_EXPORT, str(path), str(output), fmt],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=python_env(),
    )
    assert child.stdout.readline() == "writing\n"
    child.kill()
    child.communicate()
    [left] = [p.name for p in out.iterdir()]
    assert left.startswith(f".{output.name}.") and left.endswith(".part")

    result = run_cli("--project", str(path), "export", "--format", fmt, "-o", str(output))
    assert result.returncode == 0, result.stderr
    assert [p.name for p in out.iterdir()] == [output.name]


SLOW_EXPORT_IN_WORKERS = """
import sys
from annotator.io.exporting import export_project
from annotator.storage import open_project
project = open_project(sys.argv[1])
def slowly(count):
    if count == 2:
        print("writing", flush=True)
        sys.stdin.readline()  # never answered: the test kills this process here
export_project(project, sys.argv[2], fmt="prodigy", workers=2, progress=slowly)
"""


def processes_started_by(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        try:
            stat = (entry / "stat").read_text()
        except (OSError, ValueError):
            continue
        if entry.name.isdigit() and int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.append(int(entry.name))
    return found


def chunks_written(folder: Path) -> bool:
    return any(p.is_dir() and any(p.iterdir()) for p in folder.iterdir())


def ended(pid: int) -> bool:
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return True


@pytest.mark.skipif(not Path("/proc/self/stat").is_file(), reason="needs /proc to find workers")
def test_the_parts_of_a_killed_export_in_workers_are_removed_by_the_next_export_there(tmp_path):
    """Workers write their chunks into a scratch folder beside the output: killed with the
    export, it is left like the staged output, and swept with it by the next export."""
    path = make_project(tmp_path / "p.annotator", documents=40, spans_per_document=2)
    out = tmp_path / "out"
    out.mkdir()
    output = out / "dataset.jsonl"
    child = subprocess.Popen(
        [sys.executable, "-c", SLOW_EXPORT_IN_WORKERS, str(path), str(output)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=python_env(),
    )
    assert child.stdout.readline() == "writing\n"
    workers = processes_started_by(child.pid)
    assert workers
    for _ in range(300):  # the workers go on with the next chunks while the export waits
        if chunks_written(out):
            break
        time.sleep(0.1)
    child.kill()
    child.communicate()
    for _ in range(300):  # the workers end when they find their export gone
        if all(map(ended, workers)):
            break
        time.sleep(0.1)
    left = sorted(out.iterdir())
    assert len(left) == 2, left  # the staged output, and the scratch folder with chunks in it
    assert all(p.name.startswith(".dataset.jsonl.") and p.name.endswith(".part") for p in left)
    assert chunks_written(out)

    result = run_cli("--project", str(path), "export", "--format", "prodigy", "-o", str(output))
    assert result.returncode == 0, result.stderr
    assert [p.name for p in out.iterdir()] == [output.name]


def test_the_part_of_an_export_still_running_is_left_alone(tmp_path):
    path = make_project(tmp_path / "p.annotator", documents=4, spans_per_document=2)
    output = tmp_path / "dataset.jsonl"
    running = subprocess.Popen(
        [sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE
    )
    try:
        theirs = tmp_path / f".dataset.jsonl.{running.pid}-0123abcd.part"
        theirs.write_text("half of another window's export", encoding="utf-8")
        result = run_cli("--project", str(path), "export", "-o", str(output))
        assert result.returncode == 0, result.stderr
        assert theirs.read_text(encoding="utf-8") == "half of another window's export"
    finally:
        running.communicate("", timeout=30)


FLUSHED = {  # kind: (format, split)
    "native": ("native", None),
    "brat": ("brat", None),
    "brat, many files": ("brat", None),
    "hf": ("hf", None),
    "spacy": ("spacy", None),
    "split": ("native", "0.5,0.25,0.25"),
    "spacy split": ("spacy", "0.5,0.25,0.25"),
}


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc to name descriptors")
@pytest.mark.parametrize("kind", list(FLUSHED))
def test_every_exported_file_and_folder_is_flushed_before_the_rename(tmp_path, kind, monkeypatch):
    """A kill cannot show it, a power cut would: a renamed folder whose files were never
    flushed can come back empty. Pinned by watching fsync, syncfs and the rename."""
    import annotator.storage.files as files

    if "spacy" in kind:
        pytest.importorskip("spacy")
    events = []
    real_fsync, real_replace, real_sync = os.fsync, os.replace, files.sync_file_system

    def fsync(fd):
        events.append(("fsync", os.readlink(f"/proc/self/fd/{fd}")))
        real_fsync(fd)

    def replace(source, target):
        events.append(("rename", os.fspath(source), os.fspath(target)))
        real_replace(source, target)

    def sync_file_system(path):
        done = real_sync(path)
        if done:  # everything on that file system, the folder given included
            events.extend(("fsync", str(p)) for p in [Path(path), *Path(path).rglob("*")])
        return done

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(files, "sync_file_system", sync_file_system)
    if kind == "brat, many files":  # a folder this big is flushed in one call where possible
        monkeypatch.setattr(files, "SYNC_FILE_SYSTEM_FROM", 10)
    fmt, split = FLUSHED[kind]
    single = split is None and fmt in ("native", "spacy")
    output = tmp_path / "out" / f"dataset{exporter(fmt).extension if single else ''}"
    with open_project(make_project(tmp_path / "p.annotator", documents=6)) as project:
        export_project(project, output, fmt=fmt, split=split)

    # The spaCy export also writes config.cfg beside its DocBin, through the same helper.
    renames = [event for event in events if event[0] == "rename"]
    [(_, part, target)] = [event for event in renames if event[2] == str(output)]
    assert {Path(event[2]).name for event in renames if event[2] != str(output)} <= {"config.cfg"}
    renamed_at = events.index(("rename", part, target))
    flushed_before = {event[1] for event in events[:renamed_at] if event[0] == "fsync"}
    written = [output] if output.is_file() else [output, *output.rglob("*")]
    for item in written:
        assert str(item).replace(str(output), part, 1) in flushed_before, item
    assert ("fsync", str(output.parent)) in events[renamed_at:]  # the rename itself
