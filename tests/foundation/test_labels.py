import pytest

from annotator.core.edits import AddSpan
from annotator.core.errors import EditError
from annotator.core.labels import DEFAULT_LABELS, Label
from annotator.core.model import Document
from annotator.storage import Project


def test_default_labels_have_arabic_names_distinct_colours_and_keys_1_to_4():
    assert [(label.name, label.display_name, label.key) for label in DEFAULT_LABELS] == [
        ("actor", "فاعل", "1"),
        ("weapon", "سلاح", "2"),
        ("number", "عدد", "3"),
        ("event", "حدث", "4"),
    ]
    assert len({label.color for label in DEFAULT_LABELS}) == 4


def test_a_project_can_add_rename_and_recolour_labels_and_spans_follow():
    project = Project.in_memory()
    project.import_documents([(Document("t", "جيش لبنان"), [])])
    project.add_label(Label("place", "مكان", "#E69F00", "5"))
    project.apply(AddSpan(1, 4, 9, "place"))
    project.update_label("place", new_name="location", display_name="موقع", color="#56B4E9")
    assert project.labels().get("location").color == "#56B4E9"
    assert [span.label for span in project.spans(1)] == ["location"]
    assert "place" not in project.labels()


def test_bad_label_definitions_are_refused():
    with pytest.raises(EditError):
        Label("two words", "x", "#000000")
    with pytest.raises(EditError):
        Label("ok", "x", "red")
