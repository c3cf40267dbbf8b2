"""Each format's facts live in the registry (annotator.io.registry) and nowhere else.

The README's format tables are checked against it; a format added in one module
(tests/throwaway_format.py) appears in the CLI's help and choices, is picked by
its suffix and round-trips, with no other edit. (The dialogs: tests/qt/test_format_dialogs.py.)
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from annotator.core.model import Document
from annotator.io.registry import (
    export_formats,
    exporter_names,
    folder_suffixes,
    importer_names,
)
from annotator.storage import open_project

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"


def section(text: str, heading: str) -> str:
    start = text.index(heading)
    end = text.find("\n#", start + len(heading))
    return text[start : end if end != -1 else len(text)]


def table_names(text: str) -> list[str]:
    return re.findall(r"^\| `([a-z0-9][a-z0-9-]*)` \|", text, flags=re.MULTILINE)


def readme_format_problems(readme: str) -> list[str]:
    """Where README.md's format lists and the registry disagree (empty when they agree)."""
    problems = []

    def compare(what: str, in_readme: list[str] | set[str], in_registry: list[str] | set[str]):
        for name in sorted(set(in_registry) - set(in_readme)):
            problems.append(f"README's {what} lacks {name!r}")
        for name in sorted(set(in_readme) - set(in_registry)):
            problems.append(f"README's {what} has {name!r}, which the registry does not")

    compare("import table", table_names(section(readme, "### Import\n")), importer_names())
    native = re.findall(r"^### Export: .*\(`--format ([a-z0-9]+)`", readme, flags=re.MULTILINE)
    others = table_names(section(readme, "### Other export formats"))
    compare("export formats", native + others, exporter_names())
    listed = re.search(r"\(recursive: `([^`]*)`", readme)
    compare("suffixes read in a folder", set(listed.group(1).split()), folder_suffixes())
    folders = re.search(r"a folder for (.*?) and any split", readme)
    compare(
        "formats writing a folder",
        re.findall(r"`([a-z0-9]+)`", folders.group(1)),
        [f.name for f in export_formats() if f.writes_folder()],
    )
    return problems


def test_readme_lists_the_registered_formats():
    assert readme_format_problems(README.read_text(encoding="utf-8")) == []


def test_the_readme_check_names_a_format_it_does_not_list(throwaway_format):
    problems = readme_format_problems(README.read_text(encoding="utf-8"))
    assert problems == [
        "README's import table lacks 'throwaway'",
        "README's export formats lacks 'throwaway'",
        "README's suffixes read in a folder lacks '.throwaway'",
    ]


CLI_WITH_THE_THROWAWAY_FORMAT = """
import sys
sys.path.insert(0, sys.argv[1])
import tests.throwaway_format
from annotator.cli.main import cli
cli(sys.argv[2:], prog_name="annotator")
"""


def annotator_with_throwaway(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", CLI_WITH_THE_THROWAWAY_FORMAT, str(ROOT), *arguments],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def test_a_format_added_in_one_module_is_in_the_cli_help():
    exporting = annotator_with_throwaway("export", "--help")
    importing = annotator_with_throwaway("import", "--help")
    assert exporting.returncode == importing.returncode == 0, exporting.stderr + importing.stderr
    assert "throwaway" in re.search(r"--format \[([^\]]*)\]", exporting.stdout).group(1)
    assert re.search(
        r"throwaway +Throwaway titles, one a line \[file; text only\]", exporting.stdout
    )
    assert re.search(
        r"throwaway +Throwaway lines, one document each \[\.throwaway;", importing.stdout
    )


def test_a_format_added_in_one_module_imports_and_exports(tmp_path):
    project = tmp_path / "p.annotator"
    with open_project(project) as opened:
        opened.import_documents([(Document("first title", "نص أول"), [])])
    source = tmp_path / "more.throwaway"
    source.write_text("سطر ثان\nسطر ثالث\n", encoding="utf-8")
    imported = annotator_with_throwaway("--project", str(project), "import", str(source))
    assert imported.returncode == 0, imported.stderr
    exported = annotator_with_throwaway(
        "--project", str(project), "export", "--format", "throwaway"
    )
    assert exported.returncode == 0, exported.stderr
    assert exported.stdout.splitlines() == ["first title", "سطر ثان", "سطر ثالث"]
