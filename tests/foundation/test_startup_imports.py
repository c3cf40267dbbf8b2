"""A subcommand loads only what it needs: start-up is the wait before every command.

(How long it takes is printed by benchmarks/bench_startup.py; this checks what is loaded.)
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

RUN_AND_LIST_MODULES = """
import sys
from annotator.cli.main import cli
try:
    cli(sys.argv[2:], prog_name="annotator")
except SystemExit:
    pass
with open(sys.argv[1], "w") as handle:
    handle.write("\\n".join(sorted(sys.modules)))
"""

# Qt, the data-science stack (sqlite-utils imports pandas when it is installed), spaCy.
NEVER_FOR_A_COMMAND = ("PySide6", "pandas", "numpy", "spacy", "datasets", "sqlite_utils")
# A dataclass compiles its methods at every start (2-4 M instructions a class): the values
# every command reads are core.values classes.
NO_DATACLASSES = ("dataclasses",)


def modules_loaded_by(tmp_path, *arguments: str) -> set[str]:
    listing = tmp_path / "modules.txt"
    result = subprocess.run(
        [sys.executable, "-c", RUN_AND_LIST_MODULES, str(listing), *arguments],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return set(listing.read_text().split())


def loaded_from(modules: set[str], packages: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if any(m == p or m.startswith(p + ".") for p in packages))


@pytest.mark.parametrize("command", [["stats"], ["docs"], ["show", "1"], ["labels"]])
def test_reading_commands_load_neither_formats_nor_arabic_tools_nor_qt(
    tmp_path, project_file, command
):
    modules = modules_loaded_by(tmp_path, "--project", str(project_file), *command)
    assert "annotator.storage.project" in modules  # it did run
    unwanted = (
        "annotator.io",
        "annotator.arabic",
        "annotator.qt",
        *NO_DATACLASSES,
        *NEVER_FOR_A_COMMAND,
    )
    assert loaded_from(modules, unwanted) == []


def test_an_import_loads_no_qt_and_no_data_science_stack(tmp_path, project_file):
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps({"text": "وصلت قوات إلى المدينة"}) + "\n", encoding="utf-8")
    modules = modules_loaded_by(tmp_path, "--project", str(project_file), "import", str(path))
    assert "annotator.io.importing" in modules
    # The export report and the tokenizer it brings serve exports only.
    unwanted = (
        "annotator.qt",
        "annotator.io.exporting",
        "annotator.io.report",
        "annotator.io.tokens",
        "annotator.arabic",
        "secrets",  # random and hmac with it: for lines too long to hold only
        *NO_DATACLASSES,
        *NEVER_FOR_A_COMMAND,
    )
    assert loaded_from(modules, unwanted) == []


def test_a_native_export_loads_no_qt_no_spacy_and_no_dataclasses(tmp_path, project_file):
    out = tmp_path / "out.jsonl"
    modules = modules_loaded_by(
        tmp_path, "--project", str(project_file), "export", "--format", "native", "-o", str(out)
    )
    assert out.stat().st_size > 0  # it did run
    assert loaded_from(modules, ("annotator.qt", *NO_DATACLASSES, *NEVER_FOR_A_COMMAND)) == []


@pytest.mark.parametrize("command", ["import", "export"])
def test_listing_the_formats_loads_no_exporter_module(tmp_path, command):
    # The help lists every format from the registry's declarations alone.
    modules = modules_loaded_by(tmp_path, command, "--help")
    assert "annotator.io.registry" in modules
    exporters = tuple(
        f"annotator.io.{name}" for name in ("brat", "hf", "spacy_docbin", "labelstudio")
    )
    assert loaded_from(modules, (*exporters, "annotator.qt", *NEVER_FOR_A_COMMAND)) == []
