"""Events with their participants: links between an event span and its arguments, event
types and span attributes, on the sample article; through core edits, undone and redone,
kept by the project file (cascades, deleting a document, an older project upgraded)."""

from __future__ import annotations

import re
import sqlite3

import pytest
from sqlite_utils import Database
from tests.seed_events import tag_dispatch, tag_pact

from annotator.core.changes import Changes
from annotator.core.edits import AddSpan, DeleteDocument, DeleteSpan, RelabelSpan
from annotator.core.errors import EditError, ProjectError
from annotator.core.events import Link, Role
from annotator.core.link_edits import (
    AddLink,
    ChangeLinkRole,
    RemoveLink,
    SetAttribute,
    SetEventType,
)
from annotator.core.model import Document
from annotator.storage import open_project
from annotator.storage.schema import migrations


@pytest.fixture
def pact(project, seed_text):
    """The signing of the pact: event وقعت, روسيا and كوريا الشمالية tagged as actors."""
    return tag_pact(project, seed_text)


@pytest.fixture
def dispatch(project, seed_text):
    """The troop dispatch: بيونغ يانغ أرسلت أكثر من 1500 جندي ... إلى روسيا."""
    return tag_dispatch(project, seed_text)


def stored(project) -> set[tuple[int, int, str]]:
    return {(link.event, link.argument, link.role) for link in project.links_of_document(1)}


def test_the_pact_is_signed_by_two_agents_typed_agreement_undone_and_redone(project, pact):
    heard = []
    project.subscribe(heard.append)
    undo = [
        project.apply(AddLink(pact["event"], pact["russia"], "agent")),
        project.apply(AddLink(pact["event"], pact["korea"], "agent")),
        project.apply(SetEventType(pact["event"], "agreement")),
    ]
    assert stored(project) == {
        (pact["event"], pact["russia"], "agent"),
        (pact["event"], pact["korea"], "agent"),
    }
    assert dict(project.get_span(pact["event"]).attributes) == {"type": "agreement"}
    assert project.event_type_counts()["agreement"] == 1
    # Views hear links changed (the article redraws its arcs), then the event's span.
    assert heard == [Changes(links={1}), Changes(links={1}), Changes(spans={1})]

    redo = [project.apply(edit) for edit in reversed(undo)]
    assert stored(project) == set()
    assert project.get_span(pact["event"]).attributes == ()

    for edit in reversed(redo):
        project.apply(edit)
    assert stored(project) == {
        (pact["event"], pact["russia"], "agent"),
        (pact["event"], pact["korea"], "agent"),
    }
    assert dict(project.get_span(pact["event"]).attributes) == {"type": "agreement"}


def test_the_troop_dispatch_deleted_with_its_event_comes_back_with_the_same_links(
    project, dispatch
):
    event = dispatch["event"]
    for role in ("agent", "quantity", "target"):
        project.apply(AddLink(event, dispatch[role], role))
    before = project.links_of_document(1)
    assert project.role_counts() == {"agent": 1, "target": 1, "instrument": 0, "quantity": 1}

    heard = []
    project.subscribe(heard.append)
    restore = project.apply(DeleteSpan(event))
    assert project.links_of_document(1) == []
    assert heard[-1].links == {1} and heard[-1].spans == {1}

    project.apply(restore)
    assert project.links_of_document(1) == before  # same ids, roles and times
    assert heard[-1].links == {1}

    # An argument deleted takes only its own link.
    project.apply(DeleteSpan(dispatch["quantity"]))
    assert stored(project) == {
        (event, dispatch["agent"], "agent"),
        (event, dispatch["target"], "target"),
    }


@pytest.mark.parametrize(
    ("event", "argument", "role", "refusal"),
    [
        ("agent", "target", "agent", "starts at an event span"),
        ("event", "quantity", "agent", "role 'agent' takes actor, not a span labelled 'number'"),
        ("event", "target", "instrument", "takes weapon"),
        ("event", "event", "agent", "its own argument"),
        ("event", "target", "witness", "unknown role 'witness'"),
    ],
)
def test_a_link_the_schema_does_not_allow_is_refused_and_nothing_changes(
    project, dispatch, event, argument, role, refusal
):
    with pytest.raises(EditError, match=refusal):
        project.apply(AddLink(dispatch[event], dispatch[argument], role))
    assert project.links_of_document(1) == []


def test_a_second_identical_link_and_a_link_across_documents_are_refused(project, dispatch):
    project.apply(AddLink(dispatch["event"], dispatch["agent"], "agent"))
    with pytest.raises(EditError, match="already agent of event"):
        project.apply(AddLink(dispatch["event"], dispatch["agent"], "agent"))
    project.add_document(Document("other", "هاجمت القوات المدينة"))
    project.apply(AddSpan(2, 7, 13, "actor"))
    elsewhere = project.find_span(2, 7, 13, "actor").id
    with pytest.raises(EditError, match="different documents"):
        project.apply(AddLink(dispatch["event"], elsewhere, "target"))
    assert len(project.links_of_document(1)) == 1 and project.links_of_document(2) == []


def test_changing_a_role_is_undone_and_a_role_renamed_carries_its_links(project, dispatch):
    undo_add = project.apply(AddLink(dispatch["event"], dispatch["target"], "agent"))
    (link,) = project.links_of_document(1)
    undo = project.apply(ChangeLinkRole(link.id, "target"))
    assert stored(project) == {(dispatch["event"], dispatch["target"], "target")}
    project.apply(undo)
    assert stored(project) == {(dispatch["event"], dispatch["target"], "agent")}

    project.update_role("agent", new_name="perpetrator", display_name="منفذ")
    assert stored(project) == {(dispatch["event"], dispatch["target"], "perpetrator")}
    with pytest.raises(EditError, match="1 links have it"):
        project.remove_role("perpetrator")
    project.apply(undo_add)  # RemoveLink by id
    project.remove_role("perpetrator")
    assert not project.event_schema().has_role("perpetrator")


def test_a_span_with_links_is_not_relabelled_into_one_its_links_refuse(project, dispatch):
    project.apply(AddLink(dispatch["event"], dispatch["target"], "target"))
    with pytest.raises(EditError, match="not relabelled"):
        project.apply(RelabelSpan(dispatch["target"], "weapon"))
    assert project.get_span(dispatch["target"]).label == "actor"


def test_a_link_never_outlives_its_spans_even_deleted_by_raw_sql(project, dispatch):
    event = dispatch["event"]
    for role in ("agent", "quantity", "target"):
        project.apply(AddLink(event, dispatch[role], role))
    project.conn.execute("DELETE FROM spans WHERE id = ?", (dispatch["target"],))
    assert {link.role for link in project.links_of_document(1)} == {"agent", "quantity"}
    project.conn.execute("DELETE FROM spans WHERE id = ?", (event,))
    assert project.conn.execute("SELECT count(*) FROM links").fetchone()[0] == 0


def test_deleting_the_document_keeps_its_links_for_undo(project, dispatch):
    for role in ("agent", "quantity", "target"):
        project.apply(AddLink(dispatch["event"], dispatch[role], role))
    before = project.links_of_document(1)
    restore = project.apply(DeleteDocument(1))
    assert project.conn.execute("SELECT count(*) FROM links").fetchone()[0] == 0
    project.apply(restore)
    assert project.links_of_document(1) == before


def test_attributes_value_stays_in_its_column_others_in_the_span(project, dispatch):
    number = dispatch["quantity"]
    undo_value = project.apply(SetAttribute(number, "value", 1500))
    undo_unit = project.apply(SetAttribute(number, "unit", "جندي"))
    span = project.get_span(number)
    assert span.value == 1500 and dict(span.attributes) == {"unit": "جندي"}
    with pytest.raises(EditError, match="has no attribute 'country'"):
        project.apply(SetAttribute(number, "country", "KP"))
    with pytest.raises(EditError, match="unknown event type 'picnic'"):
        project.apply(SetEventType(dispatch["event"], "picnic"))
    with pytest.raises(EditError, match="not an event"):
        project.apply(SetEventType(number, "attack"))
    project.apply(undo_unit)
    project.apply(undo_value)
    span = project.get_span(number)
    assert span.value is None and span.attributes == ()


def test_an_event_type_renamed_carries_its_events(project, dispatch):
    project.apply(SetEventType(dispatch["event"], "deployment"))
    project.update_event_type("deployment", new_name="troop_dispatch")
    assert dict(project.get_span(dispatch["event"]).attributes) == {"type": "troop_dispatch"}
    with pytest.raises(EditError, match="1 events have it"):
        project.remove_event_type("troop_dispatch")


def test_a_project_made_before_links_keeps_its_values_when_upgraded(tmp_path):
    path = tmp_path / "old.annotator"
    conn = sqlite3.connect(path, isolation_level=None)
    migrations.apply(Database(conn), stop_before="m004_events_and_links")
    text = "أرسلت كوريا الشمالية نحو 12 ألف جندي"
    twelve = text.index("12 ألف")
    conn.execute(
        "INSERT INTO documents (id, title, text, length, content_hash, created, updated)"
        " VALUES (1, 't', ?, ?, 'h', 'c', 'u')",
        (text, len(text)),
    )
    conn.executemany(
        'INSERT INTO spans (id, document_id, start, "end", label, value, created, updated)'
        " VALUES (?, 1, ?, ?, ?, ?, 'c', 'u')",
        [(1, twelve, twelve + 6, "number", 12000), (2, 0, 5, "event", None)],
    )
    conn.close()
    with open_project(path) as project:
        spans = project.spans(1)
        assert [(s.label, s.value, s.attributes) for s in spans] == [
            ("event", None, ()),
            ("number", 12000, ()),
        ]
        assert [role.name for role in project.event_schema().roles] == [
            "agent",
            "target",
            "instrument",
            "quantity",
        ]
        project.apply(AddSpan(1, 6, 20, "actor"))
        project.apply(AddLink(2, 3, "agent"))
        project.apply(SetEventType(2, "deployment"))
    with open_project(path) as project:  # the upgraded file passes the schema check
        assert stored(project) == {(2, 3, "agent")}


@pytest.mark.parametrize(
    ("statement", "reason"),
    [
        ("UPDATE links SET role = 'witness'", "links row 1: role 'witness' is not one of"),
        ("UPDATE spans SET document_id = 2 WHERE id = {target}", "spans are in two documents"),
        ("UPDATE spans SET attributes = '[1]' WHERE id = {event}", "attributes '[1]' are not"),
    ],
)
def test_damaged_links_and_attributes_are_refused_naming_the_row(
    project, dispatch, statement, reason
):
    project.apply(AddLink(dispatch["event"], dispatch["target"], "target"))
    project.add_document(Document("other", "نص آخر طويل بما يكفي"))
    project.conn.execute("PRAGMA foreign_keys = OFF")
    project.conn.execute(statement.format(**dispatch))
    with pytest.raises(ProjectError, match=f"damaged project: .*{re.escape(reason)}"):
        # What the window reads when it opens the document.
        project.links_of_document(1), project.spans(1)


def test_roles_are_added_with_the_labels_they_accept(project, dispatch):
    project.add_role(Role("location", "مكان", frozenset({"actor"})))
    project.apply(AddLink(dispatch["event"], dispatch["target"], "location"))
    with pytest.raises(EditError, match="it links spans labelled actor"):
        project.update_role("location", accepts=["weapon"])
    with pytest.raises(EditError, match="unknown label 'place'"):
        project.add_role(Role("site", "موقع", frozenset({"place"})))
    assert project.links_of_document(1) == [
        Link(dispatch["event"], dispatch["target"], "location", 1, project.get_link(1).created)
    ]
    with pytest.raises(EditError, match="no link 9"):
        project.apply(RemoveLink(9))
