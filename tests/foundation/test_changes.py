"""Each operation says what it changed, once, after it committed (core.changes)."""

from __future__ import annotations

import sqlite3

import pytest

from annotator.arabic.suggest import Suggestion
from annotator.core.changes import Changes
from annotator.core.edits import (
    AddSpan,
    Batch,
    DeleteSpan,
    RejectSuggestion,
    RelabelSpan,
    SetOrigin,
    SetSpanValue,
    SetStatus,
)
from annotator.core.errors import EditError
from annotator.core.labels import Label
from annotator.core.model import Document, Origin, Status
from annotator.storage import open_project
from annotator.storage.accepted_forms import AcceptedForms
from annotator.storage.suggestions import store_suggestions


def ids(*numbers: int) -> frozenset[int]:
    return frozenset(numbers)


@pytest.fixture
def project(project):
    """The shared project (tests/conftest.py) with a second document, 2."""
    project.import_documents([(Document("b", "نص ثان"), [])])
    return project


@pytest.fixture
def heard(project):
    heard: list[Changes] = []
    project.subscribe(heard.append)
    return heard


def test_each_edit_and_its_undo_say_what_they_changed(project, heard):
    undo = project.apply(AddSpan(1, 0, 4, "actor"))
    span_id = project.spans(1)[0].id
    project.apply(RelabelSpan(span_id, "weapon"))
    project.apply(SetSpanValue(span_id, 3))
    project.apply(undo)  # deleted again
    project.apply(AddSpan(1, 5, 9, "number", origin=Origin.SUGGESTED))
    suggestion = project.spans(1)[0].id
    project.apply(SetOrigin(suggestion, Origin.MANUAL))  # accepted: leaves the suggestions
    project.apply(SetStatus(2, Status.DONE))
    project.apply(AddSpan(2, 0, 2, "number", origin=Origin.SUGGESTED))
    project.apply(RejectSuggestion(project.spans(2)[0].id))
    assert heard == [
        Changes(spans=ids(1)),
        Changes(spans=ids(1)),
        Changes(spans=ids(1)),
        Changes(spans=ids(1)),
        Changes(suggestions=ids(1)),
        Changes(spans=ids(1), suggestions=ids(1)),
        Changes(statuses=ids(2)),
        Changes(suggestions=ids(2)),
        Changes(suggestions=ids(2)),
    ]


def test_a_batch_is_one_change_and_a_change_of_nothing_is_not_published(project, heard):
    project.apply(
        Batch((AddSpan(1, 0, 4, "actor"), AddSpan(2, 0, 2, "event"), SetStatus(2, Status.DONE)))
    )
    assert heard == [Changes(spans=ids(1, 2), statuses=ids(2))]
    heard.clear()
    project.apply(SetStatus(2, Status.DONE))  # already done
    project.apply(SetOrigin(project.spans(1)[0].id, Origin.MANUAL))  # already accepted
    assert heard == []


def test_a_refused_edit_publishes_nothing(project, heard):
    with pytest.raises(EditError):
        project.apply(DeleteSpan(999))
    project.apply(AddSpan(1, 0, 4, "actor"))
    with pytest.raises(EditError):
        project.apply(Batch((AddSpan(2, 0, 2, "actor"), AddSpan(1, 0, 4, "actor"))))
    assert heard == [Changes(spans=ids(1))]
    assert project.spans(2) == []


def test_imports_suggestions_and_labels_are_one_change_each(project, heard):
    project.import_documents(
        [(Document("c", "نص ثالث"), []), (Document("d", "نص رابع"), [])],
        new_labels=[Label("place", "مكان", "#117733", "5")],
    )
    store_suggestions(project, {1: [Suggestion(0, 2, "number")], 2: [Suggestion(0, 2, "actor")]})
    project.add_label(Label("time", "زمن", "#999933", "6"))
    project.update_label("time", color="#000000")
    project.import_documents([(Document("again", "نص ثالث"), [])])  # a duplicate: nothing new
    assert heard == [
        Changes(added=ids(3, 4), labels=True),
        Changes(suggestions=ids(1, 2)),
        Changes(labels=True),
        Changes(labels=True),
    ]


def test_listeners_hear_after_the_transaction_committed(tmp_path, seed_text):
    path = tmp_path / "p.annotator"
    project = open_project(path)
    project.import_documents([(Document("seed", seed_text), [])])
    seen_elsewhere = []

    def listener(changes: Changes) -> None:
        assert not project.conn.in_transaction
        other = sqlite3.connect(path)
        seen_elsewhere.append(other.execute("SELECT count(*) FROM spans").fetchone()[0])
        other.close()

    project.subscribe(listener)
    project.apply(AddSpan(1, 0, 4, "actor"))
    assert seen_elsewhere == [1]
    project.close()


@pytest.mark.parametrize("view_first", [True, False])
def test_caches_hear_before_views_whichever_subscribed_first(project, view_first):
    seen: list[frozenset[str]] = []

    def view(changes: Changes) -> None:
        seen.append(forms.lexicon())  # a view using a cache in its own listener

    if view_first:
        project.subscribe(view)
    forms = AcceptedForms(project)
    forms.lexicon()  # read once: from now on it follows changes
    if not view_first:
        project.subscribe(view)
    project.apply(AddSpan(2, 0, 2, "actor"))
    assert seen == [frozenset({"نص"})]


def test_accepted_forms_follow_a_renamed_label(project):
    project.apply(AddSpan(2, 0, 2, "actor"))
    forms = AcceptedForms(project)
    assert forms.pairs() == [("نص", "actor")]
    project.update_label("actor", new_name="agent")
    assert forms.pairs() == [("نص", "agent")]
