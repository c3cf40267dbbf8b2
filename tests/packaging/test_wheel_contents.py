"""The wheel that `pip install .` builds carries everything the app reads at run time."""

from __future__ import annotations

import json
import os
import shutil
import struct
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from annotator.assets import ICON_SIZES

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_ARTICLE = "000_691f64315ff478ca.txt"
NOT_SOURCE = shutil.ignore_patterns(
    ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", "*.pyc",
    ".pytest_cache", ".ruff_cache", ".hypothesis", "*.annotator",
)  # fmt: skip


def _setuptools_can_build_here() -> bool:
    """True when this environment's setuptools meets pyproject's build requirement (and
    builds wheels by itself, 70.1+), so the build needs no isolated environment."""
    try:
        import setuptools
    except ImportError:
        return False
    build = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["build-system"]
    minimums = [
        requirement.partition(">=")[2]
        for requirement in build["requires"]
        if requirement.partition(">=")[0].strip() == "setuptools"
    ]
    if len(minimums) != 1 or not minimums[0]:
        return False
    (minimum,) = minimums

    def version(text: str) -> tuple[int, ...]:
        return tuple(int(part) for part in text.split(".")[:2] if part.isdigit())

    return version(setuptools.__version__) >= max(version(minimum), (70, 1))


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    # Built from a copy so the build leaves nothing (build/, *.egg-info) in the work tree.
    source = tmp_path_factory.mktemp("source") / "annotator"
    shutil.copytree(ROOT, source, ignore=NOT_SOURCE)
    out = tmp_path_factory.mktemp("wheel")
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out)]
    if _setuptools_can_build_here():
        command.append("--no-build-isolation")
    subprocess.run([*command, str(source)], check=True, capture_output=True)
    (built,) = out.glob("annotator-*.whl")
    with zipfile.ZipFile(built) as archive:
        yield archive


def _source_files(folder: str) -> list[Path]:
    base = ROOT / folder
    return [
        path
        for path in sorted(base.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    ]


def test_wheel_ships_the_sample_article_byte_for_byte(wheel: zipfile.ZipFile) -> None:
    shipped = wheel.read(f"annotator/seeds/{SAMPLE_ARTICLE}")
    assert shipped == (ROOT / "seeds" / SAMPLE_ARTICLE).read_bytes()


def test_wheel_ships_every_seed_and_resource_file_unchanged(wheel: zipfile.ZipFile) -> None:
    # Covers icons, translations and anything added to resources/ or seeds/ later.
    names = set(wheel.namelist())
    for folder, package in (("resources", "annotator/resources"), ("seeds", "annotator/seeds")):
        for path in _source_files(folder):
            if folder == "seeds" and path.suffix != ".txt" and path.name != "__init__.py":
                continue  # seeds ship as *.txt only (pyproject package-data)
            name = f"{package}/{path.relative_to(ROOT / folder).as_posix()}"
            assert name in names, f"{name} is missing from the wheel"
            assert wheel.read(name) == path.read_bytes(), f"{name} differs from {path}"


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_wheel_ships_the_icon_as_svg_and_in_every_png_size(wheel: zipfile.ZipFile) -> None:
    svg = ET.fromstring(wheel.read("annotator/resources/icons/annotator.svg"))
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
    for size in ICON_SIZES:
        png = wheel.read(f"annotator/resources/icons/annotator-{size}.png")
        assert _png_size(png) == (size, size)


def test_wheel_declares_the_annotator_commands(wheel: zipfile.ZipFile) -> None:
    (entry_points,) = (n for n in wheel.namelist() if n.endswith(".dist-info/entry_points.txt"))
    text = wheel.read(entry_points).decode()
    console, gui = text.split("[gui_scripts]")
    assert "annotator = annotator.__main__:main" in console
    assert "annotator-gui = annotator.__main__:main" in gui


# Runs with -S (no site-packages, so no editable install of the work tree) from a folder
# outside the source tree; only the unpacked wheel and click's folder are importable.
_OUTSIDE_THE_SOURCE_TREE = """
import json, sys
sys.path[:0] = [sys.argv[1]]
sys.path.append(sys.argv[2])
import annotator
from annotator.assets import icon_path, seed_files
seeds = seed_files()
print(json.dumps({
    "package": annotator.__file__,
    "seeds": [seed.name for seed in seeds],
    "first_line": seeds[0].read_text(encoding="utf-8").splitlines()[0],
    "icon_bytes": len(icon_path(48).read_bytes()),
}))
"""


def test_installed_wheel_finds_its_files_outside_the_source_tree(
    wheel: zipfile.ZipFile, tmp_path: Path
) -> None:
    import click

    site = tmp_path / "site"
    wheel.extractall(site)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    click_folder = str(Path(click.__file__).parent.parent)
    environment = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}

    result = subprocess.run(
        [sys.executable, "-S", "-c", _OUTSIDE_THE_SOURCE_TREE, str(site), click_folder],
        cwd=outside, capture_output=True, text=True, env=environment,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)

    assert Path(found["package"]).is_relative_to(site)
    assert found["seeds"] == [SAMPLE_ARTICLE]
    expected_first_line = (ROOT / "seeds" / SAMPLE_ARTICLE).read_text("utf-8").splitlines()[0]
    assert found["first_line"] == expected_first_line
    assert found["icon_bytes"] == (ROOT / "resources" / "icons" / "annotator-48.png").stat().st_size

    help_run = subprocess.run(
        [sys.executable, "-S", "-c",
         "import sys; sys.path[:0] = [sys.argv[1]]; sys.path.append(sys.argv[2]);"
         "from annotator.cli.main import cli; cli(['--help'], prog_name='annotator')",
         str(site), click_folder],
        cwd=outside, capture_output=True, text=True, env=environment,
    )  # fmt: skip
    assert help_run.returncode == 0, help_run.stderr
    assert help_run.stdout.startswith("Usage: annotator")
