"""The linter, the formatter and the type checker, run as part of the suite (as the import
contracts are in test_architecture.py): a failure shows their own report."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHECKED = ["src", "tests", "benchmarks"]


def run_tool(name: str, *arguments: str) -> subprocess.CompletedProcess:
    tool = shutil.which(name, path=str(Path(sys.executable).parent))
    assert tool is not None, f"{name} is part of the test extra: pip install -e '.[test]'"
    return subprocess.run([tool, *arguments], cwd=ROOT, capture_output=True, text=True)


@pytest.mark.parametrize(
    "command",
    [["check", *CHECKED], ["format", "--check", "--diff", *CHECKED]],
    ids=["check", "format"],
)
def test_ruff_is_satisfied(command):
    result = run_tool("ruff", *command)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_finds_no_type_error():
    # Strict on core, arabic, storage and io; the configuration is in pyproject.toml.
    result = run_tool("mypy")
    assert result.returncode == 0, result.stdout + result.stderr
