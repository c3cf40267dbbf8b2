import importlib
import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_691f64315ff478ca.txt"


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path_factory, monkeypatch):
    """No test reads or writes the real user's data folder or project."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("ANNOTATOR_PROJECT", raising=False)


@pytest.fixture
def throwaway_format(monkeypatch):
    """Registers the made-up format of tests/throwaway_format.py for one test."""
    from annotator.io import registry

    monkeypatch.setattr(registry, "IMPORT_FORMATS", dict(registry.IMPORT_FORMATS))
    monkeypatch.setattr(registry, "EXPORT_FORMATS", dict(registry.EXPORT_FORMATS))
    sys.modules.pop("tests.throwaway_format", None)
    module = importlib.import_module("tests.throwaway_format")
    yield module
    sys.modules.pop("tests.throwaway_format", None)
