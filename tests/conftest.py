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


# The project fixtures. Others, where a folder's tests need a project of their own, say
# what theirs holds: io_formats/conftest.py (spans for every format's corner cases),
# qt/conftest.py (a project file seeded as the app seeds one, for the window).


@pytest.fixture
def project(seed_text):
    """A project in memory holding the sample article, as document 1, with no span."""
    from annotator.core.model import Document
    from annotator.storage import Project

    project = Project.in_memory()
    project.import_documents([(Document("seed", seed_text), [])])
    yield project
    project.close()


@pytest.fixture
def project_file(tmp_path, seed_text):
    """A project file holding the sample article with one span, closed: for commands run
    in another process."""
    from annotator.core.model import Document, Span
    from annotator.storage import open_project

    path = tmp_path / "small.annotator"
    with open_project(path) as opened:
        opened.import_documents([(Document("t", seed_text), [Span(0, 4, "actor")])])
    return path


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


@pytest.fixture(scope="session")
def english(qapp):
    """The English interface, as the app starts it: its file gives "1 document", not "1 documents".
    A Qt test outside tests/qt asks for it, so that it passes alone as in the whole suite."""
    from annotator.qt.i18n import Translations

    Translations(qapp).apply("en")
