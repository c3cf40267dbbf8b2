"""Spans, documents, labels and the event schema behave as values (core.values)."""

from __future__ import annotations

import pickle

import pytest

from annotator.core.changes import Changes
from annotator.core.errors import EditError
from annotator.core.events import EventSchema, Link, Role
from annotator.core.labels import Label
from annotator.core.model import Document, Origin, Span
from annotator.core.values import replace


def test_spans_are_equal_by_their_fields_and_the_same_span_counts_once_in_a_set():
    span = Span(0, 4, "actor", id=7, origin=Origin.IMPORTED)
    assert span == Span(0, 4, "actor", id=7, origin=Origin.IMPORTED)
    assert span != Span(0, 4, "actor", id=8, origin=Origin.IMPORTED)
    assert span != Link(0, 4, "actor", 7)  # another kind of value, whatever its fields
    assert len({span, Span(0, 4, "actor", id=7, origin=Origin.IMPORTED)}) == 1
    assert repr(span).startswith("Span(start=0, end=4, label='actor', id=7, document_id=None")


def test_every_field_of_a_span_counts_in_its_equality_and_hash():
    span = Span(0, 4, "actor", 7, 1, "omar", 3, Origin.IMPORTED, "t0", "t1", (("k", "v"),))
    others = (1, 5, "weapon", 8, 2, "huda", 4, Origin.MANUAL, "t2", "t3", ())
    for field, other in zip(span._fields, others, strict=True):
        changed = replace(span, **{field: other})
        assert changed != span, field
        assert len({span, changed}) == 2, field
    assert replace(span) == span
    assert hash(replace(span)) == hash(span)


def test_a_document_is_compared_by_value_but_not_hashable_since_it_changes():
    assert Document("t", "نص") == Document("t", "نص")
    assert Document("t", "نص").meta is not Document("t", "نص").meta  # each its own
    with pytest.raises(TypeError):
        hash(Document("t", "نص"))


def test_a_replaced_value_keeps_its_other_fields_and_is_checked_like_a_new_one():
    label = Label("actor", "فاعل", "#0072B2", "1")
    assert replace(label, display_name="جهة") == Label("actor", "جهة", "#0072B2", "1")
    with pytest.raises(EditError, match="colour"):
        replace(label, color="blue")
    with pytest.raises(TypeError):
        replace(label, colour="#000000")  # no such field


def test_changes_combine_field_by_field():
    both = Changes(spans=frozenset({1})) | Changes(spans=frozenset({2}), labels=True)
    assert both == Changes(spans=frozenset({1, 2}), labels=True)
    assert not Changes()


def test_values_survive_pickling_to_another_process():
    schema = EventSchema(roles=(Role("agent", "منفذ", frozenset({"actor"}), "a"),))
    copy = pickle.loads(pickle.dumps(schema))
    assert copy == schema
    assert copy.role("agent").accepts == frozenset({"actor"})
    span = Span(1, 3, "number", value=12, attributes=(("unit", "km"),))
    assert pickle.loads(pickle.dumps(span)) == span
