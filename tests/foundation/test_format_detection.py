"""`annotator import` with --format auto reads what other formats we export without being told."""

import os
import stat

import pytest

from annotator.core.model import Document, Span
from annotator.io.exporting import export_project
from annotator.io.importing import import_paths
from annotator.storage import Project

TEXT = "أرسلت كوريا الشمالية 1500 جندي إلى روسيا."


@pytest.fixture
def one_actor():
    """A project with one short document and one span: what every format holds."""
    project = Project.in_memory()
    start = TEXT.index("كوريا الشمالية")
    project.import_documents([(Document("t", TEXT), [Span(start, start + 14, "actor")])])
    return project


@pytest.mark.parametrize(
    ("fmt", "name"),
    [
        ("labelstudio", "tasks.json"),
        ("iob2", "data.conll"),
        ("brat", "brat"),
        ("doccano", "d.jsonl"),
    ],
)
def test_auto_import_recognises_our_other_exports(one_actor, tmp_path, fmt, name):
    destination = tmp_path / name
    export_project(one_actor, destination, fmt=fmt)
    again = Project.in_memory()
    import_paths(again, [destination])
    [(document, spans)] = list(again.iter_documents())
    assert [(document.text[s.start : s.end], s.label) for s in spans] == [
        ("كوريا الشمالية", "actor")
    ]


def test_exported_files_get_ordinary_permissions(one_actor, tmp_path):
    out = tmp_path / "out.jsonl"
    export_project(one_actor, out)
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~mask
