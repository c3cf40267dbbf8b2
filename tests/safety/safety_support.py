"""Shared by the safety tests and the worker scripts they start as subprocesses."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from annotator.core.model import Document, Span
from annotator.storage import open_project

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_691f64315ff478ca.txt"
HERE = Path(__file__).resolve().parent
LABELS = ("actor", "weapon", "number", "event")


def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def make_project(path: Path, documents: int = 3, spans_per_document: int = 20) -> Path:
    """A real project file: the sample article and variants of it, with spans."""
    text = seed_text()
    spans = [
        Span((n * 37) % 900, (n * 37) % 900 + 5, LABELS[n % 4]) for n in range(spans_per_document)
    ]
    with open_project(path) as project:
        project.import_documents(
            [(Document(f"doc {n}", f"{n}\n{text}"), spans) for n in range(documents)]
        )
    return path


def dump(path: Path) -> tuple[list[tuple], list[tuple]]:
    """Documents and spans as plain rows, read without changing the file's content
    (texts as their bytes: a tampered text need not be UTF-8)."""
    conn = sqlite3.connect(path)
    conn.text_factory = bytes
    try:
        documents = conn.execute("SELECT * FROM documents ORDER BY id").fetchall()
        spans = conn.execute(
            'SELECT id, document_id, start, "end", label, value, origin, annotator'
            " FROM spans ORDER BY id"
        ).fetchall()
    finally:
        conn.close()
    return documents, spans


def folder_snapshot(folder: Path) -> dict[str, bytes]:
    """Every file in a folder by name, so a test sees bytes changed and files added."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def python_env() -> dict[str, str]:
    """The environment for a child Python that imports annotator and these helpers."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        [str(HERE), str(ROOT / "src"), env.get("PYTHONPATH", "")]
    ).rstrip(os.pathsep)
    env.pop("ANNOTATOR_PROJECT", None)
    return env


def run_cli(*args: str, timeout: float = 60, **kwargs) -> subprocess.CompletedProcess[str]:
    """The real `annotator` command in a child process (so a traceback would show)."""
    return subprocess.run(
        [sys.executable, "-m", "annotator", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        env=python_env(),
        **kwargs,
    )


def assert_one_line_error(result: subprocess.CompletedProcess[str], names: str) -> str:
    """Exit code 1, one `annotator: error:` line that names the file, no traceback."""
    assert result.returncode == 1, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("annotator: error: "), result.stderr
    assert names in lines[0], result.stderr
    return lines[0]


@contextmanager
def read_only(path: Path) -> Iterator[None]:
    """Make a file or folder unwritable, also for root (who writes through any file mode)."""
    if os.geteuid() != 0:
        mode = path.stat().st_mode
        path.chmod(0o555 if path.is_dir() else 0o444)
        try:
            yield
        finally:
            path.chmod(mode)
        return
    if shutil.which("chattr") is None:
        pytest.skip("running as root, where chmod does not stop writes, and chattr is missing")
    locked = subprocess.run(["chattr", "+i", str(path)], capture_output=True, text=True)
    if locked.returncode != 0:
        pytest.skip(f"running as root and chattr +i is refused here: {locked.stderr.strip()}")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)
