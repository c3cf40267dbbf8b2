"""The spacy export writes the same files however its Docs are built: here, by workers forked
once the documents are read (a process with one thread and no Qt: the CLI), or by workers sent
the records (a process that must not fork itself, such as the window's, or this test run's,
which has Qt loaded)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from annotator.io.exporting import export_project
from annotator.storage import open_project

pytest.importorskip("spacy")
from tests.io_formats.test_spacy_docbin_bytes import fixture_records  # noqa: E402

SPLIT = "0.6,0.4"

# The export in a child process of its own, as the CLI runs it.
EXPORT = """
import sys
from annotator.io.exporting import export_project
from annotator.storage import open_project

with open_project(sys.argv[1], create=False) as project:
    export_project(project, sys.argv[2], fmt="spacy", workers=2, split=sys.argv[3])
assert "PySide6" not in sys.modules
"""


def project_file(path: Path) -> Path:
    with open_project(path) as project:
        project.import_documents(fixture_records())
    return path


def files(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def test_the_files_are_the_same_built_here_by_forked_workers_or_by_workers_sent_the_records(
    tmp_path,
):
    path = project_file(tmp_path / "p.annotator")
    with open_project(path, create=False) as project:
        export_project(project, tmp_path / "here", fmt="spacy", workers=1, split=SPLIT)
        export_project(project, tmp_path / "sent", fmt="spacy", workers=2, split=SPLIT)
    subprocess.run(
        [sys.executable, "-c", EXPORT, str(path), str(tmp_path / "forked"), SPLIT],
        check=True,
        timeout=120,
    )
    here = files(tmp_path / "here")
    assert sorted(here) == ["config.cfg", "test.spacy", "train.spacy"]
    assert files(tmp_path / "sent") == here
    assert files(tmp_path / "forked") == here
