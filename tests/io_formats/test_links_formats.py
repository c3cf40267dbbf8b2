"""Links in the formats that hold them: Label Studio relations, doccano relation JSONL,
Prodigy relations and DyGIE++ events; exported, checked against each format's documented
shape, and (where the format is read back) re-imported with the same links."""

from __future__ import annotations

import json

import pytest
from sample_project import SAMPLE_LINKS, linked_sample_project, stored, stored_links

from annotator.io.exporting import export_project
from annotator.io.importing import ImportFailed, import_paths
from annotator.storage import Project

EXPECTED_LINKS = sorted((event, role, argument) for _, event, role, argument in SAMPLE_LINKS)


def reimported(tmp_path, fmt: str, suffix: str, import_fmt: str | None = None) -> Project:
    out = tmp_path / f"out{suffix}"
    export_project(linked_sample_project(), out, fmt=fmt)
    again = Project.in_memory()
    import_paths(again, [out], fmt=import_fmt or fmt)
    return again


def test_the_linked_sample_holds_its_links():
    assert stored_links(linked_sample_project()) == EXPECTED_LINKS


# -- Label Studio ------------------------------------------------------------------------


def test_label_studio_relations_re_import_with_the_same_links(tmp_path):
    again = reimported(tmp_path, "labelstudio", ".json")
    assert stored_links(again) == EXPECTED_LINKS
    assert stored(again) == stored(linked_sample_project())


def test_label_studio_counts_the_event_type_it_has_no_place_for(tmp_path):
    from annotator.io.labelstudio import LS_ATTRIBUTES

    report = export_project(linked_sample_project(), tmp_path / "t.json", fmt="labelstudio")
    assert report.not_held[LS_ATTRIBUTES] == 1  # the dispatch's type
    assert any(LS_ATTRIBUTES in line for line in report.messages())


def test_label_studio_relation_pointing_left_is_read_from_its_arrow_and_bad_ones_are_named(
    tmp_path,
):
    out = tmp_path / "tasks.json"
    export_project(linked_sample_project(), out, fmt="labelstudio")
    tasks = json.loads(out.read_text(encoding="utf-8"))
    for result in tasks[1]["annotations"][0]["result"]:
        if result["type"] == "relation":  # the same links, drawn from the argument
            result["from_id"], result["to_id"] = result["to_id"], result["from_id"]
            result["direction"] = "left"
    out.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    again = Project.in_memory()
    import_paths(again, [out], fmt="labelstudio")
    assert stored_links(again) == EXPECTED_LINKS
    tasks[1]["annotations"][0]["result"][-1]["to_id"] = "nowhere"
    out.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    empty = Project.in_memory()
    with pytest.raises(ImportFailed, match=r"task 2: relation 2: to_id 'nowhere' is not the id"):
        import_paths(empty, [out], fmt="labelstudio")
    assert empty.document_ids() == []


def test_links_survive_utf16_offsets_being_converted(tmp_path):
    # Label Studio's editor counts UTF-16 units: an emoji before the spans shifts them all.
    text = "😀 أرسلت بيونغ يانغ جنودا"
    event, agent = text.index("أرسلت"), text.index("بيونغ")
    shift = 1  # the emoji takes two UTF-16 units
    task = {
        "data": {"text": text},
        "annotations": [
            {
                "result": [
                    _region("e", event + shift, event + 5 + shift, "event"),
                    _region("a", agent + shift, agent + 10 + shift, "actor"),
                    {"type": "relation", "from_id": "e", "to_id": "a", "labels": ["agent"]},
                ]
            }
        ],
    }
    path = tmp_path / "ls.json"
    path.write_text(json.dumps([task], ensure_ascii=False), encoding="utf-8")
    project = Project.in_memory()
    import_paths(project, [path], fmt="labelstudio", offsets="utf16")
    assert stored_links(project) == [("أرسلت", "agent", "بيونغ يانغ")]


def _region(region: str, start: int, end: int, label: str) -> dict:
    return {
        "id": region,
        "from_name": "label",
        "to_name": "text",
        "type": "labels",
        "value": {"start": start, "end": end, "labels": [label]},
    }


# -- doccano relation JSONL --------------------------------------------------------------


def test_doccano_relations_re_import_with_the_same_links(tmp_path):
    out = tmp_path / "rel.jsonl"
    report = export_project(linked_sample_project(), out, fmt="doccano-relations")
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert set(rows[0]) == {"id", "text", "entities", "relations"}
    assert set(rows[0]["entities"][0]) == {"id", "label", "start_offset", "end_offset"}
    assert set(rows[0]["relations"][0]) == {"id", "from_id", "to_id", "type"}
    assert sum(len(row["relations"]) for row in rows) == len(SAMPLE_LINKS)
    # The number's value and the dispatch's type have no place in doccano: counted.
    assert "2 span value(s) and attribute(s) not written" in " ".join(report.messages())
    again = Project.in_memory()
    import_paths(again, [out])  # recognised as doccano by its "entities"
    assert stored_links(again) == EXPECTED_LINKS
    assert [(t, [s[:3] for s in spans]) for t, spans in stored(again)] == [
        (t, [s[:3] for s in spans]) for t, spans in stored(linked_sample_project())
    ]


def test_doccano_import_reads_a_relation_export_made_by_doccano(tmp_path):
    # doccano's own export: database ids for entities and relations, and other fields.
    text = "أرسلت بيونغ يانغ جنودا إلى روسيا"
    row = {
        "id": 6400,
        "text": text,
        "Comments": [],
        "entities": [
            {"id": 1662, "label": "event", "start_offset": 0, "end_offset": 5},
            {"id": 1663, "label": "actor", "start_offset": 6, "end_offset": 16},
            {"id": 1670, "label": "actor", "start_offset": 27, "end_offset": 32},
        ],
        "relations": [
            {"id": 273, "from_id": 1662, "to_id": 1663, "type": "agent"},
            {"id": 274, "from_id": 1662, "to_id": 1670, "type": "target"},
        ],
    }
    path = tmp_path / "admin.jsonl"
    path.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    project = Project.in_memory()
    import_paths(project, [path])
    assert stored_links(project) == [
        ("أرسلت", "agent", "بيونغ يانغ"),
        ("أرسلت", "target", "روسيا"),
    ]


def test_doccano_label_format_counts_the_links_it_cannot_hold(tmp_path):
    report = export_project(linked_sample_project(), tmp_path / "d.jsonl", fmt="doccano")
    assert report.links_not_written == len(SAMPLE_LINKS)
    assert any("doccano: " in line and "link(s)" in line for line in report.messages())


def test_doccano_relation_to_an_unknown_entity_names_the_line_and_imports_nothing(tmp_path):
    out = tmp_path / "rel.jsonl"
    export_project(linked_sample_project(), out, fmt="doccano-relations")
    lines = out.read_text(encoding="utf-8").splitlines()
    row = json.loads(lines[1])
    row["relations"][0]["to_id"] = 42
    lines[1] = json.dumps(row, ensure_ascii=False)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    again = Project.in_memory()
    with pytest.raises(ImportFailed, match=r"rel.jsonl:2: relation 1: to_id 42 is not the id"):
        import_paths(again, [out], fmt="doccano")
    assert again.document_ids() == []


# -- Prodigy -----------------------------------------------------------------------------


def test_prodigy_relations_name_tokens_and_spans_as_rel_manual_saves_them(tmp_path):
    out = tmp_path / "p.jsonl"
    report = export_project(linked_sample_project(), out, fmt="prodigy")
    first = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    tokens = first["tokens"]
    for relation in first["relations"]:
        assert set(relation) == {"head", "child", "head_span", "child_span", "label"}
        for end, span in (("head", "head_span"), ("child", "child_span")):
            place = relation[span]
            assert relation[end] == place["token_end"]
            assert tokens[place["token_start"]]["start"] == place["start"]
            assert tokens[place["token_end"]]["end"] == place["end"]
            assert place in [{k: s[k] for k in place} for s in first["spans"] if "token_start" in s]
    assert sorted(r["label"] for r in first["relations"]) == ["agent", "quantity", "target"]
    # The link from the event cut inside a word has no tokens to name: counted, not dropped.
    from annotator.io.jsonl import LINK_WITHOUT_TOKENS

    assert report.not_held[LINK_WITHOUT_TOKENS] == 1


def test_prodigy_relations_re_import_with_the_same_links(tmp_path):
    again = reimported(tmp_path, "prodigy", ".jsonl")
    written = [link for link in EXPECTED_LINKS if link[0] != "مشتر"]
    assert stored_links(again) == written
    assert stored(again) == stored(linked_sample_project())


def test_prodigy_spans_carry_their_attributes_and_re_import_with_them(tmp_path):
    from annotator.core.events import TYPE_ATTRIBUTE, attribute

    out = tmp_path / "p.jsonl"
    export_project(linked_sample_project(), out, fmt="prodigy")
    spans = [
        span
        for line in out.read_text(encoding="utf-8").splitlines()
        for span in json.loads(line)["spans"]
    ]
    assert [span["attributes"] for span in spans if "attributes" in span] == [
        {"type": "deployment"}
    ]
    again = Project.in_memory()
    import_paths(again, [out], fmt="prodigy")
    types = [
        attribute(span.attributes, TYPE_ATTRIBUTE)
        for document, spans_of in again.iter_documents()
        for span in spans_of
    ]
    assert [t for t in types if t is not None] == ["deployment"]


def test_a_prodigy_relation_between_tokens_alone_is_refused_with_its_line(tmp_path):
    path = tmp_path / "dep.jsonl"
    path.write_text(
        json.dumps({"text": "قصفت القوات المدينة", "relations": [{"head": 0, "child": 1}]}) + "\n",
        encoding="utf-8",
    )
    again = Project.in_memory()
    with pytest.raises(ImportFailed, match=r"dep.jsonl:1: relation 1: needs head_span"):
        import_paths(again, [path], fmt="prodigy")


# -- DyGIE++ -----------------------------------------------------------------------------


def test_dygiepp_trigger_is_the_verb_after_a_proclitic_the_event_span_starts_with(tmp_path):
    from annotator.core.model import Document, Span

    text = "وأرسلت كوريا الشمالية جنودا"
    project = Project.in_memory()
    project.import_documents([(Document("t", text), [Span(0, 6, "event")])])
    out = tmp_path / "d.jsonl"
    export_project(project, out, fmt="dygiepp")
    row = json.loads(out.read_text(encoding="utf-8"))
    tokens = [token for sentence in row["sentences"] for token in sentence]
    [[[[trigger, kind]]]] = row["events"]
    assert tokens[:2] == ["و", "أرسلت"] and tokens[trigger] == "أرسلت" and kind == "event"


def test_dygiepp_counts_the_values_and_attributes_it_has_no_place_for(tmp_path):
    from annotator.io.dygiepp import VALUES_AND_ATTRIBUTES

    project = linked_sample_project()
    spans = [span for _, spans_of in project.iter_documents() for span in spans_of]
    values = sum(span.value is not None for span in spans)
    report = export_project(project, tmp_path / "d.jsonl", fmt="dygiepp")
    assert values > 0
    # Every value is left out; the dispatch's type is written as its event's type.
    assert report.not_held[VALUES_AND_ATTRIBUTES] == values
    assert any(VALUES_AND_ATTRIBUTES in line for line in report.messages())
