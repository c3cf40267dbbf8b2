"""Our own JSONL carries links and attributes: spans numbered within their document,
links by those numbers; export -> import -> export gives the same bytes, and a bad
link is one line naming the file and line, with nothing imported."""

from __future__ import annotations

import json

import pytest
from tests.seed_events import tag_dispatch

from annotator.core.edits import AddSpan
from annotator.core.link_edits import AddLink, SetAttribute, SetEventType
from annotator.core.model import Document
from annotator.io.exporting import export_project
from annotator.io.importing import ImportFailed, import_paths
from annotator.storage import Project


@pytest.fixture
def dispatch(seed_text):
    """The troop dispatch linked and typed, and a document without links."""
    project = Project.in_memory()
    project.add_document(Document("article", seed_text, source="seeds/article.txt"))
    tagged = tag_dispatch(project, seed_text)
    ids = {"بيونغ يانغ": tagged["agent"], "أرسلت": tagged["event"]}
    ids |= {"1500": tagged["quantity"], "روسيا": tagged["target"]}
    event = ids["أرسلت"]
    project.apply(AddLink(event, ids["بيونغ يانغ"], "agent"))
    project.apply(AddLink(event, ids["1500"], "quantity"))
    project.apply(AddLink(event, ids["روسيا"], "target"))
    project.apply(SetEventType(event, "deployment"))
    project.apply(SetAttribute(ids["1500"], "value", 1500))
    project.apply(SetAttribute(ids["1500"], "unit", "جندي"))
    project.add_document(Document("plain", "خبر بلا روابط", source="plain.txt"))
    project.apply(AddSpan(2, 0, 3, "event"))
    return project


def export(project, path):
    export_project(project, path, fmt="native")
    return path.read_bytes()


def test_links_and_attributes_go_out_and_come_back_byte_for_byte(dispatch, tmp_path):
    first = export(dispatch, tmp_path / "first.jsonl")
    linked, plain = (json.loads(line) for line in first.decode().splitlines())
    by_id = {span["id"]: span for span in linked["spans"]}
    roles = {
        (by_id[link["event"]]["text"], by_id[link["argument"]]["text"], link["role"])
        for link in linked["links"]
    }
    assert roles == {
        ("أرسلت", "بيونغ يانغ", "agent"),
        ("أرسلت", "1500", "quantity"),
        ("أرسلت", "روسيا", "target"),
    }
    number = next(span for span in linked["spans"] if span["label"] == "number")
    assert number["value"] == 1500 and number["attributes"] == {"unit": "جندي"}
    event = next(span for span in linked["spans"] if span["label"] == "event")
    assert event["attributes"] == {"type": "deployment"}
    # A document without links is written as before links existed.
    assert "links" not in plain and "id" not in plain["spans"][0]

    again = Project.in_memory()
    import_paths(again, [tmp_path / "first.jsonl"])
    assert export(again, tmp_path / "second.jsonl") == first


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda r: r["links"].append({"event": 2, "argument": 99, "role": "agent"}),
            "link 4: argument 99 is not the id",
        ),
        (lambda r: r["links"][0].update(role="witness"), "link 1: unknown role 'witness'"),
        (lambda r: r["links"][0].update(role="quantity"), "link 1: role 'quantity' takes number"),
        (
            lambda r: r["spans"][1]["attributes"].update(type="picnic"),
            "unknown event type 'picnic'",
        ),
    ],
)
def test_a_bad_link_or_attribute_names_the_line_and_nothing_is_imported(
    dispatch, tmp_path, change, message
):
    export(dispatch, tmp_path / "first.jsonl")
    lines = (tmp_path / "first.jsonl").read_text("utf-8").splitlines()
    record = json.loads(lines[0])
    change(record)
    bad = tmp_path / "bad.jsonl"
    bad.write_text(lines[1] + "\n" + json.dumps(record, ensure_ascii=False) + "\n", "utf-8")
    again = Project.in_memory()
    with pytest.raises(ImportFailed) as failed:
        import_paths(again, [bad])
    assert f"{bad}:2: " in str(failed.value) and message in str(failed.value)
    assert again.document_ids() == []
