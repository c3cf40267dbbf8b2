"""The Linux desktop integration: menu entry, AppStream metainfo, icons and their installer."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from annotator.assets import APP_ID, ICON_SIZES

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
DESKTOP_FILE = LINUX / f"{APP_ID}.desktop"
METAINFO_FILE = LINUX / f"{APP_ID}.metainfo.xml"
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive, Name[ar] included
    parser.read(DESKTOP_FILE, encoding="utf-8")
    return parser["Desktop Entry"]


def test_menu_entry_starts_the_installed_command_with_the_app_icon() -> None:
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    command = entry["Exec"].split()[0]
    assert command in PROJECT["scripts"] or command in PROJECT["gui-scripts"]
    assert entry["Icon"] == APP_ID
    assert entry["Name[ar]"]  # the menu shows an Arabic name on Arabic desktops


def test_metainfo_describes_this_app_and_its_current_release() -> None:
    component = ET.parse(METAINFO_FILE).getroot()
    assert component.get("type") == "desktop-application"
    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable[@type='desktop-id']") == DESKTOP_FILE.name
    assert component.findtext("provides/binary") == _desktop_entry()["Exec"].split()[0]
    assert component.findtext("project_license") == PROJECT["license"]  # SPDX, both
    newest = component.find("releases/release")
    assert newest is not None and newest.get("version") == PROJECT["version"]


@pytest.mark.skipif(not shutil.which("appstreamcli"), reason="needs appstreamcli (appstream)")
def test_metainfo_passes_appstream_validation() -> None:
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(METAINFO_FILE)],
        capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="needs desktop-file-validate")
def test_menu_entry_passes_desktop_file_validation() -> None:
    result = subprocess.run(["desktop-file-validate", str(DESKTOP_FILE)], capture_output=True)
    assert result.returncode == 0 and not result.stdout, result.stdout


def test_installer_puts_entry_metainfo_and_every_icon_where_desktops_look(tmp_path: Path) -> None:
    data = tmp_path / "share"
    env = dict(os.environ, HOME=str(tmp_path), XDG_DATA_HOME=str(data))
    subprocess.run(["bash", str(LINUX / "install.sh")], env=env, check=True, capture_output=True)

    installed = data / "applications" / DESKTOP_FILE.name
    assert installed.read_bytes() == DESKTOP_FILE.read_bytes()
    assert (data / "metainfo" / METAINFO_FILE.name).read_bytes() == METAINFO_FILE.read_bytes()
    icons = ROOT / "resources" / "icons"
    svg = data / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    assert svg.read_bytes() == (icons / "annotator.svg").read_bytes()
    for size in ICON_SIZES:
        png = data / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert png.read_bytes() == (icons / f"annotator-{size}.png").read_bytes()

    subprocess.run(
        ["bash", str(LINUX / "install.sh"), "--uninstall"], env=env, check=True,
        capture_output=True,
    )  # fmt: skip
    assert not installed.exists() and not svg.exists()
