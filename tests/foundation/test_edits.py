import pytest

from annotator.core.changes import Changes
from annotator.core.edits import AddSpan, Batch, DeleteSpan, RelabelSpan, SetSpanValue, SetStatus
from annotator.core.errors import EditError
from annotator.core.model import Status


def test_add_then_undo_then_redo_keeps_the_same_span(project, seed_text):
    start = seed_text.index("كوريا الشمالية")
    end = start + len("كوريا الشمالية")
    undo = project.apply(AddSpan(1, start, end, "actor"))
    [span] = project.spans(1)
    assert seed_text[span.start : span.end] == "كوريا الشمالية"

    redo = project.apply(undo)
    assert project.spans(1) == []

    project.apply(redo)
    [again] = project.spans(1)
    assert (again.id, again.start, again.end, again.label) == (span.id, start, end, "actor")


def test_relabel_and_value_are_undoable(project):
    project.apply(AddSpan(1, 10, 14, "number"))
    span_id = project.spans(1)[0].id
    undo_relabel = project.apply(RelabelSpan(span_id, "weapon"))
    undo_value = project.apply(SetSpanValue(span_id, 2024))
    assert (project.get_span(span_id).label, project.get_span(span_id).value) == ("weapon", 2024)
    project.apply(undo_value)
    project.apply(undo_relabel)
    assert (project.get_span(span_id).label, project.get_span(span_id).value) == ("number", None)


def test_status_edit_and_its_inverse(project):
    undo = project.apply(SetStatus(1, Status.DONE))
    assert project.get_status(1) is Status.DONE
    project.apply(undo)
    assert project.get_status(1) is Status.TODO


@pytest.mark.parametrize(
    ("start", "end", "label"),
    [(-1, 3, "actor"), (5, 5, "actor"), (0, 10**6, "actor"), (0, 3, "no-such-label")],
)
def test_invalid_spans_are_refused_and_nothing_changes(project, start, end, label):
    with pytest.raises(EditError):
        project.apply(AddSpan(1, start, end, label))
    assert project.spans(1) == []


def test_a_failing_batch_leaves_nothing_half_applied(project):
    batch = Batch((AddSpan(1, 0, 2, "actor"), AddSpan(1, 0, 2, "bogus")))
    with pytest.raises(EditError):
        project.apply(batch)
    assert project.spans(1) == []


def test_deleting_a_span_deleted_elsewhere_is_a_clear_error(project):
    project.apply(AddSpan(1, 0, 2, "actor"))
    span_id = project.spans(1)[0].id
    project.apply(DeleteSpan(span_id))
    with pytest.raises(EditError, match="no span"):
        project.apply(DeleteSpan(span_id))


def test_listeners_hear_about_each_applied_edit(project):
    heard = []
    project.subscribe(heard.append)
    project.apply(AddSpan(1, 0, 2, "actor"))
    assert heard == [Changes(spans=frozenset({1}))]


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("1500", 1500),
        (" ١٥٠٠ ", 1500),
        ("۱۲", 12),
        ("1,500", 1500),
        ("1.5", 1.5),
        ("١٫٥", 1.5),
        ("3000000", 3000000),
        ("", None),
        ("   ", None),
        ("نحو ألف", "نحو ألف"),
        ("1_000", "1_000"),
        ("nan", "nan"),
    ],
)
def test_a_typed_value_is_a_number_when_it_reads_as_one(typed, value):
    from annotator.core.model import parse_value

    parsed = parse_value(typed)
    assert parsed == value and type(parsed) is type(value)
